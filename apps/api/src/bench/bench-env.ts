/**
 * Settings of the bench tools (generate-national, run-bench). The bench is a developer tool that
 * runs beside the API, not part of it, so it reads its own BENCH_* variables here (the only file
 * in src/bench that touches process.env); the API it starts is configured through src/config.
 */

export interface BenchSettings {
  /** An existing PostgreSQL to use; unset: the embedded server in apps/api/.bench-data. */
  databaseUrl: string | undefined;
  units: number;
  seed: number;
  /** Default: one zone per 500 units, 10 … 2,000. */
  zones: number | undefined;
  /** Regenerate even when the database already holds the requested data set. */
  force: boolean;
  /** Seconds per measurement. */
  durationS: number;
  /** Concurrent connections autocannon keeps open. */
  connections: number;
  /** Measurements of each side, alternating; the best is reported (a busy machine is noisy). */
  rounds: number;
  /** Port of the embedded PostgreSQL. */
  pgPort: number;
  /** Write docs/benchmarks.md (default true; BENCH_WRITE_DOCS=false to only print). */
  writeDocs: boolean;
}

export const DEFAULT_UNITS = 1_000_000;
export const DEFAULT_SEED = 20_261_123;

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim().replace(/_/g, '');
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max} (got ${env[name]})`);
  }
  return value;
}

const flag = (value: string | undefined, fallback: boolean) =>
  value === undefined || value.trim() === '' ? fallback : /^(1|true|yes)$/i.test(value.trim());

/** Reads BENCH_* (and, for the generator's CLI, DATABASE_URL as a fallback URL). */
export function readBenchSettings(
  // eslint-disable-next-line no-restricted-properties -- see the file comment
  env: NodeJS.ProcessEnv = process.env,
): BenchSettings {
  const zones = integer(env, 'BENCH_ZONES', 0, 0, 9999);
  return {
    databaseUrl: env.BENCH_DATABASE_URL?.trim() || undefined,
    units: integer(env, 'BENCH_UNITS', DEFAULT_UNITS, 100, 50_000_000),
    seed: integer(env, 'BENCH_SEED', DEFAULT_SEED, 0, 2_147_483_647),
    zones: zones === 0 ? undefined : zones,
    force: flag(env.BENCH_FORCE, false),
    durationS: integer(env, 'BENCH_DURATION', 10, 1, 600),
    connections: integer(env, 'BENCH_CONNECTIONS', 10, 1, 1000),
    rounds: integer(env, 'BENCH_ROUNDS', 2, 1, 10),
    pgPort: integer(env, 'BENCH_PG_PORT', 54339, 1024, 65535),
    writeDocs: flag(env.BENCH_WRITE_DOCS, true),
  };
}

/** The environment of a child process: this one's, with `overrides` on top. */
export function childEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  // eslint-disable-next-line no-restricted-properties -- see the file comment
  return { ...process.env, ...overrides };
}
