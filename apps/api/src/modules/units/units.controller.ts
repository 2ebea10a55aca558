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
import { type Actor, SignedInActor } from '../../common/access/actor';
import { Allow, ZONE_WORKERS, inBody, inParam } from '../../common/access/policy';
import { ParseIdPipe } from '../../common/pipes/parse-id.pipe';
import { ErrorResponseDto } from '../../openapi/error-response.dto';
import { DeleteQueryDto } from '../shared/dto';
import {
  CreateUnitDto,
  ListUnitsQueryDto,
  UnitPageResponseDto,
  UnitResponseDto,
  UpdateUnitDto,
} from './dto/unit.dto';
import { ListUnitHistoryQueryDto, UnitHistoryPageResponseDto } from './dto/unit-history.dto';
import { UnitsService } from './units.service';

@ApiTags('units')
@ApiBadRequestResponse({
  type: ErrorResponseDto,
  description: 'VALIDATION_FAILED, INVALID_ID, INVALID_CURSOR',
})
@Controller('units')
export class UnitsController {
  constructor(private readonly service: UnitsService) {}

  @Get()
  @Allow(ZONE_WORKERS)
  @ApiOperation({ summary: 'List unit dossiers (filters, allow-listed sorts, keyset pagination)' })
  @ApiOkResponse({ type: UnitPageResponseDto })
  listUnits(
    @Query() query: ListUnitsQueryDto,
    @SignedInActor() actor: Actor,
  ): Promise<UnitPageResponseDto> {
    return this.service.list(query, actor);
  }

  @Get(':id')
  @Allow(ZONE_WORKERS, { scope: inParam('unit') })
  @ApiOperation({ summary: 'Get one dossier (一厂一档)' })
  @ApiOkResponse({ type: UnitResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'UNIT_NOT_FOUND' })
  getUnit(@Param('id', ParseIdPipe) id: string): Promise<UnitResponseDto> {
    return this.service.get(id);
  }

  @Get(':id/history')
  @Allow(ZONE_WORKERS, { scope: inParam('unit') })
  @ApiOperation({
    summary: 'Change history of a dossier, newest first (deleted dossiers included)',
  })
  @ApiOkResponse({ type: UnitHistoryPageResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'UNIT_NOT_FOUND' })
  getUnitHistory(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: ListUnitHistoryQueryDto,
  ): Promise<UnitHistoryPageResponseDto> {
    return this.service.history(id, query);
  }

  @Post()
  @Allow(ZONE_WORKERS, { scope: inBody('building', 'buildingId') })
  @ApiOperation({
    summary: 'Create a dossier in a building (the building decides park, zone and floors)',
  })
  @ApiCreatedResponse({ type: UnitResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'BUILDING_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'UNIT_CODE_TAKEN' })
  createUnit(@Body() dto: CreateUnitDto, @SignedInActor() actor: Actor): Promise<UnitResponseDto> {
    return this.service.create(dto, actor);
  }

  @Patch(':id')
  @Allow(ZONE_WORKERS, { scope: inParam('unit') })
  @ApiOperation({ summary: 'Change a dossier (any subset of fields plus version)' })
  @ApiOkResponse({ type: UnitResponseDto })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'UNIT_NOT_FOUND, BUILDING_NOT_FOUND',
  })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT, UNIT_CODE_TAKEN' })
  updateUnit(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateUnitDto,
    @SignedInActor() actor: Actor,
  ): Promise<UnitResponseDto> {
    return this.service.update(id, dto, actor);
  }

  @Delete(':id')
  @Allow(ZONE_WORKERS, { scope: inParam('unit') })
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw a dossier (soft delete; history kept)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'UNIT_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT' })
  deleteUnit(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: DeleteQueryDto,
    @SignedInActor() actor: Actor,
  ): Promise<void> {
    return this.service.remove(id, query.version, actor);
  }
}
