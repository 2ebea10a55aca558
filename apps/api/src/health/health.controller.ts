import { Public } from '../common/access/policy';
import { Controller, Get } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppException } from '../common/errors/app-exception';
import { COMMON_ERRORS } from '../common/errors/common-errors';
import { ErrorResponseDto } from '../openapi/error-response.dto';

export class HealthResponseDto {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ enum: ['up'] })
  database: 'up';
}

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthResponseDto })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'DATABASE_DOWN' })
  async getHealth(): Promise<HealthResponseDto> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new AppException(503, 'DATABASE_DOWN', COMMON_ERRORS.DATABASE_DOWN);
    }
    return { status: 'ok', database: 'up' };
  }
}
