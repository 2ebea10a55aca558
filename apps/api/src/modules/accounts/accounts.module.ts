import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule, seconds } from '@nestjs/throttler';
import type { ExecutionContext } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../../config';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { AccessGuard } from './access.guard';
import { AccessPolicyCheck } from './access-policy.check';
import { AUTH_THROTTLE_KEY } from './auth-throttle';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthTokenEntity } from './entities/auth-token.entity';
import { FirmEntity } from './entities/firm.entity';
import { InvitationEntity } from './entities/invitation.entity';
import { LoginAttemptEntity } from './entities/login-attempt.entity';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';
import { FirmsController } from './firms.controller';
import { FirmsService } from './firms.service';
import { InvitationsService } from './invitations.service';
import { LoginThrottleService } from './login-throttle.service';
import { SessionsService } from './sessions.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

const isAuthRoute = (context: ExecutionContext): boolean =>
  Reflect.getMetadata(AUTH_THROTTLE_KEY, context.getHandler()) === true;

/**
 * Accounts, sessions and access control. Registers the two global guards in order: the per-IP
 * throttler (all routes, plus a stricter limit on authentication routes), then AccessGuard.
 */
@Module({
  imports: [
    DiscoveryModule,
    MailModule,
    AuditModule,
    TypeOrmModule.forFeature([
      UserEntity,
      FirmEntity,
      SessionEntity,
      AuthTokenEntity,
      InvitationEntity,
      LoginAttemptEntity,
    ]),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { name: 'default', ttl: seconds(60), limit: config.security.rateLimitPerMinute },
          {
            name: 'auth',
            ttl: seconds(60),
            limit: config.security.authRateLimitPerMinute,
            skipIf: (context) => !isAuthRoute(context),
          },
        ],
      }),
    }),
  ],
  controllers: [AuthController, FirmsController, UsersController],
  providers: [
    AuthService,
    SessionsService,
    LoginThrottleService,
    InvitationsService,
    FirmsService,
    UsersService,
    AccessPolicyCheck,
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [SessionsService],
})
export class AccountsModule {}
