import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/access/policy';
import { ParseIdPipe } from '../../common/pipes/parse-id.pipe';
import { ErrorResponseDto } from '../../openapi/error-response.dto';
import {
  ListPublicUnitsQueryDto,
  PublicUnitPageResponseDto,
  PublicUnitResponseDto,
} from './dto/public-unit.dto';
import { UnitsService } from './units.service';

/** Listings for visitors and firms: listed, vacant or reserved units, public fields only. */
@ApiTags('public')
@Controller('public/units')
export class PublicUnitsController {
  constructor(private readonly service: UnitsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Listed units open to let (public fields only)' })
  @ApiOkResponse({ type: PublicUnitPageResponseDto })
  listPublicUnits(@Query() query: ListPublicUnitsQueryDto): Promise<PublicUnitPageResponseDto> {
    return this.service.listPublic(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One listed unit (public fields only)' })
  @ApiOkResponse({ type: PublicUnitResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'UNIT_NOT_FOUND' })
  getPublicUnit(@Param('id', ParseIdPipe) id: string): Promise<PublicUnitResponseDto> {
    return this.service.getPublic(id);
  }
}
