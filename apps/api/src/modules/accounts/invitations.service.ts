import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { InvitationRole } from '@factoryspace/domain';
import { type Actor, type RequestOrigin, zoneScopeOf } from '../../common/access/actor';
import { DEFAULT_PAGE_LIMIT, fetchPage, newestFirst } from '../../common/pagination';
import { InjectConfig, type AppConfig } from '../../config';
import { AuditService } from '../audit/audit.service';
import type { MailMessage } from '../mail/mail.service';
import { MailService } from '../mail/mail.service';
import { AccessErrors } from '../../common/access/access.errors';
import { AccountsErrors } from './accounts.errors';
import type {
  InvitationPageResponseDto,
  InvitationResponseDto,
  InvitationStatus,
  ListInvitationsQueryDto,
} from './dto/users.dto';
import { InvitationEntity } from './entities/invitation.entity';
import { UserEntity } from './entities/user.entity';
import { newToken, tokenHash } from './secrets';

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

const NEWEST_FIRST = newestFirst('i.created_at', 'i.id');

interface InvitationRow {
  id: string;
  email: string;
  role: InvitationRole;
  zone_id: string | null;
  zone_name: string | null;
  firm_id: string | null;
  firm_name: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
  invited_by_name: string | null;
}

function statusOf(row: InvitationRow): InvitationStatus {
  if (row.accepted_at) return 'accepted';
  if (row.revoked_at) return 'revoked';
  return new Date(row.expires_at).getTime() <= Date.now() ? 'expired' : 'pending';
}

function mapInvitation(row: InvitationRow): InvitationResponseDto {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    zoneId: row.zone_id,
    zoneName: row.zone_name,
    firmId: row.firm_id,
    firmName: row.firm_name,
    status: statusOf(row),
    expiresAt: new Date(row.expires_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    invitedByName: row.invited_by_name,
  };
}

const STATUS_SQL: Record<InvitationStatus, string> = {
  accepted: 'i.accepted_at IS NOT NULL',
  revoked: 'i.accepted_at IS NULL AND i.revoked_at IS NOT NULL',
  expired: 'i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at <= now()',
  pending: 'i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()',
};

/** Invitations to a zone's staff or to a firm: created, listed, revoked (accepted by AuthService). */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  private select() {
    return this.dataSource
      .createQueryBuilder()
      .from(InvitationEntity, 'i')
      .leftJoin('zones', 'z', 'z.id = i.zone_id')
      .leftJoin('firms', 'f', 'f.id = i.firm_id')
      .leftJoin('users', 'u', 'u.id = i.invited_by')
      .select([
        'i.id AS id',
        'i.email AS email',
        'i.role AS role',
        'i.zone_id AS zone_id',
        'z.name AS zone_name',
        'i.firm_id AS firm_id',
        'f.name AS firm_name',
        'i.expires_at AS expires_at',
        'i.accepted_at AS accepted_at',
        'i.revoked_at AS revoked_at',
        'i.created_at AS created_at',
        'u.display_name AS invited_by_name',
      ]);
  }

  async create(
    actor: Actor,
    target: { email: string; role: InvitationRole; zoneId: string | null; firmId: string | null },
    origin: RequestOrigin,
    mailFor: (link: string, expiresAt: Date) => MailMessage,
  ): Promise<InvitationResponseDto> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    const id = await this.dataSource.transaction(async (m) => {
      // Inviting someone who already has an account cannot succeed (one account per address):
      // say so now rather than after they open the mail.
      if (await m.exists(UserEntity, { where: { email: target.email } })) {
        throw AccountsErrors.emailTaken();
      }
      // A new invitation replaces a pending one to the same address and place.
      await m.query(
        `UPDATE invitations SET revoked_at = now()
          WHERE email = $1 AND accepted_at IS NULL AND revoked_at IS NULL
            AND zone_id IS NOT DISTINCT FROM $2 AND firm_id IS NOT DISTINCT FROM $3`,
        [target.email, target.zoneId, target.firmId],
      );
      const inserted = await m.insert(InvitationEntity, {
        ...target,
        invitedBy: actor.userId,
        tokenHash: tokenHash(token),
        expiresAt,
      });
      const invitationId = inserted.identifiers[0].id as string;
      const link = `${this.config.security.publicBaseUrl}/accept-invitation?token=${token}`;
      await this.mail.enqueue(m, { ...mailFor(link, expiresAt), zoneId: target.zoneId });
      await this.audit.record(
        {
          type: 'invitation.create',
          outcome: 'success',
          actor,
          zoneId: target.zoneId ?? actor.zoneId,
          origin,
          target: { type: 'invitation', id: invitationId, label: target.email },
          details: { role: target.role, zoneId: target.zoneId, firmId: target.firmId },
        },
        m,
      );
      return invitationId;
    });
    const rows: InvitationRow[] = await this.select().where('i.id = :id', { id }).getRawMany();
    return mapInvitation(rows[0]);
  }

  async listForFirm(firmId: string): Promise<InvitationResponseDto[]> {
    const rows: InvitationRow[] = await this.select()
      .where('i.firm_id = :firmId', { firmId })
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(200)
      .getRawMany();
    return rows.map(mapInvitation);
  }

  /** Staff invitations in the actor's scope (zone administrators: their zone). */
  async listStaff(
    actor: Actor,
    query: ListInvitationsQueryDto,
  ): Promise<InvitationPageResponseDto> {
    const own = zoneScopeOf(actor);
    if (own !== null && query.zoneId && query.zoneId.toLowerCase() !== own) {
      throw AccessErrors.otherZone();
    }
    const zoneId = own ?? query.zoneId;
    const qb = this.select().where('i.zone_id IS NOT NULL');
    if (zoneId) qb.andWhere('i.zone_id = :zoneId', { zoneId });
    if (query.status) qb.andWhere(STATUS_SQL[query.status]);
    const page = await fetchPage<InvitationRow>(
      this.dataSource.manager,
      qb,
      NEWEST_FIRST,
      query.cursor,
      query.limit ?? DEFAULT_PAGE_LIMIT,
    );
    return { items: page.rows.map(mapInvitation), nextCursor: page.nextCursor, total: page.total };
  }

  /** Revokes a pending invitation within `scope` (a zone or a firm); 404 outside it. */
  async revoke(
    actor: Actor,
    id: string,
    scope: { zoneId?: string | null; firmId?: string },
    origin: RequestOrigin,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const invitation = await m.findOne(InvitationEntity, { where: { id } });
      const inScope =
        invitation &&
        (scope.firmId !== undefined
          ? invitation.firmId === scope.firmId
          : invitation.zoneId !== null &&
            (scope.zoneId === null || invitation.zoneId === scope.zoneId));
      if (!invitation || !inScope) throw AccountsErrors.invitationNotFound();
      if (invitation.acceptedAt || invitation.revokedAt) return;
      await m.update(InvitationEntity, { id }, { revokedAt: () => 'now()' } as never);
      await this.audit.record(
        {
          type: 'invitation.revoke',
          outcome: 'success',
          actor,
          zoneId: invitation.zoneId ?? actor.zoneId,
          origin,
          target: { type: 'invitation', id, label: invitation.email },
        },
        m,
      );
    });
  }
}
