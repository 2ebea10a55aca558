import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { UserRole } from '@factoryspace/domain';
import { type InsertUserOptions, type TestSession, insertUserWithSession } from './sign-in';
import { AppModule } from '../../src/app.module';
import { API_ROOT, loadConfig, type AppConfig } from '../../src/config';
import { configureApp, createFastifyAdapter } from '../../src/configure-app';
import { createLogger } from '../../src/common/logging/logger';
import { PinoLoggerService } from '../../src/common/logging/pino-logger.service';
import {
  ENV_SERVER_URL,
  ENV_TEMPLATE,
  createDatabase,
  dropDatabase,
  uniqueDatabaseName,
  withDatabase,
} from './test-database';

export interface CreateTestAppOptions {
  /**
   * Extra environment for loadConfig (e.g. WEB_DIST_DIR). Defaults: NODE_ENV=test, quiet logs,
   * MAP_BASE_LAYER=none (no tiles) unless MAP_BASE_LAYER or MAP_TILE_URL is given.
   */
  env?: Record<string, string>;
  /** Replace providers before compiling: `(b) => b.overrideProvider(X).useValue(y)`. */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  /** Make `inject` act as a signed-in user of this role (session inserted directly). */
  as?: UserRole;
}

type Inject = NestFastifyApplication['inject'];
type InjectOptions = Exclude<Parameters<Inject>[0], string | undefined>;

/** `inject` sending a session cookie and its CSRF token with every request. */
export function injectAs(
  inject: Inject,
  session: Pick<TestSession, 'cookie' | 'csrfToken'>,
): Inject {
  return ((options: InjectOptions | string) => {
    const opts: InjectOptions = typeof options === 'string' ? { url: options } : options;
    return inject({
      ...opts,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        ...(opts.headers as Record<string, string> | undefined),
      },
    });
  }) as Inject;
}

export interface TestApp {
  app: NestFastifyApplication;
  /**
   * Fastify light-my-request: `await inject({ method: 'GET', url: '/api/health' })`; signed in
   * when the app was created with `as`.
   */
  inject: NestFastifyApplication['inject'];
  /** Always a visitor (no cookie). */
  anonymous: NestFastifyApplication['inject'];
  /** The session behind `inject` when created with `as`. */
  session: TestSession | undefined;
  /** A new signed-in user and an inject acting as them. */
  signIn(options: InsertUserOptions): Promise<TestSession & { inject: Inject }>;
  dataSource: DataSource;
  config: AppConfig;
  /** This test file's own database (migrated, empty). */
  databaseUrl: string;
  /** Closes the app and drops its database. */
  close(): Promise<void>;
}

/**
 * The real AppModule on a fresh database copied from the migrated template, configured exactly
 * like main.ts (configureApp). Call once per test file in beforeAll and `close()` in afterAll.
 */
export async function createTestApp(options: CreateTestAppOptions = {}): Promise<TestApp> {
  const serverUrl = process.env[ENV_SERVER_URL];
  const template = process.env[ENV_TEMPLATE];
  if (!serverUrl || !template) {
    throw new Error(
      'createTestApp() needs the integration globalSetup (run with `jest --selectProjects integration`)',
    );
  }
  const database = uniqueDatabaseName('fs_test');
  await createDatabase(serverUrl, database, template);
  const databaseUrl = withDatabase(serverUrl, database);

  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WEB_DIST_DIR: join(API_ROOT, 'test', 'fixtures', 'no-web-dist'),
    // Tests run offline: no base map, so no tile host in the CSP and none for the web app.
    // A test that configures its own tiles (MAP_TILE_URL alone means custom) keeps them.
    ...(options.env?.MAP_BASE_LAYER || options.env?.MAP_TILE_URL ? {} : { MAP_BASE_LAYER: 'none' }),
    ...options.env,
  });
  const logger = createLogger(config.app.logLevel);
  let app: NestFastifyApplication | undefined;
  try {
    let builder = Test.createTestingModule({
      imports: [AppModule.forRoot({ config, databaseUrl })],
    });
    if (options.override) builder = options.override(builder);
    const moduleRef = await builder.compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(
      createFastifyAdapter(logger, config.security.trustProxy),
      {
        logger: new PinoLoggerService(logger),
      },
    );
    await configureApp(app, config, logger);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    await app?.close().catch(() => undefined);
    await dropDatabase(serverUrl, database).catch(() => undefined);
    throw error;
  }
  const ready = app;
  const anonymous = ready.inject.bind(ready) as Inject;
  const dataSource = ready.get<DataSource>(getDataSourceToken());
  const signIn = async (opts: InsertUserOptions) => {
    const session = await insertUserWithSession(dataSource, opts);
    return { ...session, inject: injectAs(anonymous, session) };
  };
  const session = options.as
    ? await insertUserWithSession(dataSource, { role: options.as })
    : undefined;
  return {
    app: ready,
    inject: session ? injectAs(anonymous, session) : anonymous,
    anonymous,
    session,
    signIn,
    dataSource,
    config,
    databaseUrl,
    close: async () => {
      await ready.close();
      await dropDatabase(serverUrl, database);
    },
  };
}
