import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
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
import { Allow, Public } from '../../common/access/policy';
import { Idempotent } from '../../common/idempotency';
import { ParseIdPipe } from '../../common/pipes/parse-id.pipe';
import { ErrorResponseDto } from '../../openapi/error-response.dto';
import {
  CreateQuoteDto,
  QuoteResponseDto,
  SavedQuoteDto,
  SavedQuoteListResponseDto,
} from './dto/quote.dto';
import { PricingService } from './pricing.service';

const QUOTE_BAD_REQUEST =
  'VALIDATION_FAILED, INVALID_ID, INVALID_START_DATE, TERM_OUT_OF_RANGE (details {min, max})';

/** Quotes: what a firm would pay each month for a unit on the market, and why. */
@ApiTags('quotes')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: QUOTE_BAD_REQUEST })
@Controller()
export class QuotesController {
  constructor(private readonly service: PricingService) {}

  @Post('quotes')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Quote a unit on the market with the policy in effect on the start date',
  })
  @ApiOkResponse({ type: QuoteResponseDto })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'UNIT_NOT_FOUND, RENT_POLICY_NOT_FOUND',
  })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'UNIT_RENT_NOT_SET' })
  createQuote(@Body() dto: CreateQuoteDto): Promise<QuoteResponseDto> {
    return this.service.quote(dto);
  }

  @Get('firms/me/quotes')
  @Allow(['firm'])
  @ApiCookieAuth()
  @ApiOperation({ summary: 'My firm’s saved quotes, newest first' })
  @ApiOkResponse({ type: SavedQuoteListResponseDto })
  listMyQuotes(@SignedInActor() actor: Actor): Promise<SavedQuoteListResponseDto> {
    return this.service.listQuotes(actor);
  }

  @Post('firms/me/quotes')
  @Allow(['firm'])
  @Idempotent()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Compute and save a quote, locked to the policy version it used' })
  @ApiCreatedResponse({ type: SavedQuoteDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: `${QUOTE_BAD_REQUEST}, IDEMPOTENCY_KEY_INVALID`,
  })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'UNIT_NOT_FOUND, RENT_POLICY_NOT_FOUND',
  })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'UNIT_RENT_NOT_SET, QUOTES_FULL, IDEMPOTENCY_KEY_IN_PROGRESS',
  })
  createMyQuote(
    @Body() dto: CreateQuoteDto,
    @SignedInActor() actor: Actor,
  ): Promise<SavedQuoteDto> {
    return this.service.saveQuote(dto, actor);
  }

  @Get('firms/me/quotes/:id')
  @Allow(['firm'])
  @ApiCookieAuth()
  @ApiOperation({ summary: 'One saved quote exactly as it was saved (never recomputed)' })
  @ApiOkResponse({ type: SavedQuoteDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'QUOTE_NOT_FOUND' })
  getMyQuote(
    @Param('id', ParseIdPipe) id: string,
    @SignedInActor() actor: Actor,
  ): Promise<SavedQuoteDto> {
    return this.service.getQuote(id, actor);
  }

  @Delete('firms/me/quotes/:id')
  @Allow(['firm'])
  @ApiCookieAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a saved quote' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'QUOTE_NOT_FOUND' })
  deleteMyQuote(
    @Param('id', ParseIdPipe) id: string,
    @SignedInActor() actor: Actor,
  ): Promise<void> {
    return this.service.deleteQuote(id, actor);
  }
}
