import 'reflect-metadata';
import { Expose, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import type { LogLevel, NodeEnv } from './app-config';

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
  @Matches(/^https?:\/\/\S*\{z\}\S*\{x\}\S*\{y\}/, {
    message: 'MAP_TILE_URL must be an http(s) URL template containing {z}, {x} and {y}',
  })
  MAP_TILE_URL?: string;

  @Expose()
  @IsOptional()
  @IsString()
  MAP_TILE_ATTRIBUTION?: string;
}
