import { isAbsolute, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { API_ROOT } from './paths';
import { EnvironmentVariables } from './environment-variables';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  app: { port: number; host: string; nodeEnv: NodeEnv; logLevel: LogLevel };
  database: {
    /** An external PostgreSQL; when undefined the embedded server is used. */
    url: string | undefined;
    embedded: { dataDir: string; port: number; database: string };
  };
  web: { distDir: string; mapTileUrl: string; mapTileAttribution: string };
}

/** Default map tiles: OpenStreetMap's standard layer (fine for development and demos). */
export const DEFAULT_MAP_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_MAP_TILE_ATTRIBUTION = '© OpenStreetMap contributors';

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
      mapTileUrl: vars.MAP_TILE_URL ?? DEFAULT_MAP_TILE_URL,
      mapTileAttribution: vars.MAP_TILE_ATTRIBUTION ?? DEFAULT_MAP_TILE_ATTRIBUTION,
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
