import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { DEFAULT_TRUST_PROXY, type AppConfig } from './config';
import { AppException } from './common/errors/app-exception';
import { COMMON_ERRORS } from './common/errors/common-errors';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { createValidationPipe } from './common/validation/validation-pipe';
import { setupOpenApi } from './openapi/openapi';
import { registerSecurity } from './security';
import { registerWebApp } from './web/web-app';

export const GLOBAL_PREFIX = 'api/v1';
export const BODY_LIMIT_BYTES = 1024 * 1024;
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** An incoming x-request-id when it looks harmless, else a fresh uuid. */
export function requestIdFor(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

const FORBIDDEN_KEYS = new Set(['constructor', '__proto__', 'prototype']);

/** The dotted path of the first own key named constructor/__proto__/prototype, at any depth. */
export function forbiddenKeyPath(value: unknown, path = ''): string | null {
  if (value === null || typeof value !== 'object') return null;
  for (const key of Object.keys(value)) {
    const here = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (!Array.isArray(value) && FORBIDDEN_KEYS.has(key)) return here;
    const nested = forbiddenKeyPath((value as Record<string, unknown>)[key], here);
    if (nested) return nested;
  }
  return null;
}

/** The Fastify adapter used by main.ts and by the tests. */
export function createFastifyAdapter(
  logger: Logger,
  trustProxy: AppConfig['security']['trustProxy'] = DEFAULT_TRUST_PROXY,
): FastifyAdapter {
  return new FastifyAdapter({
    loggerInstance: logger as never,
    // Only these proxies' X-Forwarded-For/-Proto are believed (client IPs for throttling and the
    // audit log, https for Secure cookies).
    trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestIdFor,
  });
}

/**
 * Everything main.ts and createTestApp() share: prefix, pipe, filter, request ids, OpenAPI and
 * the web app. Call before `app.init()`.
 */
export async function configureApp(
  app: NestFastifyApplication,
  config: AppConfig,
  logger: Logger,
): Promise<void> {
  await registerSecurity(app, config);
  app.setGlobalPrefix(GLOBAL_PREFIX, {
    exclude: [{ path: 'api/health', method: RequestMethod.ALL }],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());

  const fastify = app.getHttpAdapter().getInstance();
  // Fastify's own JSON parser (prototype-poisoning checks included), with our error code.
  const jsonParser = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT_BYTES }, (req, body, done) => {
    jsonParser(req as never, body as never, (error, parsed) => {
      if (error) {
        done(new AppException(400, 'INVALID_JSON', COMMON_ERRORS.INVALID_JSON), undefined);
        return;
      }
      // Fastify refuses `__proto__` and `constructor.prototype`; a bare `constructor` key would
      // slip past the DTO whitelist (every object has that property), so refuse it by name.
      const path = forbiddenKeyPath(parsed);
      if (path) {
        done(
          new AppException(400, 'VALIDATION_FAILED', COMMON_ERRORS.VALIDATION_FAILED, [
            { field: path, code: 'unknown_field' },
          ]),
          undefined,
        );
      } else done(null, parsed);
    });
  });
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  setupOpenApi(app);
  await registerWebApp(app, config.web.distDir, logger);
}
