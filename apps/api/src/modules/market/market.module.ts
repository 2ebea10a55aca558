import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { SearchModule } from '../search/search.module';
import { MarketController } from './market.controller';
import { MarketService } from './market.service';
import {
  DEFAULT_SAVED_SEARCH_ALERT_OPTIONS,
  SAVED_SEARCH_ALERT_OPTIONS,
  SavedSearchAlertsService,
} from './saved-search-alerts.service';

/** Firm users' favourites and saved searches, and the saved-search alert job. */
@Module({
  imports: [SearchModule, MailModule],
  controllers: [MarketController],
  providers: [
    MarketService,
    SavedSearchAlertsService,
    { provide: SAVED_SEARCH_ALERT_OPTIONS, useValue: DEFAULT_SAVED_SEARCH_ALERT_OPTIONS },
  ],
})
export class MarketModule {}
