import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, type RequestOrigin, Origin, SignedInActor } from '../../common/access/actor';
import { Allow } from '../../common/access/policy';
import { ParseIdPipe } from '../../common/pipes/parse-id.pipe';
import { ErrorResponseDto } from '../../openapi/error-response.dto';
import { FirmMemberResponseDto, FirmResponseDto, UpdateFirmDto } from './dto/firm.dto';
import { CreateFirmInvitationDto, InvitationResponseDto } from './dto/users.dto';
import { FirmsService } from './firms.service';

/** The signed-in firm user's own firm; every query is bound to the session's firm. */
@ApiTags('firms')
@ApiCookieAuth()
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, INVALID_ID' })
@Controller('firms/me')
export class FirmsController {
  constructor(private readonly firms: FirmsService) {}

  @Get()
  @Allow(['firm'])
  @ApiOperation({ summary: 'My firm' })
  @ApiOkResponse({ type: FirmResponseDto })
  getMyFirm(@SignedInActor() actor: Actor): Promise<FirmResponseDto> {
    return this.firms.get(actor);
  }

  @Patch()
  @Allow(['firm'], { firmRole: 'owner' })
  @ApiOperation({ summary: "Change my firm's profile (owner)" })
  @ApiOkResponse({ type: FirmResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'VERSION_CONFLICT, CREDIT_CODE_TAKEN',
  })
  updateMyFirm(
    @SignedInActor() actor: Actor,
    @Body() dto: UpdateFirmDto,
  ): Promise<FirmResponseDto> {
    return this.firms.update(actor, dto);
  }

  @Get('members')
  @Allow(['firm'])
  @ApiOperation({ summary: 'My colleagues' })
  @ApiOkResponse({ type: [FirmMemberResponseDto] })
  listMyFirmMembers(@SignedInActor() actor: Actor): Promise<FirmMemberResponseDto[]> {
    return this.firms.members(actor);
  }

  @Delete('members/:userId')
  @Allow(['firm'], { firmRole: 'owner' })
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a colleague (disables the account, ends its sessions)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'USER_NOT_FOUND' })
  removeMyFirmMember(
    @SignedInActor() actor: Actor,
    @Param('userId', ParseIdPipe) userId: string,
    @Origin() origin: RequestOrigin,
  ): Promise<void> {
    return this.firms.removeMember(actor, userId, origin);
  }

  @Get('invitations')
  @Allow(['firm'], { firmRole: 'owner' })
  @ApiOperation({ summary: 'Invitations to my firm' })
  @ApiOkResponse({ type: [InvitationResponseDto] })
  listMyFirmInvitations(@SignedInActor() actor: Actor): Promise<InvitationResponseDto[]> {
    return this.firms.listInvitations(actor);
  }

  @Post('invitations')
  @Allow(['firm'], { firmRole: 'owner' })
  @ApiOperation({ summary: 'Invite a colleague by email' })
  @ApiCreatedResponse({ type: InvitationResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'EMAIL_TAKEN' })
  inviteToMyFirm(
    @SignedInActor() actor: Actor,
    @Body() dto: CreateFirmInvitationDto,
    @Origin() origin: RequestOrigin,
  ): Promise<InvitationResponseDto> {
    return this.firms.invite(actor, dto.email, origin);
  }

  @Delete('invitations/:id')
  @Allow(['firm'], { firmRole: 'owner' })
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an invitation to my firm' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'INVITATION_NOT_FOUND' })
  revokeMyFirmInvitation(
    @SignedInActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Origin() origin: RequestOrigin,
  ): Promise<void> {
    return this.firms.revokeInvitation(actor, id, origin);
  }
}
