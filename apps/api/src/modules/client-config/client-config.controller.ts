import { Controller, Get, Module } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/access/policy';
import { InjectConfig, type AppConfig } from '../../config';

export class ClientConfigResponseDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Base-map tile URL template ({z}/{x}/{y}); null: draw maps without tiles',
  })
  mapTileUrl: string | null;

  @ApiProperty({ type: String, nullable: true }) mapTileAttribution: string | null;
}

/**
 * Runtime settings the web app needs (one build serves every deployment). The tile host here is
 * the same one the Content-Security-Policy allows.
 */
@ApiTags('config')
@Controller('client-config')
export class ClientConfigController {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Settings for the web app (map tiles)' })
  @ApiOkResponse({ type: ClientConfigResponseDto })
  getClientConfig(): ClientConfigResponseDto {
    return {
      mapTileUrl: this.config.web.mapTileUrl,
      mapTileAttribution: this.config.web.mapTileAttribution,
    };
  }
}

@Module({ controllers: [ClientConfigController] })
export class ClientConfigModule {}
