import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { API_ROOT } from '../../src/config/paths';
import { runMigrations, withDataSource } from '../../src/database/database-setup';
import {
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from '../../src/database/embedded-postgres';
import {
  ENV_SERVER_URL,
  ENV_TEMPLATE,
  createDatabase,
  uniqueDatabaseName,
  withDatabase,
} from './test-database';

export interface TestServerState {
  serverUrl: string;
  template: string;
  embedded?: EmbeddedPostgresHandle;
  dataDir?: string;
}

/** Shared with global-teardown.ts (same process). */
export const STATE_KEY = '__factoryspaceTestServer';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * One PostgreSQL for the whole run: TEST_DATABASE_URL / DATABASE_URL when set, else an embedded
 * server in a fresh folder on a free port. A template database is migrated once; each test file
 * copies it (createTestApp), which takes milliseconds.
 */
export default async function globalSetup(): Promise<void> {
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const state: Partial<TestServerState> = {};
  if (external) {
    state.serverUrl = external;
  } else {
    state.dataDir = join(API_ROOT, '.data', `test-${process.pid}-${Date.now().toString(36)}`);
    try {
      state.embedded = await startEmbeddedPostgres({
        dataDir: state.dataDir,
        port: await freePort(),
        database: 'postgres',
      });
    } catch (error) {
      rmSync(state.dataDir, { recursive: true, force: true });
      throw error;
    }
    state.serverUrl = state.embedded.url;
  }
  state.template = uniqueDatabaseName('fs_template');
  (globalThis as Record<string, unknown>)[STATE_KEY] = state;

  try {
    await createDatabase(state.serverUrl, state.template);
    await withDataSource(withDatabase(state.serverUrl, state.template), (ds) =>
      runMigrations(ds, () => undefined),
    );
  } catch (error) {
    // Jest skips the teardown when the setup fails.
    await state.embedded?.stop();
    if (state.dataDir) rmSync(state.dataDir, { recursive: true, force: true });
    throw error;
  }

  process.env[ENV_SERVER_URL] = state.serverUrl;
  process.env[ENV_TEMPLATE] = state.template;
}
