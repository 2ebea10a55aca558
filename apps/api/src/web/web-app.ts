import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';

/** Paths the SPA fallback never answers: they belong to the API and stay JSON. */
const API_PATH = /^\/api(\/|$)/;

function wantsHtml(accept: string | undefined): boolean {
  return (accept ?? '').includes('text/html');
}

/**
 * Serves the built web app (WEB_DIST_DIR) at / with an SPA fallback: a GET for an unknown
 * non-API path that accepts HTML gets index.html; everything else falls through to the JSON 404.
 * Without a build the API still runs: / answers a JSON 404 and a warning is logged.
 */
export async function registerWebApp(
  app: NestFastifyApplication,
  distDir: string,
  logger: Logger,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ distDir }, 'web app not built (no index.html); serving the API only');
    fastify.get('/', async (_request, reply) => {
      await reply.status(404).send({
        code: 'WEB_APP_NOT_BUILT',
        message: 'The web app is not built. Run `pnpm --filter @factoryspace/web build`.',
      });
    });
    return;
  }
  await app.register(fastifyStatic as never, {
    root: distDir,
    prefix: '/',
    wildcard: false,
    index: false,
    // Hashed assets can be cached for long; index.html must be revalidated.
    setHeaders: (res: { setHeader(name: string, value: string): void }, path: string) => {
      res.setHeader(
        'cache-control',
        path.includes(`${join(distDir, 'assets')}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  for (const route of ['/', '/*']) {
    fastify.get(route, async (request, reply) => {
      const path = request.url.split('?')[0];
      if (API_PATH.test(path) || !wantsHtml(request.headers.accept)) {
        reply.callNotFound();
        return reply;
      }
      return (reply as unknown as { sendFile(file: string, root: string): unknown }).sendFile(
        'index.html',
        distDir,
      );
    });
  }
}
