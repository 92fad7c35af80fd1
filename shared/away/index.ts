export * from './changes';
export * from './gap';
export * from './health-drops';
export * from './rank';
