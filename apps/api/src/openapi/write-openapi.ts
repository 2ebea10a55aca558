import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { loadConfig, API_ROOT } from '../config';
import { GLOBAL_PREFIX, createFastifyAdapter } from '../configure-app';
import { createLogger } from '../common/logging/logger';
import { createOpenApiDocument, sortKeys } from './openapi';
import { RequestMethod } from '@nestjs/common';

export const OPENAPI_FILE = join(API_ROOT, 'openapi.json');

/**
 * Builds the document from the real AppModule without any database: the TypeORM DataSource is
 * replaced by an uninitialised one, which is enough for routes and schemas.
 */
export async function renderOpenApi(): Promise<string> {
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  const logger = createLogger('silent');
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config, databaseUrl: 'postgres://unused@127.0.0.1:1/unused' })],
  })
    .overrideProvider(getDataSourceToken())
    .useValue(new DataSource({ type: 'postgres' }))
    .compile({ abortOnError: false } as never);
  const app = moduleRef.createNestApplication<NestFastifyApplication>(
    createFastifyAdapter(logger),
    {
      logger: false,
    },
  );
  app.setGlobalPrefix(GLOBAL_PREFIX, {
    exclude: [{ path: 'api/health', method: RequestMethod.ALL }],
  });
  try {
    return `${JSON.stringify(sortKeys(createOpenApiDocument(app)), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

async function main(): Promise<number> {
  const rendered = await renderOpenApi();
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(OPENAPI_FILE, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (committed !== rendered) {
      console.error(
        `${OPENAPI_FILE} is stale: the API changed. Run \`pnpm --filter @factoryspace/api build && pnpm --filter @factoryspace/api openapi:write\` and commit the result.`,
      );
      return 1;
    }
    console.warn('openapi.json is up to date');
    return 0;
  }
  writeFileSync(OPENAPI_FILE, rendered);
  console.warn(`wrote ${OPENAPI_FILE}`);
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
