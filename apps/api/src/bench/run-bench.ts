/**
 * `pnpm bench`: search and map on a national-scale data set (issue #4).
 *
 * 1. Database: BENCH_DATABASE_URL, else an embedded PostgreSQL in apps/api/.bench-data
 *    (git-ignored; kept between runs).
 * 2. Data set: generated when missing or different (BENCH_UNITS, default 1,000,000; BENCH_SEED);
 *    reused otherwise (generate-national.ts).
 * 3. The real API (dist/main.js) as a child process against that database, rate limit raised,
 *    and the bare Fastify + pg handler (bare-server.ts) as another, running the same SQL.
 * 4. autocannon against both: search queries, page 1 vs page 500, map viewports.
 * 5. A Markdown report on stdout and in docs/benchmarks.md, with EXPLAIN (ANALYZE, BUFFERS).
 *
 * Settings: BENCH_DURATION (s per measurement, default 10), BENCH_CONNECTIONS (default 10),
 * BENCH_ROUNDS (alternating measurements per side, best reported; default 2),
 * BENCH_ZONES, BENCH_FORCE=true (regenerate), BENCH_PG_PORT, BENCH_WRITE_DOCS=false.
 */
import 'reflect-metadata';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { API_ROOT, REPO_ROOT } from '../config/paths';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import {
  canUseMapCells,
  buildCountSql,
  buildMapCellClustersSql,
  buildMapClustersSql,
  buildMapCountSql,
  buildMapPointsSql,
  buildSearchSql,
  type SqlQuery,
} from '../modules/search/search.sql';
import type { BareReply, BareStartMessage } from './bare-server';
import { childEnvironment, readBenchSettings, type BenchSettings } from './bench-env';
import { ensureNationalDataset } from './generate-national';
import {
  best,
  getJson,
  measureAdaptive,
  measureSequential,
  type LoadOptions,
  type LoadResult,
} from './load';
import {
  renderReport,
  writeReport,
  type BenchReport,
  type Explained,
  type MapRow,
  type PagingRow,
  type SearchRow,
} from './report';
import {
  mapPath,
  mapScenarios,
  pagingScenarios,
  searchPath,
  searchScenarios,
  type DatasetSample,
  type MapScenario,
  type SearchScenario,
} from './scenarios';

const log = (message: string) => console.warn(`[bench] ${message}`);
const PAGES = 500;

interface SearchResponse {
  items: { id: string }[];
  nextCursor: string | null;
  total: { value: number; exact: boolean };
}

interface MapResponse {
  clustered: boolean;
  total: { value: number; exact: boolean };
  features: unknown[];
}

interface Database {
  url: string;
  label: string;
  stop(): Promise<void>;
}

async function openBenchDatabase(settings: BenchSettings): Promise<Database> {
  if (settings.databaseUrl) {
    return { url: settings.databaseUrl, label: 'BENCH_DATABASE_URL', stop: async () => undefined };
  }
  const dataDir = join(API_ROOT, '.bench-data', 'postgres');
  const server = await startEmbeddedPostgres({
    dataDir,
    port: settings.pgPort,
    database: 'factoryspace_bench',
    log,
  });
  return { url: server.url, label: `embedded (${dataDir})`, stop: server.stop };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The API as in production: dist/main.js, its own process, logs at warn. */
async function startApi(databaseUrl: string): Promise<{ origin: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(API_ROOT, 'dist', 'main.js')], {
    cwd: API_ROOT,
    env: childEnvironment({
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // The highest the configuration allows; the load also spreads over 256 client addresses.
      RATE_LIMIT_PER_MINUTE: '100000',
    }),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/api/health`, child, 60_000);
  return { origin, stop: () => stopChild(child) };
}

async function startBare(
  databaseUrl: string,
  search: SearchScenario[],
  map: MapScenario[],
): Promise<{ origin: string; fastifyVersion: string; stop(): Promise<void> }> {
  const child = fork(join(__dirname, 'bare-server.js'), [], { stdio: 'inherit' });
  const port = await freePort();
  const reply = await new Promise<BareReply>((resolve, reject) => {
    child.once('message', (message) => resolve(message as BareReply));
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
    const start: BareStartMessage = { type: 'start', databaseUrl, port, search, map };
    child.send(start);
  });
  if (reply.type === 'error') throw new Error(`bare server: ${reply.message}`);
  return {
    origin: `http://127.0.0.1:${reply.port}`,
    fastifyVersion: reply.fastifyVersion,
    stop: () => stopChild(child),
  };
}

/** The busiest zone (units on the market) and its busiest park, for zone filters and maps. */
async function readSample(client: Client): Promise<DatasetSample> {
  const publicUnits = `u.deleted_at IS NULL AND u.is_listed AND u.occupancy_status IN ('vacant', 'reserved')`;
  const { rows: zones } = await client.query<{
    id: string;
    name: string;
    lng: number;
    lat: number;
  }>(
    `SELECT z.id, z.name, avg(u.location[0]) AS lng, avg(u.location[1]) AS lat
       FROM units u JOIN zones z ON z.id = u.zone_id
      WHERE ${publicUnits}
      GROUP BY z.id ORDER BY count(*) DESC, z.id LIMIT 1`,
  );
  const zone = zones[0];
  if (!zone) throw new Error('the data set has no units on the market');
  const { rows: parks } = await client.query<{ name: string; lng: number; lat: number }>(
    `SELECT p.name, avg(u.location[0]) AS lng, avg(u.location[1]) AS lat
       FROM units u JOIN parks p ON p.id = u.park_id
      WHERE ${publicUnits} AND u.zone_id = $1
      GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1`,
    [zone.id],
  );
  const park = parks[0]!;
  return {
    zoneId: zone.id,
    zoneName: zone.name,
    zoneCenter: { lng: Number(zone.lng), lat: Number(zone.lat) },
    parkName: park.name,
    parkCenter: { lng: Number(park.lng), lat: Number(park.lat) },
  };
}

async function explain(client: Client, title: string, query: SqlQuery): Promise<Explained> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${query.text}`,
    query.values,
  );
  return { title, query, plan: rows.map((r) => r['QUERY PLAN']).join('\n') };
}

async function environment(
  client: Client,
  database: Database,
  settings: BenchSettings,
  load: LoadOptions,
  fastifyVersion: string,
): Promise<Record<string, string>> {
  const setting = async (name: string) =>
    (await client.query<{ v: string }>(`SELECT current_setting($1) AS v`, [name])).rows[0]!.v;
  const cpu = cpus()[0]?.model ?? 'unknown';
  return {
    machine: `${availableParallelism()} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
    'Node.js': process.version,
    PostgreSQL: `${await setting('server_version')} — ${database.label}`,
    'shared_buffers / work_mem / jit': `${await setting('shared_buffers')} / ${await setting('work_mem')} / ${await setting('jit')}`,
    load: `autocannon, ${load.connections} connections, ${load.warmupS} s warm-up + ${load.durationS} s per measurement, best of ${settings.rounds} alternating rounds`,
    'API process': `dist/main.js, NODE_ENV=production, LOG_LEVEL=warn, pool of 10 connections`,
    'bare process': `Fastify ${fastifyVersion} + pg Pool of 10, same SQL builders (modules/search/search.sql.ts)`,
    units: String(settings.units),
  };
}

interface Target {
  origin: string;
  path: string;
}

/**
 * Alternates the two measurements `rounds` times and keeps the best of each; when one side had
 * to be timed one request at a time, so is the other (ratios compare like with like).
 */
async function compare(
  rounds: number,
  load: LoadOptions,
  first: Target,
  second: Target,
): Promise<[LoadResult, LoadResult]> {
  let a: LoadResult | undefined;
  let b: LoadResult | undefined;
  for (let round = 0; round < rounds; round++) {
    a = best(a, await measureAdaptive(first.origin, first.path, load));
    b = best(b, await measureAdaptive(second.origin, second.path, load));
    if (a.mode === 'sequential' || b.mode === 'sequential') break;
  }
  if (a!.mode !== 'sequential' && b!.mode === 'sequential') {
    a = await measureSequential(first.origin, first.path);
  } else if (a!.mode === 'sequential' && b!.mode !== 'sequential') {
    b = await measureSequential(second.origin, second.path);
  }
  return [a!, b!];
}

const sameIds = (a: { id: string }[], b: { id: string }[]) =>
  a.length === b.length && a.every((item, i) => item.id === b[i]!.id);

async function main(): Promise<number> {
  const settings = readBenchSettings();
  const startedAt = new Date();
  const load: LoadOptions = {
    durationS: settings.durationS,
    connections: settings.connections,
    warmupS: Math.min(3, Math.max(1, Math.round(settings.durationS / 4))),
  };
  const database = await openBenchDatabase(settings);
  const stops: Array<() => Promise<void>> = [];
  const client = new Client({
    connectionString: database.url,
    application_name: 'factoryspace-bench',
  });
  try {
    const dataset = await ensureNationalDataset(database.url, {
      seed: settings.seed,
      units: settings.units,
      zones: settings.zones,
      force: settings.force,
      log,
    });
    await client.connect();
    const sample = await readSample(client);
    const search = searchScenarios(sample);
    const paging = pagingScenarios();
    const maps = mapScenarios(sample);

    const api = await startApi(database.url);
    stops.push(api.stop);
    const bare = await startBare(database.url, [...search, ...paging], maps);
    stops.push(bare.stop);
    log(`API on ${api.origin}, bare handler on ${bare.origin}`);

    const explains: Explained[] = [];
    const searchRows: SearchRow[] = [];
    for (const [index, scenario] of search.entries()) {
      log(`search: ${scenario.name}`);
      const fromApi = await getJson<SearchResponse>(api.origin, searchPath(scenario));
      const fromBare = await getJson<SearchResponse>(bare.origin, `/bare/search/${index}`);
      const [apiResult, bareResult] = await compare(
        settings.rounds,
        load,
        { origin: api.origin, path: searchPath(scenario) },
        { origin: bare.origin, path: `/bare/search/${index}` },
      );
      searchRows.push({
        name: scenario.name,
        api: apiResult,
        bare: bareResult,
        total: `${fromApi.total.value.toLocaleString('en-US')}${fromApi.total.exact ? '' : '+'}`,
        sameRows:
          sameIds(fromApi.items, fromBare.items) && fromApi.total.value === fromBare.total.value,
      });
      const { filter, sort, limit } = scenario;
      explains.push(
        await explain(
          client,
          `search · ${scenario.name} · page`,
          buildSearchSql(filter, sort, undefined, limit),
        ),
        await explain(client, `search · ${scenario.name} · total`, buildCountSql(filter, sort)),
      );
    }

    const pagingRows: PagingRow[] = [];
    for (const scenario of paging) {
      log(`paging: ${scenario.name} (following ${PAGES - 1} cursors)`);
      let cursor: string | undefined;
      for (let page = 1; page < PAGES; page++) {
        const response = await getJson<SearchResponse>(api.origin, searchPath(scenario, cursor));
        if (!response.nextCursor) throw new Error(`${scenario.name}: only ${page} pages`);
        cursor = response.nextCursor;
      }
      const [page1, page500] = await compare(
        settings.rounds,
        load,
        { origin: api.origin, path: searchPath(scenario) },
        { origin: api.origin, path: searchPath(scenario, cursor) },
      );
      pagingRows.push({ name: scenario.name, page1, page500 });
      const { filter, sort, limit } = scenario;
      explains.push(
        await explain(
          client,
          `page 1 · ${scenario.name}`,
          buildSearchSql(filter, sort, undefined, limit),
        ),
        await explain(
          client,
          `page ${PAGES} · ${scenario.name}`,
          buildSearchSql(filter, sort, cursor, limit),
        ),
      );
    }

    const mapRows: MapRow[] = [];
    for (const [index, scenario] of maps.entries()) {
      log(`map: ${scenario.name}`);
      const response = await getJson<MapResponse>(api.origin, mapPath(scenario));
      const [apiResult, bareResult] = await compare(
        settings.rounds,
        load,
        { origin: api.origin, path: mapPath(scenario) },
        { origin: bare.origin, path: `/bare/map/${index}` },
      );
      mapRows.push({
        name: scenario.name,
        zoom: scenario.zoom,
        features: response.features.length,
        clustered: response.clustered,
        total: response.total.value,
        api: apiResult,
        bare: bareResult,
      });
      explains.push(
        await explain(
          client,
          `map · ${scenario.name} · units in view`,
          buildMapCountSql(scenario.filter),
        ),
      );
      const { filter, zoom } = scenario;
      explains.push(
        !response.clustered
          ? await explain(client, `map · ${scenario.name} · points`, buildMapPointsSql(filter))
          : canUseMapCells(filter, zoom)
            ? await explain(
                client,
                `map · ${scenario.name} · clusters from map cells`,
                buildMapCellClustersSql(filter.bbox, zoom),
              )
            : await explain(
                client,
                `map · ${scenario.name} · clusters`,
                buildMapClustersSql(filter, zoom),
              ),
      );
    }

    const report: BenchReport = {
      startedAt,
      environment: await environment(client, database, settings, load, bare.fastifyVersion),
      dataset,
      search: searchRows,
      paging: pagingRows,
      map: mapRows,
      explains,
    };
    const markdown = renderReport(report);
    process.stdout.write(`${markdown.slice(0, markdown.indexOf('#### Query plans'))}\n`);
    if (settings.writeDocs) {
      const file = join(REPO_ROOT, 'docs', 'benchmarks.md');
      await writeReport(file, markdown);
      log(`wrote ${file}`);
    }
    return 0;
  } finally {
    await client.end().catch(() => undefined);
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
