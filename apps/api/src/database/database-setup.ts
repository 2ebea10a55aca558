import { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import { redactUrl } from '../common/logging/logger';
import { cliDataSourceOptions } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';
import { runSeed } from './seeds';

type Log = (message: string) => void;

export interface OpenedDatabase {
  url: string;
  /** True when the embedded server was started (and should migrate and seed on start-up). */
  embedded: boolean;
  /** Stops the embedded server; nothing for an external DATABASE_URL. */
  stop(): Promise<void>;
}

/** DATABASE_URL when set, else the embedded server with its project-local data folder. */
export async function openDatabase(config: AppConfig, log: Log): Promise<OpenedDatabase> {
  if (config.database.url) {
    log(`using DATABASE_URL ${redactUrl(config.database.url)}`);
    return { url: config.database.url, embedded: false, stop: async () => undefined };
  }
  const { dataDir, port, database } = config.database.embedded;
  const server = await startEmbeddedPostgres({ dataDir, port, database, log });
  return { url: server.url, embedded: true, stop: server.stop };
}

/** Runs `work` with a standalone DataSource (entities from the glob), then closes it. */
export async function withDataSource<T>(
  url: string,
  work: (ds: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = new DataSource(cliDataSourceOptions(url));
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export async function runMigrations(dataSource: DataSource, log: Log): Promise<void> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  log(
    applied.length
      ? `applied migrations: ${applied.map((m) => m.name).join(', ')}`
      : 'no pending migrations',
  );
}

/** Embedded start-up: pending migrations, then the demo data when there are no zones yet. */
export async function migrateAndSeed(url: string, log: Log): Promise<void> {
  await withDataSource(url, async (dataSource) => {
    await runMigrations(dataSource, log);
    const { created } = await runSeed(dataSource, { logger: log });
    log(created ? 'seeded demo data' : 'database already has data; seed skipped');
  });
}
