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
import { Allow, Public, ZONE_WORKERS, inBody, inParam } from '../../common/access/policy';
import { ParseIdPipe } from '../../common/pipes/parse-id.pipe';
import { ErrorResponseDto } from '../../openapi/error-response.dto';
import { DeleteQueryDto } from '../shared/dto';
import {
  CreateParkDto,
  ListParksQueryDto,
  ParkPageResponseDto,
  ParkResponseDto,
  UpdateParkDto,
} from './dto/park.dto';
import { ParksService } from './parks.service';

@ApiTags('parks')
@ApiBadRequestResponse({
  type: ErrorResponseDto,
  description: 'VALIDATION_FAILED, INVALID_ID, INVALID_CURSOR',
})
@Controller('parks')
export class ParksController {
  constructor(private readonly service: ParksService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'List parks' })
  @ApiOkResponse({ type: ParkPageResponseDto })
  listParks(@Query() query: ListParksQueryDto): Promise<ParkPageResponseDto> {
    return this.service.list(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'Get a park' })
  @ApiOkResponse({ type: ParkResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'PARK_NOT_FOUND' })
  getPark(@Param('id', ParseIdPipe) id: string): Promise<ParkResponseDto> {
    return this.service.get(id);
  }

  @Post()
  @Allow(ZONE_WORKERS, { scope: inBody('zone', 'zoneId') })
  @ApiOperation({ summary: 'Create a park (zoneId) or a park within a park (parentParkId)' })
  @ApiCreatedResponse({ type: ParkResponseDto })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'ZONE_NOT_FOUND, PARK_NOT_FOUND (parent)',
  })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'PARK_CODE_TAKEN' })
  createPark(@Body() dto: CreateParkDto, @SignedInActor() actor: Actor): Promise<ParkResponseDto> {
    return this.service.create(dto, actor);
  }

  @Patch(':id')
  @Allow(ZONE_WORKERS, { scope: inParam('park') })
  @ApiOperation({ summary: 'Change a park (optimistic locking on version)' })
  @ApiOkResponse({ type: ParkResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'PARK_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT, PARK_CODE_TAKEN' })
  updatePark(
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateParkDto,
  ): Promise<ParkResponseDto> {
    return this.service.update(id, dto);
  }

  @Delete(':id')
  @Allow(ZONE_WORKERS, { scope: inParam('park') })
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a park without buildings or parks within it' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'PARK_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT, PARK_IN_USE' })
  deletePark(@Param('id', ParseIdPipe) id: string, @Query() query: DeleteQueryDto): Promise<void> {
    return this.service.remove(id, query.version);
  }
}
