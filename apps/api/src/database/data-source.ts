import { join } from 'node:path';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

/** src/ when run by ts-node or jest, dist/ when built: both globs cover both. */
const SOURCE_ROOT = join(__dirname, '..');

export const MIGRATIONS_GLOB = join(SOURCE_ROOT, 'database', 'migrations', '*.{ts,js}');
export const ENTITIES_GLOB = join(SOURCE_ROOT, 'modules', '**', '*.entity.{ts,js}');

/**
 * The one set of connection options, shared by Nest (which adds `autoLoadEntities`) and the CLI
 * (which adds the entity glob). Schema changes happen only through migrations.
 */
export function dataSourceOptions(url: string): PostgresConnectionOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: [MIGRATIONS_GLOB.replace(/\.\{ts,js\}$/, isTsRuntime() ? '.ts' : '.js')],
    migrationsTableName: 'typeorm_migrations',
    applicationName: 'factoryspace-api',
    extra: { max: 10 },
  };
}

/** Options for a standalone DataSource (CLI, tests, start-up migrations). */
export function cliDataSourceOptions(url: string): PostgresConnectionOptions {
  return {
    ...dataSourceOptions(url),
    entities: [ENTITIES_GLOB.replace(/\.\{ts,js\}$/, isTsRuntime() ? '.ts' : '.js')],
  };
}

/** True under ts-node or jest (this file is .ts), false in dist. */
function isTsRuntime(): boolean {
  return __filename.endsWith('.ts');
}
