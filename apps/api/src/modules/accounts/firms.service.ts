import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, QueryFailedError } from 'typeorm';
import type { Actor, RequestOrigin } from '../../common/access/actor';
import { AuditService } from '../audit/audit.service';
import { invitationMail } from '../mail/mail-templates';
import { versionConflict } from '../shared/shared.errors';
import { AccountsErrors } from './accounts.errors';
import type { FirmMemberResponseDto, FirmResponseDto, UpdateFirmDto } from './dto/firm.dto';
import type { InvitationResponseDto } from './dto/users.dto';
import { FirmEntity } from './entities/firm.entity';
import { UserEntity } from './entities/user.entity';
import { InvitationsService } from './invitations.service';
import { SessionsService } from './sessions.service';

function mapFirm(firm: FirmEntity): FirmResponseDto {
  return {
    id: firm.id,
    name: firm.name,
    creditCode: firm.creditCode,
    legalRepresentative: firm.legalRepresentative,
    industryCode: firm.industryCode,
    size: firm.size,
    contactName: firm.contactName,
    contactPhone: firm.contactPhone,
    highTechCertificateNo: firm.highTechCertificateNo,
    highTechExpiresOn: firm.highTechExpiresOn,
    specialisedLevel: firm.specialisedLevel,
    version: firm.version,
    createdAt: firm.createdAt.toISOString(),
    updatedAt: firm.updatedAt.toISOString(),
  };
}

/** The signed-in firm: its profile, colleagues and colleague invitations. */
@Injectable()
export class FirmsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
  ) {}

  private firmId(actor: Actor): string {
    if (!actor.firmId) throw AccountsErrors.firmNotFound();
    return actor.firmId;
  }

  async get(actor: Actor): Promise<FirmResponseDto> {
    const firm = await this.dataSource
      .getRepository(FirmEntity)
      .findOneBy({ id: this.firmId(actor) });
    if (!firm) throw AccountsErrors.firmNotFound();
    return mapFirm(firm);
  }

  async update(actor: Actor, dto: UpdateFirmDto): Promise<FirmResponseDto> {
    const { version, ...patch } = dto;
    const id = this.firmId(actor);
    try {
      return await this.dataSource.transaction(async (m) => {
        const firm = await m.findOne(FirmEntity, {
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!firm) throw AccountsErrors.firmNotFound();
        if (firm.version !== version) throw versionConflict(firm.version);
        const merged = { ...firm, ...patch };
        if (merged.highTechExpiresOn && !merged.highTechCertificateNo) {
          throw AccountsErrors.highTechExpiryWithoutCertificate();
        }
        await m.update(FirmEntity, { id }, { ...patch, version: () => 'version + 1' } as never);
        return mapFirm(await m.findOneByOrFail(FirmEntity, { id }));
      });
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === 'firms_credit_code_uq'
      ) {
        throw AccountsErrors.creditCodeTaken();
      }
      throw error;
    }
  }

  async members(actor: Actor): Promise<FirmMemberResponseDto[]> {
    const users = await this.dataSource.getRepository(UserEntity).find({
      where: { firmId: this.firmId(actor) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return users.map((u) => ({
      userId: u.id,
      displayName: u.displayName,
      email: u.email,
      firmRole: u.firmRole ?? 'member',
      status: u.status,
      createdAt: u.createdAt.toISOString(),
    }));
  }

  /** Disables a colleague and ends their sessions (the account keeps its history). */
  async removeMember(actor: Actor, userId: string, origin: RequestOrigin): Promise<void> {
    const firmId = this.firmId(actor);
    if (userId === actor.userId) throw AccountsErrors.cannotChangeSelf();
    await this.dataSource.transaction(async (m) => {
      const user = await m.findOne(UserEntity, { where: { id: userId, firmId } });
      if (!user) throw AccountsErrors.userNotFound();
      await m.update(UserEntity, { id: user.id }, {
        status: 'disabled',
        version: () => 'version + 1',
      } as never);
      await this.sessions.revokeAll(m, user.id, 'removed_from_firm');
      await this.audit.record(
        {
          type: 'firm.member_remove',
          outcome: 'success',
          actor,
          origin,
          target: { type: 'user', id: user.id, label: user.email },
          details: { firmId },
        },
        m,
      );
    });
  }

  listInvitations(actor: Actor): Promise<InvitationResponseDto[]> {
    return this.invitations.listForFirm(this.firmId(actor));
  }

  async invite(actor: Actor, email: string, origin: RequestOrigin): Promise<InvitationResponseDto> {
    const firmId = this.firmId(actor);
    const firm = await this.dataSource.getRepository(FirmEntity).findOneByOrFail({ id: firmId });
    return this.invitations.create(
      actor,
      { email, role: 'firm_member', zoneId: null, firmId },
      origin,
      (link, expiresAt) =>
        invitationMail(
          email,
          actor.displayName,
          { zh: `「${firm.name}」的成员`, en: `a member of ${firm.name}` },
          link,
          expiresAt,
        ),
    );
  }

  revokeInvitation(actor: Actor, id: string, origin: RequestOrigin): Promise<void> {
    return this.invitations.revoke(actor, id, { firmId: this.firmId(actor) }, origin);
  }
}
