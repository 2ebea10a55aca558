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
import { AuditLogService } from './audit-log.service';
import { AuditEventPageResponseDto, ListAuditEventsQueryDto } from './dto/audit-event.dto';

@ApiTags('audit')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, INVALID_CURSOR' })
@ApiUnauthorizedResponse({
  type: ErrorResponseDto,
  description: 'NOT_AUTHENTICATED, SESSION_EXPIRED',
})
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN' })
@Controller('audit-events')
export class AuditController {
  constructor(private readonly service: AuditLogService) {}

  @Get()
  @Allow(ZONE_ADMINS)
  @ApiOperation({
    summary: 'List security events, newest first',
    description:
      "Zone administrators see their zone's events, the super administrator every event. " +
      '`from` and `to` are calendar days in China time (UTC+8), both inclusive.',
  })
  @ApiOkResponse({ type: AuditEventPageResponseDto })
  listAuditEvents(
    @Query() query: ListAuditEventsQueryDto,
    @SignedInActor() actor: Actor,
  ): Promise<AuditEventPageResponseDto> {
    return this.service.list(query, actor);
  }
}
