import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../../common/access/policy';
import { ParseIdPipe } from '../../common/pipes/parse-id.pipe';
import { ErrorResponseDto } from '../../openapi/error-response.dto';
import {
  ParkBoundariesQueryDto,
  ParkBoundariesResponseDto,
  SearchUnitsQueryDto,
  UnitFacetsResponseDto,
  UnitMapQueryDto,
  UnitMapResponseDto,
  UnitSearchFiltersDto,
  UnitSearchResponseDto,
} from './dto/search.dto';
import { PublicUnitDetailDto } from './dto/unit-detail.dto';
import { SearchService } from './search.service';

const BAD_REQUEST = {
  type: ErrorResponseDto,
  description:
    'VALIDATION_FAILED, INVALID_RANGE, INVALID_BBOX, NEAR_POINT_REQUIRED, INVALID_CURSOR',
};

/** The marketplace: units on the market (listed, vacant or reserved), public fields only. */
@ApiTags('public')
@Controller('public')
export class SearchController {
  constructor(private readonly service: SearchService) {}

  @Get('units')
  @Public()
  @ApiOperation({ summary: 'Search units on the market (filters, keyword, sorts, keyset pages)' })
  @ApiOkResponse({ type: UnitSearchResponseDto })
  @ApiBadRequestResponse(BAD_REQUEST)
  searchUnits(@Query() query: SearchUnitsQueryDto): Promise<UnitSearchResponseDto> {
    return this.service.search(query);
  }

  @Get('units/facets')
  @Public()
  @ApiOperation({ summary: 'Counts per zone, park, class and area band for the current filters' })
  @ApiOkResponse({ type: UnitFacetsResponseDto })
  @ApiBadRequestResponse(BAD_REQUEST)
  getUnitFacets(@Query() query: UnitSearchFiltersDto): Promise<UnitFacetsResponseDto> {
    return this.service.facets(query);
  }

  @Get('units/map')
  @Public()
  @ApiOperation({ summary: 'Units in a map viewport: points, or grid clusters (≤ 500 features)' })
  @ApiOkResponse({ type: UnitMapResponseDto })
  @ApiBadRequestResponse(BAD_REQUEST)
  getUnitMap(@Query() query: UnitMapQueryDto): Promise<UnitMapResponseDto> {
    return this.service.map(query);
  }

  @Get('units/:id')
  @Public()
  @ApiOperation({ summary: 'The unit page: public dossier, park, zone, similar units' })
  @ApiOkResponse({ type: PublicUnitDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'UNIT_NOT_FOUND' })
  getPublicUnit(@Param('id', ParseIdPipe) id: string): Promise<PublicUnitDetailDto> {
    return this.service.detail(id);
  }

  @Get('parks/boundaries')
  @Public()
  @ApiOperation({ summary: 'Park outlines as GeoJSON (at most 500)' })
  @ApiOkResponse({ type: ParkBoundariesResponseDto })
  @ApiBadRequestResponse(BAD_REQUEST)
  getParkBoundaries(@Query() query: ParkBoundariesQueryDto): Promise<ParkBoundariesResponseDto> {
    return this.service.parkBoundaries(query);
  }
}
