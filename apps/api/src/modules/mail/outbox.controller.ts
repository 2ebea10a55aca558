import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type Actor, SignedInActor } from '../../common/access/actor';
import { Allow, ZONE_ADMINS } from '../../common/access/policy';
import { ErrorResponseDto } from '../../openapi/error-response.dto';
import { ListOutboxQueryDto, OutboxPageResponseDto } from './dto/outbox.dto';
import { OutboxService } from './outbox.service';

@ApiTags('outbox')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, INVALID_CURSOR' })
@ApiUnauthorizedResponse({
  type: ErrorResponseDto,
  description: 'NOT_AUTHENTICATED, SESSION_EXPIRED',
})
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN' })
@Controller('outbox')
export class OutboxController {
  constructor(private readonly service: OutboxService) {}

  @Get()
  @Allow(ZONE_ADMINS)
  @ApiOperation({
    summary: 'List the mail outbox, newest first',
    description:
      "Zone administrators see their zone's mail, the super administrator every message. " +
      '`smtpConfigured` says whether pending mail is being delivered.',
  })
  @ApiOkResponse({ type: OutboxPageResponseDto })
  listOutbox(
    @Query() query: ListOutboxQueryDto,
    @SignedInActor() actor: Actor,
  ): Promise<OutboxPageResponseDto> {
    return this.service.list(query, actor);
  }
}
