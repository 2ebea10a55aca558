import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
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
import { Allow, ZONE_ADMINS } from '../../common/access/policy';
import { ParseIdPipe } from '../../common/pipes/parse-id.pipe';
import { ErrorResponseDto } from '../../openapi/error-response.dto';
import {
  CreateInvitationDto,
  InvitationPageResponseDto,
  InvitationResponseDto,
  ListInvitationsQueryDto,
  ListUsersQueryDto,
  UpdateUserDto,
  UserPageResponseDto,
  UserResponseDto,
} from './dto/users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiCookieAuth()
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, INVALID_ID' })
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('users')
  @Allow(ZONE_ADMINS)
  @ApiOperation({ summary: 'Users (zone administrators: their zone; super administrator: all)' })
  @ApiOkResponse({ type: UserPageResponseDto })
  listUsers(
    @SignedInActor() actor: Actor,
    @Query() query: ListUsersQueryDto,
  ): Promise<UserPageResponseDto> {
    return this.users.list(actor, query);
  }

  @Get('users/:id')
  @Allow(ZONE_ADMINS)
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'USER_NOT_FOUND' })
  getUser(
    @SignedInActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<UserResponseDto> {
    return this.users.get(actor, id);
  }

  @Patch('users/:id')
  @Allow(ZONE_ADMINS)
  @ApiOperation({
    summary: "Change a user's role (staff ↔ zone_admin) or status; disabling ends their sessions",
  })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'USER_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT' })
  updateUser(
    @SignedInActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateUserDto,
    @Origin() origin: RequestOrigin,
  ): Promise<UserResponseDto> {
    return this.users.update(actor, id, dto, origin);
  }

  @Get('invitations')
  @Allow(ZONE_ADMINS)
  @ApiOperation({ summary: 'Staff invitations' })
  @ApiOkResponse({ type: InvitationPageResponseDto })
  listInvitations(
    @SignedInActor() actor: Actor,
    @Query() query: ListInvitationsQueryDto,
  ): Promise<InvitationPageResponseDto> {
    return this.users.listInvitations(actor, query);
  }

  @Post('invitations')
  @Allow(ZONE_ADMINS)
  @ApiOperation({ summary: 'Invite staff or a zone administrator by email (expires in 7 days)' })
  @ApiCreatedResponse({ type: InvitationResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'EMAIL_TAKEN' })
  createInvitation(
    @SignedInActor() actor: Actor,
    @Body() dto: CreateInvitationDto,
    @Origin() origin: RequestOrigin,
  ): Promise<InvitationResponseDto> {
    return this.users.invite(actor, dto, origin);
  }

  @Delete('invitations/:id')
  @Allow(ZONE_ADMINS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a staff invitation' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'INVITATION_NOT_FOUND' })
  revokeInvitation(
    @SignedInActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Origin() origin: RequestOrigin,
  ): Promise<void> {
    return this.users.revokeInvitation(actor, id, origin);
  }
}
