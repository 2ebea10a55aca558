import 'reflect-metadata';
import { Expose, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import type { LogLevel, NodeEnv } from './app-config';
import { MAP_BASE_LAYERS, type MapBaseLayer } from './map-layers';

const NODE_ENVS: NodeEnv[] = ['development', 'production', 'test'];
const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The environment variables the API reads, as strings from process.env converted and checked. */
export class EnvironmentVariables {
  @Expose()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT?: number;

  @Expose()
  @IsOptional()
  @IsString()
  HOST?: string;

  @Expose()
  @IsOptional()
  @IsIn(NODE_ENVS, { message: `NODE_ENV must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV?: NodeEnv;

  @Expose()
  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: LogLevel;

  @Expose()
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Expose()
  @IsOptional()
  @IsString()
  EMBEDDED_PG_DATA_DIR?: string;

  @Expose()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT?: number;

  @Expose()
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  @Expose()
  @IsOptional()
  @IsIn(MAP_BASE_LAYERS, {
    message: `MAP_BASE_LAYER must be one of ${MAP_BASE_LAYERS.join(', ')}`,
  })
  MAP_BASE_LAYER?: MapBaseLayer;

  @Expose()
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{16,64}$/, {
    message: 'TIANDITU_KEY must be the key from the Tianditu console (letters and digits only)',
  })
  TIANDITU_KEY?: string;

  // The host may contain {s} but no other placeholder: the CSP lists the tile hosts.
  @Expose()
  @IsOptional()
  @Matches(/^https?:\/\/([\w.-]|\{s\})+(:\d+)?\/\S*\{z\}\S*\{x\}\S*\{y\}/, {
    message: 'MAP_TILE_URL must be an http(s) URL template containing {z}, {x} and {y}',
  })
  MAP_TILE_URL?: string;

  @Expose()
  @IsOptional()
  @IsString()
  MAP_TILE_ATTRIBUTION?: string;

  @Expose()
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, {
    message: 'PUBLIC_BASE_URL must be an http(s) URL, e.g. https://factoryspace.example.cn',
  })
  PUBLIC_BASE_URL?: string;

  @Expose()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  SESSION_MAX_AGE_HOURS?: number;

  @Expose()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(24 * 60 * 30)
  SESSION_IDLE_MINUTES?: number;

  @Expose()
  @IsOptional()
  @IsIn(['auto', 'true', 'false'], { message: 'COOKIE_SECURE must be auto, true or false' })
  COOKIE_SECURE?: 'auto' | 'true' | 'false';

  @Expose()
  @IsOptional()
  @Matches(/^https?:\/\/[^\s,]+(,\s*https?:\/\/[^\s,]+)*$/, {
    message: 'CORS_ORIGINS must be a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS?: string;

  @Expose()
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @Expose()
  @IsOptional()
  @IsString()
  MAIL_FROM?: string;

  @Expose()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  RATE_LIMIT_PER_MINUTE?: number;

  @Expose()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  AUTH_RATE_LIMIT_PER_MINUTE?: number;

  @Expose()
  @IsOptional()
  @Matches(/^(true|false|[\w.:/]+(,\s*[\w.:/]+)*)$/, {
    message:
      'TRUST_PROXY must be true, false, or a comma-separated list of addresses, CIDRs or loopback/linklocal/uniquelocal',
  })
  TRUST_PROXY?: string;
}
