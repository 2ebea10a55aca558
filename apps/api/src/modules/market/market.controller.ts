import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
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
import { type Actor, SignedInActor } from '../../common/access/actor';
import { Allow } from '../../common/access/policy';
import { ParseIdPipe } from '../../common/pipes/parse-id.pipe';
import { ErrorResponseDto } from '../../openapi/error-response.dto';
import {
  CreateSavedSearchDto,
  FavouriteListResponseDto,
  SavedSearchDto,
  SavedSearchListResponseDto,
  UpdateSavedSearchDto,
} from './dto/market.dto';
import { MarketService } from './market.service';

/** The signed-in firm user's favourites and saved searches (each user has their own). */
@ApiTags('firms')
@ApiCookieAuth()
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, INVALID_ID' })
@Controller('firms/me')
export class MarketController {
  constructor(private readonly market: MarketService) {}

  @Get('favourites')
  @Allow(['firm'])
  @ApiOperation({ summary: 'My favourite units, newest first' })
  @ApiOkResponse({ type: FavouriteListResponseDto })
  listMyFavourites(@SignedInActor() actor: Actor): Promise<FavouriteListResponseDto> {
    return this.market.favourites(actor);
  }

  @Put('favourites/:unitId')
  @Allow(['firm'])
  @HttpCode(204)
  @ApiOperation({ summary: 'Add a unit on the market to my favourites (idempotent)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'UNIT_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'FAVOURITES_FULL' })
  addMyFavourite(
    @SignedInActor() actor: Actor,
    @Param('unitId', ParseIdPipe) unitId: string,
  ): Promise<void> {
    return this.market.addFavourite(actor, unitId);
  }

  @Delete('favourites/:unitId')
  @Allow(['firm'])
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a unit from my favourites (idempotent)' })
  @ApiNoContentResponse()
  removeMyFavourite(
    @SignedInActor() actor: Actor,
    @Param('unitId', ParseIdPipe) unitId: string,
  ): Promise<void> {
    return this.market.removeFavourite(actor, unitId);
  }

  @Get('saved-searches')
  @Allow(['firm'])
  @ApiOperation({ summary: 'My saved searches' })
  @ApiOkResponse({ type: SavedSearchListResponseDto })
  listMySavedSearches(@SignedInActor() actor: Actor): Promise<SavedSearchListResponseDto> {
    return this.market.savedSearches(actor);
  }

  @Post('saved-searches')
  @Allow(['firm'])
  @ApiOperation({ summary: 'Save a search (with email alerts for new matching units)' })
  @ApiCreatedResponse({ type: SavedSearchDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'INVALID_SAVED_QUERY' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'SAVED_SEARCHES_FULL' })
  createMySavedSearch(
    @SignedInActor() actor: Actor,
    @Body() dto: CreateSavedSearchDto,
  ): Promise<SavedSearchDto> {
    return this.market.createSavedSearch(actor, dto);
  }

  @Patch('saved-searches/:id')
  @Allow(['firm'])
  @ApiOperation({ summary: 'Rename a saved search or turn its alerts on or off' })
  @ApiOkResponse({ type: SavedSearchDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SAVED_SEARCH_NOT_FOUND' })
  updateMySavedSearch(
    @SignedInActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateSavedSearchDto,
  ): Promise<SavedSearchDto> {
    return this.market.updateSavedSearch(actor, id, dto);
  }

  @Delete('saved-searches/:id')
  @Allow(['firm'])
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a saved search' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SAVED_SEARCH_NOT_FOUND' })
  deleteMySavedSearch(
    @SignedInActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<void> {
    return this.market.deleteSavedSearch(actor, id);
  }
}
