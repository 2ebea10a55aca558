import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PricingRepository } from './pricing.repository';
import { PricingService } from './pricing.service';
import { QuotesController } from './quotes.controller';
import { RentPoliciesController } from './rent-policies.controller';

/** Rent policies (梯度优惠) per zone, and quotes computed with the domain rent engine. */
@Module({
  imports: [AuditModule],
  controllers: [RentPoliciesController, QuotesController],
  providers: [PricingService, PricingRepository],
  // LeasingModule turns an accepted (or freshly computed) quote into a lease's schedule.
  exports: [PricingService],
})
export class PricingModule {}
