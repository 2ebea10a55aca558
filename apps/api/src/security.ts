import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mapTileOrigins, type AppConfig } from './config';

/**
 * The Content-Security-Policy directives: our own origin, plus for images exactly the hosts of
 * the configured base map (MAP_BASE_LAYER; none for `none`).
 */
export function cspDirectives(config: AppConfig): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:', ...mapTileOrigins(config.web.map)],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

/**
 * Cookies, security headers (helmet with a CSP allowing the base map's tile hosts and nothing
 * else) and CORS (off unless CORS_ORIGINS lists origins). Body size limits and the JSON parser
 * are set in configure-app.ts.
 */
export async function registerSecurity(
  app: NestFastifyApplication,
  config: AppConfig,
): Promise<void> {
  await app.register(fastifyCookie as never);
  await app.register(
    fastifyHelmet as never,
    {
      contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(config) },
      // Leaflet tiles and our own images are same-origin or from the tile host.
      crossOriginEmbedderPolicy: false,
      hsts: config.app.nodeEnv === 'production',
    } as never,
  );
  if (config.security.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.security.corsOrigins,
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Content-Type', 'Accept-Language', 'X-CSRF-Token', 'X-Request-Id'],
    });
  }
}
