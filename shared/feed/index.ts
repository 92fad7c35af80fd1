export * from './types';
export * from './derive';
export * from './view';
export * from './window';
export * from './snapshot';
