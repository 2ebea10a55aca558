import type { EntityManager } from 'typeorm';
import type { SessionUserDto } from './dto/auth.dto';

/** The signed-in user as the web app sees it, with the names of their zone or firm. */
export async function sessionUser(m: EntityManager, userId: string): Promise<SessionUserDto> {
  const rows: Record<string, unknown>[] = await m.query(
    `SELECT u.id, u.email, u.mobile, u.display_name, u.role, u.zone_id, z.name AS zone_name,
            u.firm_id, f.name AS firm_name, u.firm_role, u.email_verified_at IS NOT NULL AS verified
       FROM users u LEFT JOIN zones z ON z.id = u.zone_id LEFT JOIN firms f ON f.id = u.firm_id
      WHERE u.id = $1`,
    [userId],
  );
  const row = rows[0];
  return {
    id: row.id as string,
    email: row.email as string,
    mobile: (row.mobile as string | null) ?? null,
    displayName: row.display_name as string,
    role: row.role as SessionUserDto['role'],
    zoneId: (row.zone_id as string | null) ?? null,
    zoneName: (row.zone_name as string | null) ?? null,
    firmId: (row.firm_id as string | null) ?? null,
    firmName: (row.firm_name as string | null) ?? null,
    firmRole: (row.firm_role as SessionUserDto['firmRole']) ?? null,
    emailVerified: row.verified as boolean,
  };
}
