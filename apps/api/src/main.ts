import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config';
import { configureApp, createFastifyAdapter } from './configure-app';
import { createLogger } from './common/logging/logger';
import { PinoLoggerService } from './common/logging/pino-logger.service';
import { migrateAndSeed, openDatabase } from './database/database-setup';

/** Invalid configuration stops start-up with the variables named and no stack trace. */
function loadConfigOrExit() {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return process.exit(1);
  }
}

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.app.logLevel);
  const log = (message: string) => logger.info({ context: 'Database' }, message);

  const database = await openDatabase(config, log);
  let app: NestFastifyApplication | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await app?.close();
    } catch (error) {
      logger.error({ err: error }, 'error while closing the app');
    }
    await database.stop();
    logger.info('stopped');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => void shutdown(signal));

  try {
    // The embedded default migrates and seeds itself; an external database migrates explicitly.
    if (database.embedded) await migrateAndSeed(database.url, log);
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot({ config, databaseUrl: database.url }),
      createFastifyAdapter(logger, config.security.trustProxy),
      { logger: new PinoLoggerService(logger), abortOnError: false },
    );
    await configureApp(app, config, logger);
    await app.listen(config.app.port, config.app.host);
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    await app?.close().catch(() => undefined);
    await database.stop();
    process.exit(1);
  }
}

void bootstrap();
