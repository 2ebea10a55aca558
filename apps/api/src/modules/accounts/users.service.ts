import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Actor, type RequestOrigin, zoneScopeOf } from '../../common/access/actor';
import { AccessErrors } from '../../common/access/access.errors';
import { DEFAULT_PAGE_LIMIT, fetchPage, newestFirst } from '../../common/pagination';
import { AuditService } from '../audit/audit.service';
import { invitationMail } from '../mail/mail-templates';
import { likeContains } from '../shared/dto';
import { versionConflict } from '../shared/shared.errors';
import { ZonesErrors } from '../zones/zones.errors';
import { AccountsErrors } from './accounts.errors';
import type {
  CreateInvitationDto,
  InvitationPageResponseDto,
  InvitationResponseDto,
  ListInvitationsQueryDto,
  ListUsersQueryDto,
  UpdateUserDto,
  UserPageResponseDto,
  UserResponseDto,
} from './dto/users.dto';
import { UserEntity } from './entities/user.entity';
import { InvitationsService } from './invitations.service';
import { SessionsService } from './sessions.service';

const NEWEST_FIRST = newestFirst('u.created_at', 'u.id');

interface UserRow {
  id: string;
  email: string;
  mobile: string | null;
  display_name: string;
  role: UserResponseDto['role'];
  zone_id: string | null;
  zone_name: string | null;
  firm_id: string | null;
  firm_name: string | null;
  firm_role: UserResponseDto['firmRole'];
  status: UserResponseDto['status'];
  verified: boolean;
  last_login_at: Date | null;
  created_at: Date;
  version: number;
}

function mapUser(row: UserRow): UserResponseDto {
  return {
    id: row.id,
    email: row.email,
    mobile: row.mobile,
    displayName: row.display_name,
    role: row.role,
    zoneId: row.zone_id,
    zoneName: row.zone_name,
    firmId: row.firm_id,
    firmName: row.firm_name,
    firmRole: row.firm_role,
    status: row.status,
    emailVerified: row.verified,
    lastLoginAt: row.last_login_at ? new Date(row.last_login_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    version: row.version,
  };
}

/** Zone administrators see their zone's users; the super administrator everyone. */
function canSee(actor: Actor, zoneId: string | null): boolean {
  const own = zoneScopeOf(actor);
  return own === null || zoneId === own;
}

/**
 * User administration: zone administrators manage their zone's staff and administrators; the
 * super administrator manages everyone but other super administrators. Nobody changes their own
 * role or status.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
  ) {}

  private select() {
    return this.dataSource
      .createQueryBuilder()
      .from(UserEntity, 'u')
      .leftJoin('zones', 'z', 'z.id = u.zone_id')
      .leftJoin('firms', 'f', 'f.id = u.firm_id')
      .select([
        'u.id AS id',
        'u.email AS email',
        'u.mobile AS mobile',
        'u.display_name AS display_name',
        'u.role AS role',
        'u.zone_id AS zone_id',
        'z.name AS zone_name',
        'u.firm_id AS firm_id',
        'f.name AS firm_name',
        'u.firm_role AS firm_role',
        'u.status AS status',
        'u.email_verified_at IS NOT NULL AS verified',
        'u.last_login_at AS last_login_at',
        'u.created_at AS created_at',
        'u.version AS version',
      ]);
  }

  async list(actor: Actor, query: ListUsersQueryDto): Promise<UserPageResponseDto> {
    const own = zoneScopeOf(actor);
    if (own !== null && query.zoneId && query.zoneId.toLowerCase() !== own) {
      throw AccessErrors.otherZone();
    }
    const qb = this.select();
    const zoneId = own ?? query.zoneId;
    if (zoneId) qb.andWhere('u.zone_id = :zoneId', { zoneId });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    if (query.q?.trim()) {
      qb.andWhere(
        "(u.display_name ILIKE :q OR u.email ILIKE :q OR coalesce(u.mobile, '') ILIKE :q)",
        { q: likeContains(query.q.trim()) },
      );
    }
    const page = await fetchPage<UserRow>(
      this.dataSource.manager,
      qb,
      NEWEST_FIRST,
      query.cursor,
      query.limit ?? DEFAULT_PAGE_LIMIT,
    );
    return { items: page.rows.map(mapUser), nextCursor: page.nextCursor, total: page.total };
  }

  async get(actor: Actor, id: string): Promise<UserResponseDto> {
    const rows: UserRow[] = await this.select().where('u.id = :id', { id }).getRawMany();
    const row = rows[0];
    if (!row || !canSee(actor, row.zone_id)) throw AccountsErrors.userNotFound();
    return mapUser(row);
  }

  async update(
    actor: Actor,
    id: string,
    dto: UpdateUserDto,
    origin: RequestOrigin,
  ): Promise<UserResponseDto> {
    await this.dataSource.transaction(async (m) => {
      const user = await m.findOne(UserEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user || !canSee(actor, user.zoneId)) {
        throw AccountsErrors.userNotFound();
      }
      if (user.id === actor.userId) throw AccountsErrors.cannotChangeSelf();
      if (user.role === 'super_admin') throw AccessErrors.forbidden();
      if (user.version !== dto.version) throw versionConflict(user.version);
      // Only zone roles change; a firm user stays a firm user.
      if (dto.role !== undefined && dto.role !== user.role && user.role === 'firm') {
        throw AccessErrors.forbidden();
      }
      const values: Partial<UserEntity> = {};
      if (dto.role !== undefined && dto.role !== user.role) values.role = dto.role;
      if (dto.status !== undefined && dto.status !== user.status) values.status = dto.status;
      if (Object.keys(values).length === 0) return;
      await m.update(UserEntity, { id }, { ...values, version: () => 'version + 1' } as never);
      const target = { type: 'user', id: user.id, label: user.email };
      if (values.role) {
        await this.audit.record(
          {
            type: 'user.role_change',
            outcome: 'success',
            actor,
            zoneId: user.zoneId,
            origin,
            target,
            details: { from: user.role, to: values.role },
          },
          m,
        );
      }
      if (values.status) {
        const ended =
          values.status === 'disabled'
            ? await this.sessions.revokeAll(m, user.id, 'disabled_by_admin')
            : 0;
        await this.audit.record(
          {
            type: values.status === 'disabled' ? 'user.disable' : 'user.enable',
            outcome: 'success',
            actor,
            zoneId: user.zoneId,
            origin,
            target,
            details: values.status === 'disabled' ? { sessionsEnded: ended } : {},
          },
          m,
        );
      }
    });
    return this.get(actor, id);
  }

  listInvitations(
    actor: Actor,
    query: ListInvitationsQueryDto,
  ): Promise<InvitationPageResponseDto> {
    return this.invitations.listStaff(actor, query);
  }

  async invite(
    actor: Actor,
    dto: CreateInvitationDto,
    origin: RequestOrigin,
  ): Promise<InvitationResponseDto> {
    const own = zoneScopeOf(actor);
    if (own !== null && dto.zoneId && dto.zoneId.toLowerCase() !== own) {
      throw AccessErrors.otherZone();
    }
    const zoneId = own ?? dto.zoneId;
    if (!zoneId) throw AccountsErrors.zoneRequired();
    const zones: { name: string; name_en: string | null }[] = await this.dataSource.query(
      'SELECT name, name_en FROM zones WHERE id = $1',
      [zoneId],
    );
    if (zones.length === 0) throw ZonesErrors.notFound();
    const zone = zones[0];
    const asAdmin = dto.role === 'zone_admin';
    return this.invitations.create(
      actor,
      { email: dto.email, role: dto.role, zoneId, firmId: null },
      origin,
      (link, expiresAt) =>
        invitationMail(
          dto.email,
          actor.displayName,
          {
            zh: `${zone.name}${asAdmin ? '管理员' : '平台工作人员'}`,
            en: `${asAdmin ? 'an administrator' : 'staff'} of ${zone.name_en ?? zone.name}`,
          },
          link,
          expiresAt,
        ),
    );
  }

  revokeInvitation(actor: Actor, id: string, origin: RequestOrigin): Promise<void> {
    return this.invitations.revoke(actor, id, { zoneId: zoneScopeOf(actor) }, origin);
  }
}
