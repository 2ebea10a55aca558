import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { InjectConfig, type AppConfig } from '../../config';
import { savedSearchAlertMail } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';
import { SearchService } from '../search/search.service';
import { parseSavedQuery } from './saved-query';

export interface SavedSearchAlertOptions {
  /** How often saved searches are checked for new units (0: never, e.g. in tests). */
  intervalMs: number;
  /** Saved searches handled per transaction. */
  batchSize: number;
  /**
   * How far behind "now" a run looks: a unit whose transaction began before the run but commits
   * during it is not missed (published_at is its transaction's start time).
   */
  lagMs: number;
}

export const SAVED_SEARCH_ALERT_OPTIONS = Symbol('SAVED_SEARCH_ALERT_OPTIONS');
export const DEFAULT_SAVED_SEARCH_ALERT_OPTIONS: SavedSearchAlertOptions = {
  intervalMs: 15 * 60_000,
  batchSize: 50,
  lagMs: 60_000,
};

/** Units listed in one alert mail (the link shows them all). */
const UNITS_PER_MAIL = 5;

interface DueSearch {
  id: string;
  name: string;
  query: string;
  checkedUntil: Date;
  email: string;
  displayName: string;
}

/**
 * Saved-search alerts: for each saved search with alerts on, the units that came onto the
 * market since it was last checked; one mail per search with new units, queued in the outbox in
 * the same transaction that moves the search's `checked_until` on (so a unit is mailed once).
 */
@Injectable()
export class SavedSearchAlertsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SavedSearchAlerts');
  private readonly options: SavedSearchAlertOptions;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly search: SearchService,
    private readonly mail: MailService,
    @Optional() @Inject(SAVED_SEARCH_ALERT_OPTIONS) options?: Partial<SavedSearchAlertOptions>,
  ) {
    this.options = { ...DEFAULT_SAVED_SEARCH_ALERT_OPTIONS, ...options };
  }

  onApplicationBootstrap(): void {
    if (this.options.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.running = this.running
        .then(() => this.runOnce())
        .catch((error: unknown) => this.logger.error(`alert run failed: ${String(error)}`));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running.catch(() => undefined);
  }

  /** One pass over every due saved search; returns how many were checked and mailed. */
  async runOnce(now: Date = new Date()): Promise<{ checked: number; mailed: number }> {
    const upTo = new Date(now.getTime() - this.options.lagMs);
    let checked = 0;
    let mailed = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const due: DueSearch[] = await manager.query(
          `SELECT s.id, s.name, s.query, s.checked_until AS "checkedUntil",
                  u.email, u.display_name AS "displayName"
             FROM saved_searches s JOIN users u ON u.id = s.user_id
            WHERE s.alerts_enabled AND s.checked_until < $1 AND u.status = 'active'
            ORDER BY s.checked_until, s.id
            LIMIT $2
              FOR UPDATE OF s SKIP LOCKED`,
          [upTo, this.options.batchSize],
        );
        let sent = 0;
        for (const s of due) {
          const news = await this.newUnits(s, upTo);
          if (news && news.total > 0) {
            const base = this.config.security.publicBaseUrl;
            await this.mail.enqueue(
              manager,
              savedSearchAlertMail(
                s.email,
                s.displayName,
                s.name,
                news.items.map((unit) => ({
                  name: unit.name,
                  parkName: unit.parkName,
                  grossArea: unit.grossArea,
                  listRentFen: unit.listRentFen,
                  link: `${base}/units/${unit.id}`,
                })),
                news.total,
                `${base}/search?${s.query}`,
              ),
            );
            sent += 1;
          }
          await manager.query(
            `UPDATE saved_searches SET checked_until = $2,
                    last_alerted_at = CASE WHEN $3 THEN now() ELSE last_alerted_at END
              WHERE id = $1`,
            [s.id, upTo, Boolean(news && news.total > 0)],
          );
        }
        return { size: due.length, sent };
      });
      checked += batch.size;
      mailed += batch.sent;
      if (batch.size < this.options.batchSize) break;
    }
    if (mailed > 0) this.logger.log(`saved-search alerts: ${mailed} mails for ${checked} searches`);
    return { checked, mailed };
  }

  /** Null when the stored query is no longer valid (e.g. a value the API has since dropped). */
  private async newUnits(s: DueSearch, upTo: Date) {
    let dto;
    try {
      dto = parseSavedQuery(s.query).dto;
    } catch {
      this.logger.warn(`saved search ${s.id} has a query that no longer validates; skipped`);
      return null;
    }
    return this.search.newSince(dto, new Date(s.checkedUntil), upTo, UNITS_PER_MAIL);
  }
}
