import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, type RequestOrigin, Origin, SignedInActor } from '../../common/access/actor';
import { Allow, Public, ZONE_ADMINS, ZONE_WORKERS, inParam } from '../../common/access/policy';
import { ParseIdPipe } from '../../common/pipes/parse-id.pipe';
import { ErrorResponseDto } from '../../openapi/error-response.dto';
import { CreateQuoteDto, QuoteResponseDto } from './dto/quote.dto';
import {
  CreateRentPolicyDto,
  CurrentRentPolicyQueryDto,
  PublicRentPolicyDto,
  PublishRentPolicyDto,
  RentPolicyCoverageDto,
  RentPolicyVersionDto,
  RentPolicyVersionListResponseDto,
  UpdateRentPolicyDto,
} from './dto/rent-policy.dto';
import { PricingService } from './pricing.service';

/**
 * A zone's rent policy versions (梯度优惠): administrators draft, preview and publish; staff
 * read; visitors see the version in effect. Another zone's version answers 404.
 */
@ApiTags('rent-policies')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, INVALID_ID' })
@Controller()
export class RentPoliciesController {
  constructor(private readonly service: PricingService) {}

  @Get('public/rent-policies/current')
  @Public()
  @ApiOperation({ summary: 'The rent policy of a zone in effect on a date (default: today)' })
  @ApiOkResponse({ type: PublicRentPolicyDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'RENT_POLICY_NOT_FOUND' })
  getCurrentRentPolicy(@Query() query: CurrentRentPolicyQueryDto): Promise<PublicRentPolicyDto> {
    return this.service.currentPublic(query.zoneId, query.date);
  }

  @Get('zones/:zoneId/rent-policies')
  @Allow(ZONE_WORKERS, { scope: inParam('zone', 'zoneId') })
  @ApiOperation({ summary: 'Versions of a zone’s rent policy, newest first' })
  @ApiOkResponse({ type: RentPolicyVersionListResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ZONE_NOT_FOUND' })
  listRentPolicies(
    @Param('zoneId', ParseIdPipe) zoneId: string,
  ): Promise<RentPolicyVersionListResponseDto> {
    return this.service.list(zoneId);
  }

  @Post('zones/:zoneId/rent-policies')
  @Allow(ZONE_ADMINS, { scope: inParam('zone', 'zoneId') })
  @ApiOperation({ summary: 'Create a draft version (numbered after the zone’s last one)' })
  @ApiCreatedResponse({ type: RentPolicyVersionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'INVALID_RENT_POLICY' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ZONE_NOT_FOUND' })
  createRentPolicy(
    @Param('zoneId', ParseIdPipe) zoneId: string,
    @Body() dto: CreateRentPolicyDto,
    @SignedInActor() actor: Actor,
  ): Promise<RentPolicyVersionDto> {
    return this.service.create(zoneId, dto, actor);
  }

  @Get('rent-policies/:id')
  @Allow(ZONE_WORKERS)
  @ApiOperation({ summary: 'One policy version with its rules' })
  @ApiOkResponse({ type: RentPolicyVersionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'RENT_POLICY_NOT_FOUND' })
  getRentPolicy(
    @Param('id', ParseIdPipe) id: string,
    @SignedInActor() actor: Actor,
  ): Promise<RentPolicyVersionDto> {
    return this.service.get(id, actor);
  }

  @Patch('rent-policies/:id')
  @Allow(ZONE_ADMINS)
  @ApiOperation({ summary: 'Change a draft (any subset of fields plus version)' })
  @ApiOkResponse({ type: RentPolicyVersionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'INVALID_RENT_POLICY' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'RENT_POLICY_NOT_FOUND' })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'RENT_POLICY_PUBLISHED, VERSION_CONFLICT',
  })
  updateRentPolicy(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateRentPolicyDto,
    @SignedInActor() actor: Actor,
  ): Promise<RentPolicyVersionDto> {
    return this.service.update(id, dto, actor);
  }

  @Delete('rent-policies/:id')
  @Allow(ZONE_ADMINS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft (published versions are kept for ever)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'RENT_POLICY_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'RENT_POLICY_PUBLISHED' })
  deleteRentPolicy(
    @Param('id', ParseIdPipe) id: string,
    @SignedInActor() actor: Actor,
    @Origin() origin: RequestOrigin,
  ): Promise<void> {
    return this.service.remove(id, actor, origin);
  }

  @Post('rent-policies/:id/publish')
  @Allow(ZONE_ADMINS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft: it takes effect on its date and never changes again' })
  @ApiOkResponse({ type: RentPolicyVersionDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'EFFECTIVE_DATE_REQUIRED, EFFECTIVE_DATE_IN_PAST, INVALID_RENT_POLICY',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'RENT_POLICY_NOT_FOUND' })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'RENT_POLICY_PUBLISHED, VERSION_CONFLICT, EFFECTIVE_DATE_TAKEN',
  })
  publishRentPolicy(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: PublishRentPolicyDto,
    @SignedInActor() actor: Actor,
    @Origin() origin: RequestOrigin,
  ): Promise<RentPolicyVersionDto> {
    return this.service.publish(id, dto, actor, origin);
  }

  @Get('rent-policies/:id/coverage')
  @Allow(ZONE_WORKERS)
  @ApiOperation({
    summary: 'Share of the zone’s area (units not deleted) that gets a floor or area tier discount',
  })
  @ApiOkResponse({ type: RentPolicyCoverageDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'RENT_POLICY_NOT_FOUND' })
  getRentPolicyCoverage(
    @Param('id', ParseIdPipe) id: string,
    @SignedInActor() actor: Actor,
  ): Promise<RentPolicyCoverageDto> {
    return this.service.coverage(id, actor);
  }

  @Post('rent-policies/:id/quote')
  @Allow(ZONE_WORKERS)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Quote any unit of the zone with this version (draft or published): editor preview',
  })
  @ApiOkResponse({ type: QuoteResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'TERM_OUT_OF_RANGE' })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'RENT_POLICY_NOT_FOUND, UNIT_NOT_FOUND',
  })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'UNIT_RENT_NOT_SET' })
  previewRentPolicyQuote(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: CreateQuoteDto,
    @SignedInActor() actor: Actor,
  ): Promise<QuoteResponseDto> {
    return this.service.preview(id, dto, actor);
  }
}
