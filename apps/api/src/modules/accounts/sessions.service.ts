import '@fastify/cookie';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, RequestOrigin } from '../../common/access/actor';
import { InjectConfig, type AppConfig } from '../../config';
import { newToken, tokenHash } from './secrets';
import { SessionEntity } from './entities/session.entity';
import type { UserEntity } from './entities/user.entity';

export const SESSION_COOKIE = 'fs_session';
export const CSRF_COOKIE = 'fs_csrf';
/** last_seen_at is written at most this often per session (not on every request). */
const TOUCH_INTERVAL_MS = 60_000;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  sessionId: string;
}

interface SessionRow {
  session_id: string;
  csrf_token: string;
  last_seen_at: Date;
  user_id: string;
  email: string;
  display_name: string;
  role: Actor['role'];
  zone_id: string | null;
  firm_id: string | null;
  firm_role: Actor['firmRole'];
}

/**
 * Server-side sessions: opaque cookie token → `sessions` row (by SHA-256). Ends at the absolute
 * lifetime, after the idle timeout, on revocation, or as soon as the user is disabled.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async create(
    manager: EntityManager,
    user: UserEntity,
    origin: RequestOrigin,
  ): Promise<NewSession> {
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(Date.now() + this.config.security.sessionMaxAgeMs);
    const result = await manager.insert(SessionEntity, {
      userId: user.id,
      tokenHash: tokenHash(token),
      csrfToken,
      ip: origin.ip,
      userAgent: origin.userAgent,
      expiresAt,
    });
    return { token, csrfToken, expiresAt, sessionId: (result.identifiers[0] as { id: string }).id };
  }

  /** The actor of a live session, or null (unknown, expired, idle, revoked, user disabled). */
  async resolve(token: string): Promise<Actor | null> {
    if (token.length < 20 || token.length > 100) return null;
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, u.id AS user_id, u.email,
              u.display_name, u.role, u.zone_id, u.firm_id, u.firm_role
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(secs => $2) AND u.status = 'active'`,
      [tokenHash(token), this.config.security.sessionIdleMs / 1000],
    );
    const row = rows[0];
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
      await this.dataSource.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [
        row.session_id,
      ]);
    }
    return {
      userId: row.user_id,
      sessionId: row.session_id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      zoneId: row.zone_id,
      firmId: row.firm_id,
      firmRole: row.firm_role,
      csrfToken: row.csrf_token,
    };
  }

  async revoke(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, reason],
    );
  }

  /** Ends every session of a user (password change/reset, disabled), optionally but one. */
  async revokeAll(
    manager: EntityManager,
    userId: string,
    reason: string,
    exceptSessionId?: string,
  ): Promise<number> {
    const result: [unknown[], number] = await manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [userId, reason, exceptSessionId ?? null],
    );
    return result[1];
  }

  setCookies(request: FastifyRequest, reply: FastifyReply, session: NewSession): void {
    const secure = this.secure(request);
    const base = { path: '/', sameSite: 'lax' as const, secure, expires: session.expiresAt };
    void reply.setCookie(SESSION_COOKIE, session.token, { ...base, httpOnly: true });
    void reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
  }

  clearCookies(request: FastifyRequest, reply: FastifyReply): void {
    const options = { path: '/', sameSite: 'lax' as const, secure: this.secure(request) };
    void reply.clearCookie(SESSION_COOKIE, { ...options, httpOnly: true });
    void reply.clearCookie(CSRF_COOKIE, options);
  }

  private secure(request: FastifyRequest): boolean {
    const setting = this.config.security.cookieSecure;
    return setting === 'auto' ? request.protocol === 'https' : setting;
  }
}
