export { Idempotent, IDEMPOTENT_KEY } from './idempotent.decorator';
export { IdempotencyInterceptor } from './idempotency.interceptor';
export { IdempotencyErrorCode, IdempotencyErrors } from './idempotency.errors';
export {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_METHODS,
  IDEMPOTENT_REPLAYED_HEADER,
  canonicalJson,
  parseIdempotencyKey,
  requestHash,
} from './idempotency-key';
export { IDEMPOTENCY_KEY_TTL, IdempotencyStore } from './idempotency.store';
