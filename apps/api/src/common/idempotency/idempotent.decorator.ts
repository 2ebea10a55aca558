import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../openapi/error-response.dto';
import { IDEMPOTENCY_KEY_MAX_LENGTH } from './idempotency-key';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** Metadata marking a route `@Idempotent()` (read by the start-up check in AccessPolicyCheck). */
export const IDEMPOTENT_KEY = 'factoryspace:idempotent';

const HEADER_DESCRIPTION = [
  'Optional. 1–200 visible ASCII characters (e.g. a uuid), chosen by the client per operation and',
  'sent again unchanged on every retry of it. Scoped to the signed-in user, remembered 24 hours.',
  'A retry with the same key, method, path and body replays the first response (status and',
  'body, header `Idempotent-Replayed: true`) without doing the work again; a 4xx is replayed',
  'too, a 5xx is not kept. 400 IDEMPOTENCY_KEY_INVALID (malformed key),',
  '409 IDEMPOTENCY_KEY_IN_PROGRESS (the first request has not finished; retry later),',
  '422 IDEMPOTENCY_KEY_REUSED (the key was used for a different request).',
].join(' ');

/**
 * Makes an unsafe route (POST, PUT, PATCH, DELETE) of signed-in users honour an
 * `Idempotency-Key` header (IdempotencyInterceptor; docs/api.md, ADR 0019). The handler must
 * answer JSON (or nothing) and set no headers a replay would need: only status and body are
 * stored. Mention `IDEMPOTENCY_KEY_INVALID` and `IDEMPOTENCY_KEY_IN_PROGRESS` in the route's own
 * 400 and 409 descriptions (one OpenAPI response per status).
 */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_KEY, true),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: HEADER_DESCRIPTION,
      schema: {
        type: 'string',
        minLength: 1,
        maxLength: IDEMPOTENCY_KEY_MAX_LENGTH,
        pattern: '^[!-~]+$',
      },
    }),
    ApiUnprocessableEntityResponse({
      type: ErrorResponseDto,
      description: 'IDEMPOTENCY_KEY_REUSED',
    }),
  );
}
