import { isAbsolute, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { API_ROOT } from './paths';
import { EnvironmentVariables } from './environment-variables';
import { resolveMapConfig, type MapConfig } from './map-layers';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  app: { port: number; host: string; nodeEnv: NodeEnv; logLevel: LogLevel };
  database: {
    /** An external PostgreSQL; when undefined the embedded server is used. */
    url: string | undefined;
    embedded: { dataDir: string; port: number; database: string };
  };
  web: {
    distDir: string;
    /**
     * Base-map tiles (MAP_BASE_LAYER): the web app reads them from client-config and the CSP
     * allows exactly their hosts. `none`: maps draw without tiles and make no tile requests.
     */
    map: MapConfig;
  };
  security: {
    /** The address users reach the app at; links in mails start with it. */
    publicBaseUrl: string;
    sessionMaxAgeMs: number;
    sessionIdleMs: number;
    /** 'auto': Secure when the request came over https (X-Forwarded-Proto trusted). */
    cookieSecure: 'auto' | boolean;
    /** Empty: CORS off (same origin only). */
    corsOrigins: string[];
    rateLimitPerMinute: number;
    authRateLimitPerMinute: number;
    /** Fastify trustProxy: which hops' X-Forwarded-* headers are believed. */
    trustProxy: boolean | string;
  };
  mail: {
    /** Undefined: mails stay in the outbox table (readable by administrators). */
    smtpUrl: string | undefined;
    from: string;
  };
}

/**
 * Proxies on this machine or a private network (a reverse proxy or load balancer in front of the
 * app); a client elsewhere cannot spoof its address with X-Forwarded-For.
 */
export const DEFAULT_TRUST_PROXY = 'loopback,uniquelocal';

/** Thrown when the environment is invalid; `main` prints `message` and exits with code 1. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const fromApiRoot = (path: string) => (isAbsolute(path) ? path : resolve(API_ROOT, path));

/**
 * Reads and validates the environment once. Nothing else in the API reads process.env; the
 * result is injected as `APP_CONFIG`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const vars = plainToInstance(EnvironmentVariables, blankToUndefined(env), {
    excludeExtraneousValues: true,
  });
  const errors = validateSync(vars, { whitelist: true });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`),
    );
  }
  const { map, problems } = resolveMapConfig(vars);
  if (!map) throw new ConfigError(problems);
  const nodeEnv = vars.NODE_ENV ?? 'development';
  return {
    app: {
      port: vars.PORT ?? 3000,
      host: vars.HOST ?? '0.0.0.0',
      nodeEnv,
      logLevel: vars.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    },
    database: {
      url: vars.DATABASE_URL,
      embedded: {
        dataDir: fromApiRoot(vars.EMBEDDED_PG_DATA_DIR ?? '.data/postgres'),
        port: vars.EMBEDDED_PG_PORT ?? 54329,
        database: 'factoryspace',
      },
    },
    web: {
      distDir: fromApiRoot(vars.WEB_DIST_DIR ?? '../web/dist'),
      map,
    },
    security: {
      publicBaseUrl: (vars.PUBLIC_BASE_URL ?? `http://localhost:${vars.PORT ?? 3000}`).replace(
        /\/+$/,
        '',
      ),
      sessionMaxAgeMs: (vars.SESSION_MAX_AGE_HOURS ?? 168) * 3_600_000,
      sessionIdleMs: (vars.SESSION_IDLE_MINUTES ?? 120) * 60_000,
      cookieSecure:
        vars.COOKIE_SECURE === undefined || vars.COOKIE_SECURE === 'auto'
          ? 'auto'
          : vars.COOKIE_SECURE === 'true',
      corsOrigins: vars.CORS_ORIGINS ? vars.CORS_ORIGINS.split(',').map((o) => o.trim()) : [],
      rateLimitPerMinute: vars.RATE_LIMIT_PER_MINUTE ?? 600,
      authRateLimitPerMinute: vars.AUTH_RATE_LIMIT_PER_MINUTE ?? 20,
      trustProxy:
        vars.TRUST_PROXY === undefined
          ? DEFAULT_TRUST_PROXY
          : vars.TRUST_PROXY === 'true'
            ? true
            : vars.TRUST_PROXY === 'false'
              ? false
              : vars.TRUST_PROXY,
    },
    mail: {
      smtpUrl: vars.SMTP_URL,
      from: vars.MAIL_FROM ?? '厂房通 FactorySpace <no-reply@factoryspace.local>',
    },
  };
}

function blankToUndefined(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}
