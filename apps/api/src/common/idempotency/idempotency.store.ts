import type { DataSource } from 'typeorm';

/** How long a key is remembered; older rows count as absent and are replaced by a new claim. */
export const IDEMPOTENCY_KEY_TTL = '24 hours';
/** Expired rows removed by one opportunistic sweep, and the pause after a sweep that was not full. */
const PURGE_BATCH = 1000;
const PURGE_PAUSE_MS = 10 * 60 * 1000;

/** The identity of a claim: a user's key and the request it is bound to. */
export interface IdempotencyClaim {
  userId: string;
  key: string;
  method: string;
  /** The request target (path and query), cut to the column's 2000 characters. */
  path: string;
  requestHash: string;
}

/** A key that was already claimed (within 24 hours) by an earlier request. */
export interface StoredKey {
  method: string;
  path: string;
  requestHash: string;
  status: 'pending' | 'done';
  responseStatus: number | null;
  /** The JSON text of the response exactly as it was sent; null when it had no body. */
  responseBody: string | null;
}

interface StoredKeyRow {
  method: string;
  path: string;
  request_hash: string;
  status: 'pending' | 'done';
  response_status: number | null;
  response_body: string | null;
}

/**
 * The `idempotency_keys` table in raw SQL (no entity). Every statement runs on its own
 * (auto-commit), outside the handler's transaction: the claim is visible to concurrent requests
 * at once, and a handler's rollback never takes the claim with it.
 *
 * `response_body` is `text`: the JSON text that was sent, so a replay is byte for byte the first
 * response (jsonb would reorder object keys).
 */
export class IdempotencyStore {
  private nextPurgeAt = 0;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the key as `pending`. True when this request owns it now: no row existed, or the row
   * is older than 24 hours and was overwritten. The primary key (user_id, key) settles
   * concurrent claims: exactly one of them inserts, the others wait for it to commit and get
   * false.
   */
  async claim(claim: IdempotencyClaim): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys AS k (user_id, key, method, path, request_hash, status)
       VALUES ($1, $2, $3, $4, $5, 'pending')
       ON CONFLICT (user_id, key) DO UPDATE
         SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
             status = 'pending', response_status = NULL, response_body = NULL, created_at = now()
         WHERE k.created_at < now() - interval '${IDEMPOTENCY_KEY_TTL}'
       RETURNING 1`,
      [claim.userId, claim.key, claim.method, claim.path, claim.requestHash],
    );
    return rows.length > 0;
  }

  /** The user's live (younger than 24 hours) row for the key, if any. */
  async find(userId: string, key: string): Promise<StoredKey | null> {
    const rows: StoredKeyRow[] = await this.dataSource.query(
      `SELECT method, path, request_hash, status, response_status, response_body
         FROM idempotency_keys
        WHERE user_id = $1 AND key = $2 AND created_at >= now() - interval '${IDEMPOTENCY_KEY_TTL}'`,
      [userId, key],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      method: row.method,
      path: row.path,
      requestHash: row.request_hash,
      status: row.status,
      responseStatus: row.response_status,
      responseBody: row.response_body,
    };
  }

  /**
   * Stores the response of a claimed key (`bodyText`: the JSON text sent, null for no body) and
   * marks it `done`. False when the claim was no longer there (nothing stored).
   */
  async complete(
    claim: IdempotencyClaim,
    status: number,
    bodyText: string | null,
  ): Promise<boolean> {
    const [, affected] = (await this.dataSource.query(
      `UPDATE idempotency_keys
          SET status = 'done', response_status = $4, response_body = $5
        WHERE user_id = $1 AND key = $2 AND request_hash = $3 AND status = 'pending'`,
      [claim.userId, claim.key, claim.requestHash, status, bodyText],
    )) as [unknown, number];
    return affected > 0;
  }

  /** Gives up a claim (the request failed with a 5xx), so a retry with the key runs again. */
  async release(claim: IdempotencyClaim): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys
        WHERE user_id = $1 AND key = $2 AND request_hash = $3 AND status = 'pending'`,
      [claim.userId, claim.key, claim.requestHash],
    );
  }

  /** Deletes up to `limit` rows older than 24 hours (oldest first); returns how many. */
  async purgeExpired(limit = PURGE_BATCH): Promise<number> {
    const [, deleted] = (await this.dataSource.query(
      `DELETE FROM idempotency_keys
        WHERE ctid IN (SELECT ctid FROM idempotency_keys
                        WHERE created_at < now() - interval '${IDEMPOTENCY_KEY_TTL}'
                        ORDER BY created_at LIMIT $1)`,
      [limit],
    )) as [unknown, number];
    return deleted;
  }

  /**
   * The sweep, run opportunistically after a fresh claim: at most once every 10 minutes per
   * process, or again at once while a sweep still finds a full batch. Expired rows left behind
   * are harmless (they count as absent), so there is no scheduler.
   */
  async purgeExpiredNowAndThen(now = Date.now()): Promise<number> {
    if (now < this.nextPurgeAt) return 0;
    this.nextPurgeAt = now + PURGE_PAUSE_MS;
    const deleted = await this.purgeExpired();
    if (deleted >= PURGE_BATCH) this.nextPurgeAt = 0;
    return deleted;
  }
}
