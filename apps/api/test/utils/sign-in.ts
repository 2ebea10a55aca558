/**
 * Signed-in users for integration tests without going through login: inserts a user and a live
 * session row directly (the database keeps only the SHA-256 of the cookie token, as the
 * SessionsService does) and returns the cookie to send.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { UserRole } from '@factoryspace/domain';
import type { DataSource } from 'typeorm';

export interface TestSession {
  userId: string;
  email: string;
  /** `fs_session=<token>`, for the `cookie` header. */
  cookie: string;
  /** For the `X-CSRF-Token` header of unsafe requests. */
  csrfToken: string;
  zoneId: string | null;
  firmId: string | null;
}

export interface InsertUserOptions {
  role: UserRole;
  /** staff / zone_admin: their zone (a new zone is inserted when omitted). */
  zoneId?: string;
  /** firm: their firm (a new firm is inserted when omitted). */
  firmId?: string;
  firmRole?: 'owner' | 'member';
  email?: string;
  displayName?: string;
}

let sequence = 0;
function unique(): string {
  sequence += 1;
  return `${Date.now().toString(36)}${sequence}${randomBytes(2).toString('hex')}`;
}

/** Inserts a zone with the required columns only; returns its id. */
export async function insertZone(dataSource: DataSource, name?: string): Promise<string> {
  const n = unique();
  const rows: { id: string }[] = await dataSource.query(
    `INSERT INTO zones (code, name, platform_company) VALUES ($1, $2, $3) RETURNING id`,
    [`z-${n}`.slice(0, 32), name ?? `测试开发区 ${n}`, '测试平台公司'],
  );
  return rows[0].id;
}

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Inserts a firm with a unique, well-formed credit code; returns its id. */
export async function insertFirm(dataSource: DataSource, name?: string): Promise<string> {
  const tail = Array.from(randomBytes(10), (b) => CREDIT_CODE_CHARS[b % CREDIT_CODE_CHARS.length]);
  const creditCode = `91${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}${tail.join('')}`;
  const rows: { id: string }[] = await dataSource.query(
    `INSERT INTO firms (name, credit_code, legal_representative, industry_code, size,
                        contact_name, contact_phone)
     VALUES ($1, $2, '张三', 'C', 'small', '李四', '13800000000') RETURNING id`,
    [name ?? `测试企业 ${unique()}`, creditCode],
  );
  return rows[0].id;
}

/** A user with a verified e-mail and a live session (login is not exercised). */
export async function insertUserWithSession(
  dataSource: DataSource,
  options: InsertUserOptions,
): Promise<TestSession> {
  const { role } = options;
  const zoneId =
    role === 'staff' || role === 'zone_admin'
      ? (options.zoneId ?? (await insertZone(dataSource)))
      : null;
  const firmId = role === 'firm' ? (options.firmId ?? (await insertFirm(dataSource))) : null;
  const firmRole = role === 'firm' ? (options.firmRole ?? 'owner') : null;
  const email = options.email ?? `${role.replace('_', '-')}-${unique()}@example.com`;

  const users: { id: string }[] = await dataSource.query(
    `INSERT INTO users (email, display_name, password_hash, role, zone_id, firm_id, firm_role,
                        email_verified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now()) RETURNING id`,
    [
      email,
      options.displayName ?? `测试 ${role}`,
      'not-a-password-hash (inserted by test/utils/sign-in.ts)',
      role,
      zoneId,
      firmId,
      firmRole,
    ],
  );
  const userId = users[0].id;

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await dataSource.query(
    `INSERT INTO sessions (user_id, token_hash, csrf_token, expires_at)
     VALUES ($1, $2, $3, now() + interval '1 day')`,
    [userId, createHash('sha256').update(token, 'utf8').digest(), csrfToken],
  );
  return { userId, email, cookie: `fs_session=${token}`, csrfToken, zoneId, firmId };
}
