export * from './machine';
export * from './viewing';
export * from './application';
export * from './lease';
