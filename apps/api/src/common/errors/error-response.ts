import { HttpException } from '@nestjs/common';
import { issueMessage, type FieldIssue, type Locale } from '@factoryspace/domain';
import { QueryFailedError } from 'typeorm';
import { AppException } from './app-exception';
import { COMMON_ERRORS, codeForStatus, type CommonErrorCode } from './common-errors';

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  /** True for failures we did not expect; the filter logs them with the request id. */
  unexpected: boolean;
}

const FASTIFY_CODES: Record<string, [number, CommonErrorCode]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'BAD_REQUEST'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
};

const PG_CODES: Record<string, [number, CommonErrorCode]> = {
  '23505': [409, 'CONFLICT'],
  '23503': [409, 'REFERENCE_VIOLATION'],
  // restrict_violation: ON DELETE RESTRICT on PostgreSQL 18 (earlier servers report 23503).
  '23001': [409, 'REFERENCE_VIOLATION'],
  // exclusion_violation, e.g. leases_no_overlap; services map the ones they expect to their own code.
  '23P01': [409, 'CONFLICT'],
  '23514': [400, 'CONSTRAINT_VIOLATION'],
  '23502': [400, 'CONSTRAINT_VIOLATION'],
  '22P02': [400, 'INVALID_VALUE'],
  '22003': [400, 'INVALID_VALUE'],
  '22007': [400, 'INVALID_VALUE'],
  '22008': [400, 'INVALID_VALUE'],
};

function common(
  status: number,
  code: CommonErrorCode,
  locale: Locale,
  unexpected = false,
): ErrorResponse {
  return { status, body: { code, message: COMMON_ERRORS[code][locale] }, unexpected };
}

function isFieldIssues(details: unknown): details is FieldIssue[] {
  return (
    Array.isArray(details) &&
    details.every((d) => typeof d === 'object' && d !== null && 'field' in d && 'code' in d)
  );
}

/**
 * Turns anything thrown while handling a request into the status and `{ code, message, details? }`
 * body the client sees. Pure, so the mapping is unit-tested without HTTP.
 */
export function toErrorResponse(error: unknown, locale: Locale): ErrorResponse {
  if (error instanceof AppException) {
    const body: ErrorBody = { code: error.code, message: error.text[locale] };
    if (error.details !== undefined) {
      body.details = isFieldIssues(error.details)
        ? error.details.map((issue) => ({ ...issue, message: issueMessage(issue, locale) }))
        : error.details;
    }
    return { status: error.status, body, unexpected: error.status >= 500 };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return common(status, codeForStatus(status), locale, status >= 500);
  }
  if (error instanceof QueryFailedError) {
    const pgCode = (error.driverError as { code?: unknown } | undefined)?.code;
    const mapped = typeof pgCode === 'string' ? PG_CODES[pgCode] : undefined;
    if (mapped) return common(mapped[0], mapped[1], locale);
    return common(500, 'INTERNAL_ERROR', locale, true);
  }
  if (typeof error === 'object' && error !== null) {
    const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
    const fastify = typeof code === 'string' ? FASTIFY_CODES[code] : undefined;
    if (fastify) return common(fastify[0], fastify[1], locale);
    // Other Fastify errors carry a 4xx statusCode of their own.
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return common(statusCode, codeForStatus(statusCode), locale);
    }
  }
  return common(500, 'INTERNAL_ERROR', locale, true);
}
