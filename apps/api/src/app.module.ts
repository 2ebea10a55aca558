import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, type AppConfig } from './config';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { FEATURE_MODULES } from './modules';

export interface AppModuleOptions {
  config: AppConfig;
  /** The database to connect to (embedded, DATABASE_URL or a test database). */
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl),
        HealthModule,
        ...FEATURE_MODULES,
      ],
    };
  }
}
