import type { Type } from '@nestjs/common';
import { AccountsModule } from './accounts/accounts.module';
import { AuditModule } from './audit/audit.module';
import { BuildingsModule } from './buildings/buildings.module';
import { ClientConfigModule } from './client-config/client-config.controller';
import { MailModule } from './mail/mail.module';
import { LeasingModule } from './leasing/leasing.module';
import { MarketModule } from './market/market.module';
import { ParksModule } from './parks/parks.module';
import { PricingModule } from './pricing/pricing.module';
import { SearchModule } from './search/search.module';
import { UnitsModule } from './units/units.module';
import { ZonesModule } from './zones/zones.module';

/** Feature modules, registered in AppModule. Add each new module here. */
export const FEATURE_MODULES: Type[] = [
  AccountsModule,
  MailModule,
  AuditModule,
  ZonesModule,
  ParksModule,
  BuildingsModule,
  UnitsModule,
  SearchModule,
  MarketModule,
  PricingModule,
  LeasingModule,
  ClientConfigModule,
];
