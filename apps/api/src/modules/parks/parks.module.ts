import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ZonesModule } from '../zones/zones.module';
import { ParkEntity } from './entities/park.entity';
import { ParksController } from './parks.controller';
import { ParksRepository } from './parks.repository';
import { ParksService } from './parks.service';

@Module({
  imports: [TypeOrmModule.forFeature([ParkEntity]), ZonesModule],
  controllers: [ParksController],
  providers: [ParksService, ParksRepository],
  exports: [ParksRepository],
})
export class ParksModule {}
