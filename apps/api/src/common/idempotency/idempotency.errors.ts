import { HttpStatus } from '@nestjs/common';
import { AppException } from '../errors/app-exception';
import { COMMON_ERRORS } from '../errors/common-errors';

export enum IdempotencyErrorCode {
  IDEMPOTENCY_KEY_INVALID = 'IDEMPOTENCY_KEY_INVALID',
  IDEMPOTENCY_KEY_IN_PROGRESS = 'IDEMPOTENCY_KEY_IN_PROGRESS',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
}

/** The Idempotency-Key refusals (messages in COMMON_ERRORS, zh-CN and en). */
export const IdempotencyErrors = {
  /** 400: the header is empty, longer than 200 or not visible ASCII. */
  invalidKey: () =>
    new AppException(
      HttpStatus.BAD_REQUEST,
      IdempotencyErrorCode.IDEMPOTENCY_KEY_INVALID,
      COMMON_ERRORS.IDEMPOTENCY_KEY_INVALID,
    ),
  /** 409: the first request with this key has not finished; the client retries later. */
  inProgress: () =>
    new AppException(
      HttpStatus.CONFLICT,
      IdempotencyErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS,
      COMMON_ERRORS.IDEMPOTENCY_KEY_IN_PROGRESS,
    ),
  /** 422: the key was first used with another method, path or body. */
  reused: () =>
    new AppException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      IdempotencyErrorCode.IDEMPOTENCY_KEY_REUSED,
      COMMON_ERRORS.IDEMPOTENCY_KEY_REUSED,
    ),
};
