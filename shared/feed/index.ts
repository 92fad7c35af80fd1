export * from './types';
export * from './derive';
export * from './view';
export * from './window';
