export * from './types';
export * from './money';
export * from './engine';
export * from './validate';
export * from './coverage';
export * from './defaults';
export * from './qualifications';
export * from './labels';
