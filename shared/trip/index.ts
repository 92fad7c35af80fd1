export * from './plan';
export * from './readiness';
