import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ParksModule } from '../parks/parks.module';
import { BuildingEntity } from './entities/building.entity';
import { BuildingsController } from './buildings.controller';
import { BuildingsRepository } from './buildings.repository';
import { BuildingsService } from './buildings.service';

@Module({
  imports: [TypeOrmModule.forFeature([BuildingEntity]), ParksModule],
  controllers: [BuildingsController],
  providers: [BuildingsService, BuildingsRepository],
  exports: [BuildingsRepository],
})
export class BuildingsModule {}
