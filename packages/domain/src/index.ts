export * from './enums';
export * from './labels';
export * from './measures';
export * from './dates';
export * from './geo';
export * from './validation';
export * from './dossier';
