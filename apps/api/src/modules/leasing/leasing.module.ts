import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PricingModule } from '../pricing/pricing.module';
import { QuoteEntity } from '../pricing/entities/quote.entity';
import { RentPolicyVersionEntity } from '../pricing/entities/rent-policy-version.entity';
import { ApplicationAlternativeEntity } from './entities/application-alternative.entity';
import { ApplicationEntity } from './entities/application.entity';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { LeaseEntity } from './entities/lease.entity';
import { LeasingEventEntity } from './entities/leasing-event.entity';
import { ApplicationsController } from './applications.controller';
import { LeasesController } from './leases.controller';
import { LeasingRepository } from './leasing.repository';
import { LeasingService } from './leasing.service';

/**
 * Applications and leases (issue #6, docs/leasing.md): the firm's application, staff review and
 * approval into a draft lease, and the lease's life until it ends. Tables of migration
 * 1764316800000; the SQL is raw (LeasingRepository), the entities describe the schema.
 *
 * The leasing entities' foreign keys point at quotes and rent policy versions, whose entities
 * PricingModule does not register (it works in raw SQL); TypeORM needs every referenced entity
 * in the DataSource, so they are registered here too (registering an entity twice is harmless).
 */
@Module({
  imports: [
    PricingModule,
    TypeOrmModule.forFeature([
      ApplicationEntity,
      ApplicationAlternativeEntity,
      LeaseEntity,
      LeasingEventEntity,
      IdempotencyKeyEntity,
      QuoteEntity,
      RentPolicyVersionEntity,
    ]),
  ],
  controllers: [ApplicationsController, LeasesController],
  providers: [LeasingService, LeasingRepository],
  exports: [TypeOrmModule],
})
export class LeasingModule {}
