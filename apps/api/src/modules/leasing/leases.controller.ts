import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, SignedInActor } from '../../common/access/actor';
import { Allow, ZONE_WORKERS, inParam } from '../../common/access/policy';
import { Idempotent } from '../../common/idempotency';
import { ParseIdPipe } from '../../common/pipes/parse-id.pipe';
import { ErrorResponseDto } from '../../openapi/error-response.dto';
import { ReasonDto } from './dto/application.dto';
import {
  ExpireLeaseDto,
  LeaseListResponseDto,
  LeaseResponseDto,
  LeasingEventListResponseDto,
  MoveInLeaseDto,
  SignLeaseDto,
  TerminateLeaseDto,
} from './dto/lease.dto';
import { LeasingService } from './leasing.service';

const FIRM_AND_WORKERS = ['firm', ...ZONE_WORKERS] as const;
const TRANSITION_CONFLICT =
  'INVALID_TRANSITION (details.allowedFrom names the states it is allowed from)';
const DATE_BAD_REQUEST = 'VALIDATION_FAILED, INVALID_ID, INVALID_LEASE_DATE (details {min, max})';

/** Leases (租约): read by their firm and the zone's staff; moved on by staff. */
@ApiTags('leases')
@ApiCookieAuth()
@ApiBadRequestResponse({ type: ErrorResponseDto, description: DATE_BAD_REQUEST })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'LEASE_NOT_FOUND' })
@Controller()
export class LeasesController {
  constructor(private readonly service: LeasingService) {}

  @Get('firms/me/leases')
  @Allow(['firm'])
  @ApiOperation({ summary: 'My firm’s leases, newest first' })
  @ApiOkResponse({ type: LeaseListResponseDto })
  listMyLeases(@SignedInActor() actor: Actor): Promise<LeaseListResponseDto> {
    return this.service.listMyLeases(actor);
  }

  @Get('zones/:zoneId/leases')
  @Allow(ZONE_WORKERS, { scope: inParam('zone', 'zoneId') })
  @ApiOperation({ summary: 'The zone’s leases, newest first' })
  @ApiOkResponse({ type: LeaseListResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ZONE_NOT_FOUND' })
  listZoneLeases(@Param('zoneId', ParseIdPipe) zoneId: string): Promise<LeaseListResponseDto> {
    return this.service.listZoneLeases(zoneId);
  }

  @Get('leases/:id')
  @Allow(FIRM_AND_WORKERS)
  @ApiOperation({ summary: 'One lease (the firm’s own, or of the staff member’s zone)' })
  @ApiOkResponse({ type: LeaseResponseDto })
  getLease(
    @Param('id', ParseIdPipe) id: string,
    @SignedInActor() actor: Actor,
  ): Promise<LeaseResponseDto> {
    return this.service.getLease(id, actor);
  }

  @Get('leases/:id/events')
  @Allow(FIRM_AND_WORKERS)
  @ApiOperation({ summary: 'The lease’s timeline, oldest first' })
  @ApiOkResponse({ type: LeasingEventListResponseDto })
  listLeaseEvents(
    @Param('id', ParseIdPipe) id: string,
    @SignedInActor() actor: Actor,
  ): Promise<LeasingEventListResponseDto> {
    return this.service.leaseEvents(id, actor);
  }

  @Post('leases/:id/sign')
  @Allow(ZONE_WORKERS)
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the signature of a draft lease' })
  @ApiOkResponse({ type: LeaseResponseDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: `${DATE_BAD_REQUEST}, IDEMPOTENCY_KEY_INVALID`,
  })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN' })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: `${TRANSITION_CONFLICT}, IDEMPOTENCY_KEY_IN_PROGRESS`,
  })
  signLease(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: SignLeaseDto,
    @SignedInActor() actor: Actor,
  ): Promise<LeaseResponseDto> {
    return this.service.sign(id, dto, actor);
  }

  @Post('leases/:id/move-in')
  @Allow(ZONE_WORKERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the move-in of a signed lease (the unit becomes leased)' })
  @ApiOkResponse({ type: LeaseResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: TRANSITION_CONFLICT })
  moveInLease(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: MoveInLeaseDto,
    @SignedInActor() actor: Actor,
  ): Promise<LeaseResponseDto> {
    return this.service.moveIn(id, dto, actor);
  }

  @Post('leases/:id/terminate')
  @Allow(ZONE_WORKERS)
  @HttpCode(200)
  @ApiOperation({
    summary: 'End an active lease early: the period is cut at the move-out date, the unit freed',
  })
  @ApiOkResponse({ type: LeaseResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: TRANSITION_CONFLICT })
  terminateLease(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: TerminateLeaseDto,
    @SignedInActor() actor: Actor,
  ): Promise<LeaseResponseDto> {
    return this.service.terminate(id, dto, actor);
  }

  @Post('leases/:id/expire')
  @Allow(ZONE_WORKERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'End an active lease at expiry (period cut at the move-out date)' })
  @ApiOkResponse({ type: LeaseResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: TRANSITION_CONFLICT })
  expireLease(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: ExpireLeaseDto,
    @SignedInActor() actor: Actor,
  ): Promise<LeaseResponseDto> {
    return this.service.expire(id, dto, actor);
  }

  @Post('leases/:id/cancel')
  @Allow(ZONE_WORKERS)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Cancel a draft or signed lease (unit occupancy recomputed, waiting applications reopened)',
  })
  @ApiOkResponse({ type: LeaseResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: TRANSITION_CONFLICT })
  cancelLease(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: ReasonDto,
    @SignedInActor() actor: Actor,
  ): Promise<LeaseResponseDto> {
    return this.service.cancel(id, dto, actor);
  }
}
