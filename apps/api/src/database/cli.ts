import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../common/logging/logger';
import { openDatabase, runMigrations, withDataSource } from './database-setup';
import { runSeed } from './seeds';

type Log = (message: string) => void;

const COMMANDS: Record<string, (ds: DataSource, log: Log) => Promise<number>> = {
  async migrate(ds, log) {
    await runMigrations(ds, log);
    return 0;
  },
  async revert(ds, log) {
    await ds.undoLastMigration({ transaction: 'each' });
    log('reverted the last migration');
    return 0;
  },
  async seed(ds, log) {
    const { created } = await runSeed(ds, { logger: log });
    log(created ? 'seeded demo data' : 'database already has zones; nothing seeded');
    return 0;
  },
  /** CI: fails when the entities and the migrations disagree. */
  async 'schema:check'(ds, log) {
    const pending = await ds.showMigrations();
    if (pending) {
      log('there are pending migrations; run `migrate` first');
      return 1;
    }
    if (ds.entityMetadatas.length === 0) {
      log('no entities found (modules/**/*.entity): nothing to compare');
      return 1;
    }
    const { upQueries } = await ds.driver.createSchemaBuilder().log();
    if (upQueries.length === 0) {
      log(
        `entities (${ds.entityMetadatas.map((m) => m.tableName).join(', ')}) and migrations agree`,
      );
      return 0;
    }
    console.error('entities and migrations disagree; a new migration would run:');
    for (const q of upQueries) console.error(`  ${q.query};`);
    return 1;
  },
};

async function main(): Promise<number> {
  const command = process.argv[2] ?? '';
  const run = COMMANDS[command];
  if (!run) {
    console.error(`usage: cli.js ${Object.keys(COMMANDS).join('|')}`);
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(config.app.logLevel);
  const log: Log = (message) => logger.info(message);
  const database = await openDatabase(config, log);
  try {
    return await withDataSource(database.url, (ds) => run(ds, log));
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
