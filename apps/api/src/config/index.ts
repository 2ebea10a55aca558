export * from './app-config';
export * from './config.module';
export * from './map-layers';
export * from './paths';
