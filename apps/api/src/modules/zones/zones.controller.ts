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
import { AuditService } from '../audit/audit.service';
import { Allow, Public, ZONE_ADMINS, ZONE_WORKERS, inParam } from '../../common/access/policy';
import { ParseIdPipe } from '../../common/pipes/parse-id.pipe';
import { ErrorResponseDto } from '../../openapi/error-response.dto';
import { DeleteQueryDto } from '../shared/dto';
import {
  CreateZoneDto,
  ListZonesQueryDto,
  UpdateZoneDto,
  ZonePageResponseDto,
  ZoneResponseDto,
} from './dto/zone.dto';
import { ZoneMapResponseDto } from './dto/zone-map.dto';
import { ZonesService } from './zones.service';

@ApiTags('zones')
@ApiBadRequestResponse({
  type: ErrorResponseDto,
  description: 'VALIDATION_FAILED, INVALID_ID, INVALID_CURSOR',
})
@Controller('zones')
export class ZonesController {
  constructor(
    private readonly service: ZonesService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'List zones' })
  @ApiOkResponse({ type: ZonePageResponseDto })
  listZones(@Query() query: ListZonesQueryDto): Promise<ZonePageResponseDto> {
    return this.service.list(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'Get a zone' })
  @ApiOkResponse({ type: ZoneResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ZONE_NOT_FOUND' })
  getZone(@Param('id', ParseIdPipe) id: string): Promise<ZoneResponseDto> {
    return this.service.get(id);
  }

  @Get(':id/map')
  @Allow(ZONE_WORKERS, { scope: inParam('zone') })
  @ApiOperation({ summary: 'Park boundaries and unit points of a zone, as GeoJSON' })
  @ApiOkResponse({ type: ZoneMapResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ZONE_NOT_FOUND' })
  getZoneMap(@Param('id', ParseIdPipe) id: string): Promise<ZoneMapResponseDto> {
    return this.service.map(id);
  }

  @Post()
  @Allow(['super_admin'])
  @ApiOperation({ summary: 'Create a zone' })
  @ApiCreatedResponse({ type: ZoneResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'ZONE_CODE_TAKEN' })
  async createZone(
    @Body() dto: CreateZoneDto,
    @SignedInActor() actor: Actor,
    @Origin() origin: RequestOrigin,
  ): Promise<ZoneResponseDto> {
    const zone = await this.service.create(dto);
    await this.audit.record({
      type: 'zone.create',
      outcome: 'success',
      actor,
      zoneId: zone.id,
      origin,
      target: { type: 'zone', id: zone.id, label: zone.name },
    });
    return zone;
  }

  @Patch(':id')
  @Allow(ZONE_ADMINS, { scope: inParam('zone') })
  @ApiOperation({ summary: 'Change a zone (optimistic locking on version)' })
  @ApiOkResponse({ type: ZoneResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ZONE_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT, ZONE_CODE_TAKEN' })
  updateZone(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateZoneDto,
  ): Promise<ZoneResponseDto> {
    return this.service.update(id, dto);
  }

  @Delete(':id')
  @Allow(['super_admin'])
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a zone without parks' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ZONE_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT, ZONE_IN_USE' })
  deleteZone(@Param('id', ParseIdPipe) id: string, @Query() query: DeleteQueryDto): Promise<void> {
    return this.service.remove(id, query.version);
  }
}
