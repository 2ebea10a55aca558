import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
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
import {
  AnswerApplicationDto,
  ApplicationListResponseDto,
  ApplicationPageResponseDto,
  ApplicationResponseDto,
  ApproveApplicationDto,
  CreateApplicationDto,
  ListZoneApplicationsQueryDto,
  ReasonDto,
  UpdateApplicationDto,
  WithdrawApplicationDto,
} from './dto/application.dto';
import { LeasingEventListResponseDto } from './dto/lease.dto';
import { LeasingService } from './leasing.service';

const FIRM_AND_WORKERS = ['firm', ...ZONE_WORKERS] as const;
const TRANSITION_CONFLICT =
  'INVALID_TRANSITION (details.allowedFrom names the states it is allowed from)';
const TRANSITION_NOT_PERMITTED = {
  type: ErrorResponseDto,
  description: 'FORBIDDEN, TRANSITION_NOT_PERMITTED',
};

/**
 * Applications (入驻申请): firms draft, submit, answer and withdraw their own; staff of the
 * unit's zone review, ask for information, reject and approve (which creates the draft lease).
 */
@ApiTags('applications')
@ApiCookieAuth()
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, INVALID_ID' })
@Controller()
export class ApplicationsController {
  constructor(private readonly service: LeasingService) {}

  @Post('applications')
  @Allow(['firm'])
  @Idempotent()
  @ApiOperation({ summary: 'Draft an application for a unit on the market' })
  @ApiCreatedResponse({ type: ApplicationResponseDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description:
      'VALIDATION_FAILED, MOVE_IN_DATE_IN_PAST, INVALID_ALTERNATIVES, QUOTE_MISMATCH, IDEMPOTENCY_KEY_INVALID',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'UNIT_NOT_FOUND, QUOTE_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'IDEMPOTENCY_KEY_IN_PROGRESS' })
  createApplication(
    @Body() dto: CreateApplicationDto,
    @SignedInActor() actor: Actor,
  ): Promise<ApplicationResponseDto> {
    return this.service.createApplication(dto, actor);
  }

  @Get('firms/me/applications')
  @Allow(['firm'])
  @ApiOperation({ summary: 'My firm’s applications, newest first' })
  @ApiOkResponse({ type: ApplicationListResponseDto })
  listMyApplications(@SignedInActor() actor: Actor): Promise<ApplicationListResponseDto> {
    return this.service.listMyApplications(actor);
  }

  @Get('zones/:zoneId/applications')
  @Allow(ZONE_WORKERS, { scope: inParam('zone', 'zoneId') })
  @ApiOperation({
    summary: 'The zone’s queue: oldest submission first, with the days each has been waiting',
  })
  @ApiOkResponse({ type: ApplicationPageResponseDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'VALIDATION_FAILED, INVALID_ID, INVALID_CURSOR',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ZONE_NOT_FOUND' })
  listZoneApplications(
    @Param('zoneId', ParseIdPipe) zoneId: string,
    @Query() query: ListZoneApplicationsQueryDto,
  ): Promise<ApplicationPageResponseDto> {
    return this.service.queue(zoneId, query);
  }

  @Get('applications/:id')
  @Allow(FIRM_AND_WORKERS)
  @ApiOperation({ summary: 'One application (the firm’s own, or of the staff member’s zone)' })
  @ApiOkResponse({ type: ApplicationResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'APPLICATION_NOT_FOUND' })
  getApplication(
    @Param('id', ParseIdPipe) id: string,
    @SignedInActor() actor: Actor,
  ): Promise<ApplicationResponseDto> {
    return this.service.getApplication(id, actor);
  }

  @Get('applications/:id/events')
  @Allow(FIRM_AND_WORKERS)
  @ApiOperation({ summary: 'The application’s timeline, oldest first' })
  @ApiOkResponse({ type: LeasingEventListResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'APPLICATION_NOT_FOUND' })
  listApplicationEvents(
    @Param('id', ParseIdPipe) id: string,
    @SignedInActor() actor: Actor,
  ): Promise<LeasingEventListResponseDto> {
    return this.service.applicationEvents(id, actor);
  }

  @Patch('applications/:id')
  @Allow(['firm'])
  @ApiOperation({ summary: 'Change a draft (optimistic `version`)' })
  @ApiOkResponse({ type: ApplicationResponseDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description:
      'VALIDATION_FAILED, INVALID_ID, MOVE_IN_DATE_IN_PAST, INVALID_ALTERNATIVES, QUOTE_MISMATCH',
  })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'APPLICATION_NOT_FOUND, UNIT_NOT_FOUND, QUOTE_NOT_FOUND',
  })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'VERSION_CONFLICT, APPLICATION_NOT_EDITABLE',
  })
  updateApplication(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateApplicationDto,
    @SignedInActor() actor: Actor,
  ): Promise<ApplicationResponseDto> {
    return this.service.updateApplication(id, dto, actor);
  }

  @Post('applications/:id/submit')
  @Allow(['firm'])
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit a draft' })
  @ApiOkResponse({ type: ApplicationResponseDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'INVALID_ID, MOVE_IN_DATE_IN_PAST, IDEMPOTENCY_KEY_INVALID',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'APPLICATION_NOT_FOUND' })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: `${TRANSITION_CONFLICT}, IDEMPOTENCY_KEY_IN_PROGRESS`,
  })
  submitApplication(
    @Param('id', ParseIdPipe) id: string,
    @SignedInActor() actor: Actor,
  ): Promise<ApplicationResponseDto> {
    return this.service.submit(id, actor);
  }

  @Post('applications/:id/withdraw')
  @Allow(['firm'])
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw an application that is not decided yet' })
  @ApiOkResponse({ type: ApplicationResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'APPLICATION_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: TRANSITION_CONFLICT })
  withdrawApplication(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: WithdrawApplicationDto,
    @SignedInActor() actor: Actor,
  ): Promise<ApplicationResponseDto> {
    return this.service.withdraw(id, dto, actor);
  }

  @Post('applications/:id/answer')
  @Allow(['firm'])
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the information staff asked for (back to review)' })
  @ApiOkResponse({ type: ApplicationResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'APPLICATION_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: TRANSITION_CONFLICT })
  answerApplication(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: AnswerApplicationDto,
    @SignedInActor() actor: Actor,
  ): Promise<ApplicationResponseDto> {
    return this.service.answer(id, dto, actor);
  }

  @Post('applications/:id/start-review')
  @Allow(ZONE_WORKERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a submitted application into review' })
  @ApiOkResponse({ type: ApplicationResponseDto })
  @ApiForbiddenResponse(TRANSITION_NOT_PERMITTED)
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'APPLICATION_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: TRANSITION_CONFLICT })
  startReview(
    @Param('id', ParseIdPipe) id: string,
    @SignedInActor() actor: Actor,
  ): Promise<ApplicationResponseDto> {
    return this.service.startReview(id, actor);
  }

  @Post('applications/:id/request-info')
  @Allow(ZONE_WORKERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the firm for more information' })
  @ApiOkResponse({ type: ApplicationResponseDto })
  @ApiForbiddenResponse(TRANSITION_NOT_PERMITTED)
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'APPLICATION_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: TRANSITION_CONFLICT })
  requestInfo(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: ReasonDto,
    @SignedInActor() actor: Actor,
  ): Promise<ApplicationResponseDto> {
    return this.service.requestInfo(id, dto, actor);
  }

  @Post('applications/:id/reject')
  @Allow(ZONE_WORKERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject an application, with the reason' })
  @ApiOkResponse({ type: ApplicationResponseDto })
  @ApiForbiddenResponse(TRANSITION_NOT_PERMITTED)
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'APPLICATION_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: TRANSITION_CONFLICT })
  rejectApplication(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: ReasonDto,
    @SignedInActor() actor: Actor,
  ): Promise<ApplicationResponseDto> {
    return this.service.reject(id, dto, actor);
  }

  @Post('applications/:id/approve')
  @Allow(ZONE_WORKERS)
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve: creates the draft lease (the accepted quote’s policy version and schedule), reserves the unit and puts overlapping competitors on hold',
  })
  @ApiOkResponse({ type: ApplicationResponseDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'VALIDATION_FAILED, INVALID_ID, IDEMPOTENCY_KEY_INVALID',
  })
  @ApiForbiddenResponse(TRANSITION_NOT_PERMITTED)
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'APPLICATION_NOT_FOUND, RENT_POLICY_NOT_FOUND',
  })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: `${TRANSITION_CONFLICT}, UNIT_NOT_AVAILABLE, UNIT_RENT_NOT_SET, IDEMPOTENCY_KEY_IN_PROGRESS`,
  })
  approveApplication(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: ApproveApplicationDto,
    @SignedInActor() actor: Actor,
  ): Promise<ApplicationResponseDto> {
    return this.service.approve(id, dto, actor);
  }
}
