import { HttpStatus } from '@nestjs/common';
import type { FieldIssue } from '@factoryspace/domain';
import { AppException } from '../../common/errors/app-exception';
import { COMMON_ERRORS } from '../../common/errors/common-errors';

export enum SharedErrorCode {
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  VALIDATION_FAILED = 'VALIDATION_FAILED',
}

export function versionConflict(currentVersion: number): AppException {
  return new AppException(
    HttpStatus.CONFLICT,
    SharedErrorCode.VERSION_CONFLICT,
    {
      'zh-CN': '该记录已被他人修改,请刷新后重试',
      en: 'Someone else changed this record; reload it and try again',
    },
    { currentVersion },
  );
}

/** 400 VALIDATION_FAILED with one issue per failing field (same shape as the ValidationPipe's). */
export function validationFailed(issues: FieldIssue[]): AppException {
  return new AppException(
    HttpStatus.BAD_REQUEST,
    SharedErrorCode.VALIDATION_FAILED,
    COMMON_ERRORS.VALIDATION_FAILED,
    issues,
  );
}

/** The PostgreSQL error behind a failed TypeORM query, when there is one. */
export interface PgError {
  code?: string;
  constraint?: string;
}

export function pgError(error: unknown): PgError | null {
  if (typeof error !== 'object' || error === null) return null;
  const driverError = (error as { driverError?: unknown }).driverError ?? error;
  if (typeof driverError !== 'object' || driverError === null) return null;
  const { code, constraint } = driverError as PgError;
  return typeof code === 'string' ? { code, constraint } : null;
}

export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_CHECK_VIOLATION = '23514';
export const PG_EXCLUSION_VIOLATION = '23P01';

export function isConstraintViolation(error: unknown, code: string, constraint?: string): boolean {
  const pg = pgError(error);
  return (
    pg !== null && pg.code === code && (constraint === undefined || pg.constraint === constraint)
  );
}
