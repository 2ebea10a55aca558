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
import { Allow, Public, ZONE_WORKERS, inBody, inParam } from '../../common/access/policy';
import { ParseIdPipe } from '../../common/pipes/parse-id.pipe';
import { ErrorResponseDto } from '../../openapi/error-response.dto';
import { DeleteQueryDto } from '../shared/dto';
import {
  BuildingPageResponseDto,
  BuildingResponseDto,
  CreateBuildingDto,
  ListBuildingsQueryDto,
  UpdateBuildingDto,
} from './dto/building.dto';
import { BuildingsService } from './buildings.service';

@ApiTags('buildings')
@ApiBadRequestResponse({
  type: ErrorResponseDto,
  description: 'VALIDATION_FAILED, INVALID_ID, INVALID_CURSOR',
})
@Controller('buildings')
export class BuildingsController {
  constructor(private readonly service: BuildingsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'List buildings' })
  @ApiOkResponse({ type: BuildingPageResponseDto })
  listBuildings(@Query() query: ListBuildingsQueryDto): Promise<BuildingPageResponseDto> {
    return this.service.list(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'Get a building' })
  @ApiOkResponse({ type: BuildingResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'BUILDING_NOT_FOUND' })
  getBuilding(@Param('id', ParseIdPipe) id: string): Promise<BuildingResponseDto> {
    return this.service.get(id);
  }

  @Post()
  @Allow(ZONE_WORKERS, { scope: inBody('park', 'parkId') })
  @ApiOperation({ summary: 'Create a building in a park (the park decides the zone)' })
  @ApiCreatedResponse({ type: BuildingResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'PARK_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'BUILDING_CODE_TAKEN' })
  createBuilding(@Body() dto: CreateBuildingDto): Promise<BuildingResponseDto> {
    return this.service.create(dto);
  }

  @Patch(':id')
  @Allow(ZONE_WORKERS, { scope: inParam('building') })
  @ApiOperation({ summary: 'Change a building (optimistic locking on version)' })
  @ApiOkResponse({ type: BuildingResponseDto })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'BUILDING_NOT_FOUND, PARK_NOT_FOUND',
  })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'VERSION_CONFLICT, BUILDING_CODE_TAKEN, BUILDING_FLOORS_IN_USE',
  })
  updateBuilding(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateBuildingDto,
  ): Promise<BuildingResponseDto> {
    return this.service.update(id, dto);
  }

  @Delete(':id')
  @Allow(ZONE_WORKERS, { scope: inParam('building') })
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a building without units' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'BUILDING_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT, BUILDING_IN_USE' })
  deleteBuilding(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: DeleteQueryDto,
  ): Promise<void> {
    return this.service.remove(id, query.version);
  }
}
