import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import {
  checkPassword,
  identifierKind,
  normalizeEmail,
  normalizeMobile,
  type FieldIssue,
  type PasswordContext,
} from '@factoryspace/domain';
import type { Actor, RequestOrigin } from '../../common/access/actor';
import { InjectConfig, type AppConfig } from '../../config';
import { AuditService } from '../audit/audit.service';
import { MailService } from '../mail/mail.service';
import {
  alreadyRegisteredMail,
  firmAlreadyRegisteredMail,
  resetPasswordMail,
  verifyEmailMail,
} from '../mail/mail-templates';
import { validationFailed } from '../shared/shared.errors';
import { AccountsErrors } from './accounts.errors';
import type {
  AcceptInvitationDto,
  ChangePasswordDto,
  InvitationPreviewDto,
  LoginDto,
  RegisterDto,
  ResetPasswordDto,
  SessionResponseDto,
} from './dto/auth.dto';
import { AuthTokenEntity, type AuthTokenPurpose } from './entities/auth-token.entity';
import { FirmEntity } from './entities/firm.entity';
import { InvitationEntity } from './entities/invitation.entity';
import { UserEntity } from './entities/user.entity';
import { LoginThrottleService } from './login-throttle.service';
import { hashPassword, newToken, tokenHash, verifyPassword } from './secrets';
import { type NewSession, SessionsService } from './sessions.service';
import { sessionUser } from './session-user';

/** How long mailed links work. */
export const TOKEN_TTL_MS: Record<AuthTokenPurpose, number> = {
  verify_email: 48 * 3_600_000,
  reset_password: 3_600_000,
};

interface HttpContext {
  request: FastifyRequest;
  reply: FastifyReply;
  origin: RequestOrigin;
}

/** The password policy (domain checkPassword) as a 400 on `field`. */
export function assertPasswordPolicy(password: string, context: PasswordContext, field: string) {
  const issues: FieldIssue[] = checkPassword(password, context).map((problem) => ({
    field,
    code: 'weak_password',
    params: { problem },
  }));
  if (issues.length > 0) throw validationFailed(issues);
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === '23505'
  );
}

/**
 * Registration, login and logout, password change and reset, email verification and
 * invitation acceptance (docs/accounts.md). Answers never say whether an account exists:
 * registration, reset and resend always answer the same; a failed login is one message.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  private link(path: string, token: string): string {
    return `${this.config.security.publicBaseUrl}${path}?token=${encodeURIComponent(token)}`;
  }

  async register(dto: RegisterDto, origin: RequestOrigin): Promise<void> {
    assertPasswordPolicy(
      dto.password,
      { email: dto.email, mobile: dto.mobile ?? undefined, displayName: dto.displayName },
      'password',
    );
    if (dto.firm.highTechExpiresOn && !dto.firm.highTechCertificateNo) {
      throw AccountsErrors.highTechExpiryWithoutCertificate();
    }
    const passwordHash = await hashPassword(dto.password);
    try {
      await this.dataSource.transaction(async (m) => {
        const existing = await m.findOne(UserEntity, { where: { email: dto.email } });
        if (existing) {
          await this.mail.enqueue(
            m,
            alreadyRegisteredMail(
              dto.email,
              `${this.config.security.publicBaseUrl}/login`,
              `${this.config.security.publicBaseUrl}/forgot-password`,
            ),
          );
          await this.audit.record(
            {
              type: 'user.register',
              outcome: 'failure',
              actorLabel: dto.email,
              origin,
              details: { reason: 'email_taken' },
            },
            m,
          );
          return;
        }
        const firm = await m.findOne(FirmEntity, { where: { creditCode: dto.firm.creditCode } });
        if (firm) {
          await this.mail.enqueue(m, firmAlreadyRegisteredMail(dto.email, firm.name));
          await this.audit.record(
            {
              type: 'user.register',
              outcome: 'failure',
              actorLabel: dto.email,
              origin,
              target: { type: 'firm', id: firm.id, label: firm.name },
              details: { reason: 'firm_registered' },
            },
            m,
          );
          return;
        }
        const mobileTaken =
          dto.mobile != null && (await m.exists(UserEntity, { where: { mobile: dto.mobile } }));
        const firmId = (
          await m.insert(FirmEntity, {
            name: dto.firm.name,
            creditCode: dto.firm.creditCode,
            legalRepresentative: dto.firm.legalRepresentative,
            industryCode: dto.firm.industryCode,
            size: dto.firm.size,
            contactName: dto.firm.contactName,
            contactPhone: dto.firm.contactPhone,
            highTechCertificateNo: dto.firm.highTechCertificateNo ?? null,
            highTechExpiresOn: dto.firm.highTechExpiresOn ?? null,
            specialisedLevel: dto.firm.specialisedLevel ?? null,
          })
        ).identifiers[0].id as string;
        const userId = (
          await m.insert(UserEntity, {
            email: dto.email,
            // A number already in use is left out rather than reported (no enumeration).
            mobile: mobileTaken ? null : (dto.mobile ?? null),
            displayName: dto.displayName,
            passwordHash,
            role: 'firm',
            firmId,
            firmRole: 'owner',
          })
        ).identifiers[0].id as string;
        const token = await this.issueToken(m, userId, 'verify_email');
        await this.mail.enqueue(
          m,
          verifyEmailMail(dto.email, dto.displayName, this.link('/verify-email', token)),
        );
        await this.audit.record(
          {
            type: 'user.register',
            outcome: 'success',
            actor: { userId, email: dto.email, role: 'firm', zoneId: null },
            origin,
            target: { type: 'firm', id: firmId, label: dto.firm.name },
          },
          m,
        );
      });
    } catch (error) {
      // A concurrent registration took the email or credit code: answer as usual.
      if (!isUniqueViolation(error)) throw error;
    }
  }

  async login(dto: LoginDto, http: HttpContext): Promise<SessionResponseDto> {
    const kind = identifierKind(dto.identifier);
    const key =
      kind === 'mobile'
        ? `m:${normalizeMobile(dto.identifier)}`
        : `e:${normalizeEmail(dto.identifier)}`;
    const label = dto.identifier.trim().slice(0, 254);
    const wait = await this.throttle.waitSeconds(key);
    if (wait > 0) {
      await this.audit.record({
        type: 'login.failure',
        outcome: 'failure',
        actorLabel: label,
        origin: http.origin,
        details: { reason: 'throttled', retryAfterSeconds: wait },
      });
      void http.reply.header('retry-after', String(wait));
      throw AccountsErrors.tooManyAttempts(wait);
    }
    const user =
      kind === null
        ? null
        : await this.dataSource.getRepository(UserEntity).findOne({
            where:
              kind === 'mobile'
                ? { mobile: normalizeMobile(dto.identifier) }
                : { email: normalizeEmail(dto.identifier) },
          });
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, dto.password);
    if (!user || !passwordOk || user.status !== 'active') {
      await this.throttle.recordFailure(key);
      await this.audit.record({
        type: 'login.failure',
        outcome: 'failure',
        actor: user
          ? { userId: user.id, email: user.email, role: user.role, zoneId: user.zoneId }
          : null,
        actorLabel: label,
        origin: http.origin,
        details: {
          reason: !user ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'disabled',
        },
      });
      throw AccountsErrors.invalidCredentials();
    }
    await this.throttle.recordSuccess(key);
    if (!user.emailVerifiedAt) {
      await this.audit.record({
        type: 'login.failure',
        outcome: 'failure',
        actor: { userId: user.id, email: user.email, role: user.role, zoneId: user.zoneId },
        origin: http.origin,
        details: { reason: 'email_not_verified' },
      });
      throw AccountsErrors.emailNotVerified();
    }
    const session = await this.dataSource.transaction(async (m) => {
      await m.update(UserEntity, { id: user.id }, { lastLoginAt: () => 'now()' } as never);
      await this.audit.record(
        {
          type: 'login.success',
          outcome: 'success',
          actor: { userId: user.id, email: user.email, role: user.role, zoneId: user.zoneId },
          origin: http.origin,
        },
        m,
      );
      return this.sessions.create(m, user, http.origin);
    });
    return this.startSession(user.id, session, http);
  }

  async logout(actor: Actor, http: HttpContext): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.sessions.revoke(m, actor.sessionId, 'logout');
      await this.audit.record(
        { type: 'logout', outcome: 'success', actor, origin: http.origin },
        m,
      );
    });
    this.sessions.clearCookies(http.request, http.reply);
  }

  async current(actor: Actor): Promise<SessionResponseDto> {
    const rows: { expires_at: Date }[] = await this.dataSource.query(
      'SELECT expires_at FROM sessions WHERE id = $1',
      [actor.sessionId],
    );
    return {
      user: await sessionUser(this.dataSource.manager, actor.userId),
      csrfToken: actor.csrfToken,
      expiresAt: new Date(rows[0].expires_at).toISOString(),
    };
  }

  async changePassword(
    actor: Actor,
    dto: ChangePasswordDto,
    http: HttpContext,
  ): Promise<SessionResponseDto> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOneByOrFail({ id: actor.userId });
    const key = `p:${user.id}`;
    const wait = await this.throttle.waitSeconds(key);
    if (wait > 0) {
      void http.reply.header('retry-after', String(wait));
      throw AccountsErrors.tooManyAttempts(wait);
    }
    if (!(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      await this.throttle.recordFailure(key);
      await this.audit.record({
        type: 'password.change',
        outcome: 'failure',
        actor,
        origin: http.origin,
        details: { reason: 'wrong_current_password' },
      });
      throw AccountsErrors.currentPasswordWrong();
    }
    await this.throttle.recordSuccess(key);
    assertPasswordPolicy(dto.newPassword, identityOf(user), 'newPassword');
    const passwordHash = await hashPassword(dto.newPassword);
    const session = await this.dataSource.transaction(async (m) => {
      await m.update(UserEntity, { id: user.id }, {
        passwordHash,
        passwordChangedAt: () => 'now()',
      } as never);
      const ended = await this.sessions.revokeAll(m, user.id, 'password_change');
      await this.audit.record(
        {
          type: 'password.change',
          outcome: 'success',
          actor,
          origin: http.origin,
          details: { sessionsEnded: ended },
        },
        m,
      );
      return this.sessions.create(m, user, http.origin);
    });
    return this.startSession(user.id, session, http);
  }

  async forgotPassword(email: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const user = await m.findOne(UserEntity, { where: { email, status: 'active' } });
      if (!user) return;
      const token = await this.issueToken(m, user.id, 'reset_password');
      // No zone: a zone administrator must not be able to read a colleague's reset link in the
      // outbox (only the super administrator sees zone-less mail when SMTP is not configured).
      await this.mail.enqueue(
        m,
        resetPasswordMail(user.email, user.displayName, this.link('/reset-password', token)),
      );
    });
  }

  async resetPassword(dto: ResetPasswordDto, origin: RequestOrigin): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const userId = await this.consumeToken(m, dto.token, 'reset_password');
      const user = await m.findOneByOrFail(UserEntity, { id: userId });
      assertPasswordPolicy(dto.newPassword, identityOf(user), 'newPassword');
      await m.update(UserEntity, { id: user.id }, {
        passwordHash: await hashPassword(dto.newPassword),
        passwordChangedAt: () => 'now()',
        // The reset mail reached the address: it is verified.
        emailVerifiedAt: () => 'coalesce(email_verified_at, now())',
      } as never);
      await m.update(
        AuthTokenEntity,
        { userId: user.id, purpose: 'reset_password', usedAt: null as never },
        { usedAt: () => 'now()' } as never,
      );
      const ended = await this.sessions.revokeAll(m, user.id, 'password_reset');
      await this.audit.record(
        {
          type: 'password.reset',
          outcome: 'success',
          actor: { userId: user.id, email: user.email, role: user.role, zoneId: user.zoneId },
          origin,
          details: { sessionsEnded: ended },
        },
        m,
      );
    });
  }

  async verifyEmail(token: string, origin: RequestOrigin): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const userId = await this.consumeToken(m, token, 'verify_email');
      await m.update(UserEntity, { id: userId }, {
        emailVerifiedAt: () => 'coalesce(email_verified_at, now())',
      } as never);
      const user = await m.findOneByOrFail(UserEntity, { id: userId });
      await this.audit.record(
        {
          type: 'email.verify',
          outcome: 'success',
          actor: { userId, email: user.email, role: user.role, zoneId: user.zoneId },
          origin,
        },
        m,
      );
    });
  }

  async resendVerification(email: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const user = await m.findOne(UserEntity, { where: { email, status: 'active' } });
      if (!user || user.emailVerifiedAt) return;
      const token = await this.issueToken(m, user.id, 'verify_email');
      await this.mail.enqueue(
        m,
        verifyEmailMail(user.email, user.displayName, this.link('/verify-email', token)),
      );
    });
  }

  async previewInvitation(token: string): Promise<InvitationPreviewDto> {
    const rows: {
      email: string;
      role: InvitationPreviewDto['role'];
      zone_name: string | null;
      firm_name: string | null;
      expires_at: Date;
    }[] = await this.dataSource.query(
      `SELECT i.email, i.role, z.name AS zone_name, f.name AS firm_name, i.expires_at
         FROM invitations i LEFT JOIN zones z ON z.id = i.zone_id LEFT JOIN firms f ON f.id = i.firm_id
        WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL
          AND i.expires_at > now()`,
      [tokenHash(token)],
    );
    const row = rows[0];
    if (!row) throw AccountsErrors.tokenInvalid();
    return {
      email: row.email,
      role: row.role,
      zoneName: row.zone_name,
      firmName: row.firm_name,
      expiresAt: new Date(row.expires_at).toISOString(),
    };
  }

  async acceptInvitation(dto: AcceptInvitationDto, http: HttpContext): Promise<SessionResponseDto> {
    const invitation = await this.dataSource.getRepository(InvitationEntity).findOne({
      where: { tokenHash: tokenHash(dto.token) },
    });
    if (
      !invitation ||
      invitation.acceptedAt ||
      invitation.revokedAt ||
      invitation.expiresAt.getTime() <= Date.now()
    ) {
      throw AccountsErrors.tokenInvalid();
    }
    assertPasswordPolicy(
      dto.password,
      { email: invitation.email, mobile: dto.mobile ?? undefined, displayName: dto.displayName },
      'password',
    );
    const passwordHash = await hashPassword(dto.password);
    const { user, session } = await this.dataSource.transaction(async (m) => {
      // Lock and re-check: two tabs accepting the same invitation create one account.
      const locked = await m.query(
        `SELECT id FROM invitations WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL
           AND expires_at > now() FOR UPDATE`,
        [invitation.id],
      );
      if ((locked as unknown[]).length === 0) throw AccountsErrors.tokenInvalid();
      if (await m.exists(UserEntity, { where: { email: invitation.email } })) {
        throw AccountsErrors.emailTaken();
      }
      const mobileTaken =
        dto.mobile != null && (await m.exists(UserEntity, { where: { mobile: dto.mobile } }));
      const isFirm = invitation.role === 'firm_member';
      const userId = (
        await m.insert(UserEntity, {
          email: invitation.email,
          mobile: mobileTaken ? null : (dto.mobile ?? null),
          displayName: dto.displayName,
          passwordHash,
          role: isFirm ? 'firm' : invitation.role === 'zone_admin' ? 'zone_admin' : 'staff',
          zoneId: isFirm ? null : invitation.zoneId,
          firmId: isFirm ? invitation.firmId : null,
          firmRole: isFirm ? 'member' : null,
          // The invitation reached this address.
          emailVerifiedAt: () => 'now()',
          lastLoginAt: () => 'now()',
        } as never)
      ).identifiers[0].id as string;
      await m.update(InvitationEntity, { id: invitation.id }, {
        acceptedAt: () => 'now()',
        acceptedUserId: userId,
      } as never);
      const created = await m.findOneByOrFail(UserEntity, { id: userId });
      await this.audit.record(
        {
          type: 'invitation.accept',
          outcome: 'success',
          actor: { userId, email: created.email, role: created.role, zoneId: created.zoneId },
          origin: http.origin,
          target: { type: 'invitation', id: invitation.id, label: invitation.email },
          details: { role: invitation.role, firmId: invitation.firmId },
        },
        m,
      );
      return { user: created, session: await this.sessions.create(m, created, http.origin) };
    });
    return this.startSession(user.id, session, http);
  }

  private async startSession(
    userId: string,
    session: NewSession,
    http: HttpContext,
  ): Promise<SessionResponseDto> {
    this.sessions.setCookies(http.request, http.reply, session);
    return {
      user: await sessionUser(this.dataSource.manager, userId),
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    };
  }

  /** A new single-use token; earlier unused tokens of the same purpose stop working. */
  private async issueToken(
    m: EntityManager,
    userId: string,
    purpose: AuthTokenPurpose,
  ): Promise<string> {
    await m.query(
      `UPDATE auth_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`,
      [userId, purpose],
    );
    const token = newToken();
    await m.insert(AuthTokenEntity, {
      userId,
      purpose,
      tokenHash: tokenHash(token),
      expiresAt: new Date(Date.now() + TOKEN_TTL_MS[purpose]),
    });
    return token;
  }

  /** Marks a token used and returns its user, or 400 TOKEN_INVALID (unknown, used, expired). */
  private async consumeToken(
    m: EntityManager,
    token: string,
    purpose: AuthTokenPurpose,
  ): Promise<string> {
    // UPDATE … RETURNING answers [rows, affected] through TypeORM's query().
    const [rows]: [{ user_id: string }[], number] = await m.query(
      `UPDATE auth_tokens SET used_at = now()
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id`,
      [tokenHash(token), purpose],
    );
    const userId = rows[0]?.user_id;
    if (!userId) throw AccountsErrors.tokenInvalid();
    return userId;
  }
}

function identityOf(user: UserEntity): PasswordContext {
  return { email: user.email, mobile: user.mobile ?? undefined, displayName: user.displayName };
}
