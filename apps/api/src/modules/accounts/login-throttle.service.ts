import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Failures before the back-off starts, its first step and its cap (seconds). */
export const LOGIN_BACKOFF = { freeFailures: 5, firstDelaySeconds: 15, maxDelaySeconds: 900 };
/** Failures older than this no longer count. */
const FAILURE_WINDOW = '1 hour';

/**
 * Per-identifier back-off: after 5 consecutive failures an identifier waits 15 s, then 30 s, 60 s…
 * up to 15 min, whether or not an account exists (no enumeration) and without affecting other
 * identifiers. Shared by all API instances (PostgreSQL), unlike the per-IP throttler.
 */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Seconds the identifier must still wait, or 0. */
  async waitSeconds(identifier: string): Promise<number> {
    const rows: { wait: number }[] = await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS wait
         FROM login_attempts WHERE identifier = $1 AND locked_until > now()`,
      [identifier],
    );
    return rows[0]?.wait ?? 0;
  }

  async recordFailure(identifier: string): Promise<void> {
    const { freeFailures, firstDelaySeconds, maxDelaySeconds } = LOGIN_BACKOFF;
    await this.dataSource.query(
      `INSERT INTO login_attempts AS a (identifier, failures, last_failure_at, locked_until)
       VALUES ($1, 1, now(), NULL)
       ON CONFLICT (identifier) DO UPDATE SET
         failures = CASE WHEN a.last_failure_at < now() - interval '${FAILURE_WINDOW}' THEN 1 ELSE a.failures + 1 END,
         last_failure_at = now(),
         locked_until = CASE
           WHEN a.last_failure_at < now() - interval '${FAILURE_WINDOW}' OR a.failures + 1 < $2 THEN NULL
           ELSE now() + make_interval(secs => least($4::float8, $3::float8 * power(2, a.failures + 1 - $2)))
         END`,
      [identifier, freeFailures, firstDelaySeconds, maxDelaySeconds],
    );
  }

  async recordSuccess(identifier: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_attempts WHERE identifier = $1`, [identifier]);
  }
}
