export * from './cursor';
export * from './keyset';
export * from './page';
export * from './page-query.dto';
export * from './pagination.errors';
export * from './fetch-page';
