/**
 * The bench's yardstick: a bare Fastify + pg server (no Nest, no validation, no mapping, no
 * logging) that runs exactly the SQL the API runs for a scenario, built by the same functions
 * (modules/search/search.sql.ts) and in the same order as SearchService. The runner forks it
 * and sends the scenarios over IPC; the API's cost above this is the framework's.
 *
 *   GET /bare/search/:index?cursor=…   like GET /api/v1/public/units
 *   GET /bare/map/:index               like GET /api/v1/public/units/map
 */
import Fastify from 'fastify';
import { Pool } from 'pg';
import { cappedTotal } from '../common/pagination';
import {
  MAX_MAP_FEATURES,
  POINTS_BELOW,
  POINTS_ZOOM,
  canUseMapCells,
  buildCountSql,
  buildMapCellClustersSql,
  buildMapClustersSql,
  buildMapCountSql,
  buildMapPointsSql,
  buildSearchSql,
  buildUnitsByIdSql,
  nextCursorOf,
  normalizeKeyword,
  type CardRow,
  type SqlQuery,
} from '../modules/search/search.sql';
import type { MapScenario, SearchScenario } from './scenarios';

export interface BareStartMessage {
  type: 'start';
  databaseUrl: string;
  port: number;
  search: SearchScenario[];
  map: MapScenario[];
}

export type BareReply =
  { type: 'ready'; port: number; fastifyVersion: string } | { type: 'error'; message: string };

async function start(message: BareStartMessage): Promise<{ port: number; version: string }> {
  // The API's pool: TypeORM's postgres driver with `extra: { max: 10 }` (data-source.ts).
  const pool = new Pool({ connectionString: message.databaseUrl, max: 10 });
  const rows = async <T>(query: SqlQuery): Promise<T[]> =>
    (await pool.query(query.text, query.values)).rows as T[];
  const count = async (query: SqlQuery): Promise<number> =>
    (await rows<{ n: number }>(query))[0]?.n ?? 0;

  const app = Fastify({ logger: false });

  app.get<{ Params: { index: string }; Querystring: { cursor?: string } }>(
    '/bare/search/:index',
    async (request, reply) => {
      const scenario = message.search[Number(request.params.index)];
      if (!scenario) return reply.code(404).send({ code: 'NO_SCENARIO' });
      const { filter, sort, limit } = scenario;
      const [page, total] = await Promise.all([
        rows<CardRow>(buildSearchSql(filter, sort, request.query.cursor, limit)),
        count(buildCountSql(filter, sort)),
      ]);
      return {
        items: page.slice(0, limit),
        nextCursor: nextCursorOf(page, limit, sort, normalizeKeyword(filter.q)),
        total: cappedTotal(total),
      };
    },
  );

  app.get<{ Params: { index: string } }>('/bare/map/:index', async (request, reply) => {
    const scenario = message.map[Number(request.params.index)];
    if (!scenario) return reply.code(404).send({ code: 'NO_SCENARIO' });
    const { filter, zoom } = scenario;
    const inView = await count(buildMapCountSql(filter));
    if (inView <= POINTS_BELOW || (zoom >= POINTS_ZOOM && inView <= MAX_MAP_FEATURES)) {
      const points = await rows<{ id: string }>(buildMapPointsSql(filter));
      return { clustered: false, total: cappedTotal(points.length), features: points };
    }
    const cells = await rows<{ count: number; unitId: string | null }>(
      canUseMapCells(filter, zoom)
        ? buildMapCellClustersSql(filter.bbox, zoom)
        : buildMapClustersSql(filter, zoom),
    );
    const singles = cells.flatMap((c) => (c.unitId ? [c.unitId] : []));
    const facts = singles.length ? await rows<{ id: string }>(buildUnitsByIdSql(singles)) : [];
    const byId = new Map(facts.map((f) => [f.id, f]));
    return {
      clustered: true,
      total: { value: cells.reduce((sum, c) => sum + c.count, 0), exact: true },
      features: cells.map((c) => ({ ...c, unit: c.unitId ? (byId.get(c.unitId) ?? null) : null })),
    };
  });

  app.get('/bare/health', async () => ({ status: 'ok' }));

  const close = async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', () => void close());
  process.on('disconnect', () => void close());

  await app.listen({ port: message.port, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : message.port;
  return { port, version: app.version };
}

if (require.main === module) {
  process.once('message', (message: BareStartMessage) => {
    start(message).then(
      ({ port, version }) =>
        process.send?.({ type: 'ready', port, fastifyVersion: version } satisfies BareReply),
      (error: unknown) =>
        process.send?.({ type: 'error', message: String(error) } satisfies BareReply),
    );
  });
}
