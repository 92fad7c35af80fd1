export * from './documents';
export * from './group';
export * from './search-index';
export * from './route';
