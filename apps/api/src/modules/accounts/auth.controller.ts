import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '@factoryspace/domain';
import {
  type Actor,
  type RequestOrigin,
  Origin,
  RequestLocale,
  SignedInActor,
  originOf,
} from '../../common/access/actor';
import { Public, SignedIn } from '../../common/access/policy';
import { ErrorResponseDto } from '../../openapi/error-response.dto';
import { ACCOUNT_MESSAGES } from './accounts.errors';
import { AuthThrottle } from './auth-throttle';
import { AuthService } from './auth.service';
import {
  AcceptInvitationDto,
  ChangePasswordDto,
  EmailOnlyDto,
  InvitationPreviewDto,
  LoginDto,
  MessageResponseDto,
  RegisterDto,
  ResetPasswordDto,
  SessionResponseDto,
  TokenDto,
} from './dto/auth.dto';

@ApiTags('auth')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED' })
@ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'TOO_MANY_REQUESTS' })
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Public()
  @AuthThrottle()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Register a firm and its first user; a verification mail follows (same answer always)',
  })
  @ApiAcceptedResponse({ type: MessageResponseDto })
  async register(
    @Body() dto: RegisterDto,
    @Origin() origin: RequestOrigin,
    @RequestLocale() locale: Locale,
  ): Promise<MessageResponseDto> {
    await this.auth.register(dto, origin);
    return { message: ACCOUNT_MESSAGES.registered[locale] };
  }

  @Post('login')
  @Public()
  @AuthThrottle()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email or mobile; sets the session and CSRF cookies' })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'INVALID_CREDENTIALS' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'EMAIL_NOT_VERIFIED' })
  login(
    @Body() dto: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponseDto> {
    return this.auth.login(dto, { request, reply, origin: originOf(request) });
  }

  @Post('logout')
  @SignedIn()
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiOperation({ summary: 'End this session' })
  @ApiNoContentResponse()
  logout(
    @SignedInActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    return this.auth.logout(actor, { request, reply, origin: originOf(request) });
  }

  @Get('session')
  @SignedIn()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'The signed-in user and the CSRF token' })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiUnauthorizedResponse({
    type: ErrorResponseDto,
    description: 'NOT_AUTHENTICATED, SESSION_EXPIRED',
  })
  session(@SignedInActor() actor: Actor): Promise<SessionResponseDto> {
    return this.auth.current(actor);
  }

  @Post('password/change')
  @SignedIn()
  @HttpCode(200)
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Change the password; ends every other session' })
  @ApiOkResponse({ type: SessionResponseDto })
  changePassword(
    @SignedInActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponseDto> {
    return this.auth.changePassword(actor, dto, { request, reply, origin: originOf(request) });
  }

  @Post('password/forgot')
  @Public()
  @AuthThrottle()
  @HttpCode(202)
  @ApiOperation({ summary: 'Mail a password reset link (same answer whether the account exists)' })
  @ApiAcceptedResponse({ type: MessageResponseDto })
  async forgotPassword(
    @Body() dto: EmailOnlyDto,
    @RequestLocale() locale: Locale,
  ): Promise<MessageResponseDto> {
    await this.auth.forgotPassword(dto.email);
    return { message: ACCOUNT_MESSAGES.resetRequested[locale] };
  }

  @Post('password/reset')
  @Public()
  @AuthThrottle()
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with a mailed token; ends every session' })
  @ApiNoContentResponse()
  resetPassword(@Body() dto: ResetPasswordDto, @Origin() origin: RequestOrigin): Promise<void> {
    return this.auth.resetPassword(dto, origin);
  }

  @Post('email/verify')
  @Public()
  @AuthThrottle()
  @HttpCode(204)
  @ApiOperation({ summary: 'Verify the email address with a mailed token' })
  @ApiNoContentResponse()
  verifyEmail(@Body() dto: TokenDto, @Origin() origin: RequestOrigin): Promise<void> {
    return this.auth.verifyEmail(dto.token, origin);
  }

  @Post('email/resend')
  @Public()
  @AuthThrottle()
  @HttpCode(202)
  @ApiOperation({ summary: 'Send the verification mail again (same answer always)' })
  @ApiAcceptedResponse({ type: MessageResponseDto })
  async resendVerification(
    @Body() dto: EmailOnlyDto,
    @RequestLocale() locale: Locale,
  ): Promise<MessageResponseDto> {
    await this.auth.resendVerification(dto.email);
    return { message: ACCOUNT_MESSAGES.verificationResent[locale] };
  }

  @Get('invitations/:token')
  @Public()
  @AuthThrottle()
  @ApiOperation({ summary: 'Who invites you, to what, until when' })
  @ApiOkResponse({ type: InvitationPreviewDto })
  previewInvitation(@Param('token') token: string): Promise<InvitationPreviewDto> {
    return this.auth.previewInvitation(token.slice(0, 100));
  }

  @Post('invitations/accept')
  @Public()
  @AuthThrottle()
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation: creates the account and signs it in' })
  @ApiOkResponse({ type: SessionResponseDto })
  acceptInvitation(
    @Body() dto: AcceptInvitationDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponseDto> {
    return this.auth.acceptInvitation(dto, { request, reply, origin: originOf(request) });
  }
}
