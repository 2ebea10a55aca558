import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  StreamableFile,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { resolveLocale } from '@factoryspace/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { toErrorResponse } from '../errors/error-response';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_METHODS,
  IDEMPOTENT_REPLAYED_HEADER,
  parseIdempotencyKey,
  requestHash,
} from './idempotency-key';
import { IdempotencyErrors } from './idempotency.errors';
import { type IdempotencyClaim, IdempotencyStore } from './idempotency.store';

const PATH_MAX_LENGTH = 2000;
/** Claim attempts when the row we collided with vanished before we could read it. */
const CLAIM_ATTEMPTS = 3;

interface Replay {
  status: number;
  /** JSON text, or null for no body. */
  body: string | null;
}

/**
 * The JSON text Fastify sends for a handler's value (it serialises objects with JSON.stringify),
 * null for no body, undefined for what cannot be replayed (files, streams, buffers, plain text).
 */
export function replayableBody(value: unknown): string | null | undefined {
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null) return undefined;
  if (value instanceof StreamableFile || Buffer.isBuffer(value) || ArrayBuffer.isView(value)) {
    return undefined;
  }
  if (typeof (value as { pipe?: unknown }).pipe === 'function') return undefined;
  return JSON.stringify(value);
}

/**
 * Applied by `@Idempotent()`. With an `Idempotency-Key` header: claims the key for the signed-in
 * user (auto-commit, before the handler), replays a finished request's stored status and body
 * without running the handler, refuses a key still in progress (409) or bound to another
 * request (422), and afterwards stores the response: 2xx and 4xx are kept and replayed, a 5xx
 * releases the claim so a retry runs again. Without the header the route runs as usual.
 * See docs/api.md ("Idempotency-Key") and ADR 0019.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly store: IdempotencyStore;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.store = new IdempotencyStore(dataSource);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = parseIdempotencyKey(request.headers[IDEMPOTENCY_KEY_HEADER]);
    if (key === null) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return from(this.run(request, reply, key, next));
  }

  private async run(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    next: CallHandler,
  ): Promise<unknown> {
    // Both are programming errors, also refused at start-up by AccessPolicyCheck.
    if (!request.actor) throw new Error('@Idempotent() on a route that admits visitors');
    if (!IDEMPOTENT_METHODS.has(request.method)) {
      throw new Error(`@Idempotent() on a ${request.method} route`);
    }
    const target = request.url;
    const claim: IdempotencyClaim = {
      userId: request.actor.userId,
      key,
      method: request.method,
      path: target.slice(0, PATH_MAX_LENGTH),
      requestHash: requestHash(request.method, target, request.body),
    };

    const replay = await this.claimOrReplay(claim, reply);
    if (replay) {
      request.log.info({ idempotencyKey: key, status: replay.status }, 'idempotent replay');
      void reply.status(replay.status).header(IDEMPOTENT_REPLAYED_HEADER, 'true');
      if (replay.body === null) return undefined;
      // A string with a JSON content type is sent as it is: the stored text, byte for byte.
      void reply.header('content-type', 'application/json; charset=utf-8');
      return replay.body;
    }
    await this.store
      .purgeExpiredNowAndThen()
      .catch((err: unknown) => request.log.warn({ err }, 'idempotency key sweep failed'));

    let value: unknown;
    try {
      value = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      // The status and body the global filter is about to send for this error.
      const { status, body } = toErrorResponse(
        error,
        resolveLocale(request.headers['accept-language']),
      );
      await (
        status >= 500
          ? this.store.release(claim)
          : this.store.complete(claim, status, JSON.stringify(body))
      )
        .then(() => undefined)
        .catch((err: unknown) =>
          request.log.error({ err, idempotencyKey: key }, 'could not settle an idempotency key'),
        );
      throw error;
    }

    const bodyText = replayableBody(value);
    if (bodyText === undefined) {
      // Not JSON: nothing to replay. Released, so the key does not promise what it cannot keep.
      await this.store.release(claim);
      request.log.warn({ idempotencyKey: key }, '@Idempotent() on a route not answering JSON');
      return value;
    }
    try {
      await this.store.complete(claim, reply.statusCode, bodyText);
    } catch (err) {
      // The work is done and answered; the claim stays `pending`, so a retry gets 409 (never a
      // second run) until the key expires.
      request.log.error({ err, idempotencyKey: key }, 'could not store an idempotent response');
    }
    return value;
  }

  /** Null when this request now owns the key; the stored response to replay otherwise. */
  private async claimOrReplay(
    claim: IdempotencyClaim,
    reply: FastifyReply,
  ): Promise<Replay | null> {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt += 1) {
      if (await this.store.claim(claim)) return null;
      const stored = await this.store.find(claim.userId, claim.key);
      // Released (the first request failed with a 5xx) or expired in between: claim again.
      if (!stored) continue;
      if (
        stored.requestHash !== claim.requestHash ||
        stored.method !== claim.method ||
        stored.path !== claim.path
      ) {
        throw IdempotencyErrors.reused();
      }
      if (stored.status === 'done' && stored.responseStatus !== null) {
        return { status: stored.responseStatus, body: stored.responseBody };
      }
      break;
    }
    void reply.header('retry-after', '1');
    throw IdempotencyErrors.inProgress();
  }
}
