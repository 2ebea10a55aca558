import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { UnitsErrors } from '../units/units.errors';
import { SearchService } from '../search/search.service';
import type {
  CreateSavedSearchDto,
  FavouriteListResponseDto,
  SavedSearchDto,
  SavedSearchListResponseDto,
  UpdateSavedSearchDto,
} from './dto/market.dto';
import { MAX_FAVOURITES, MAX_SAVED_SEARCHES, MarketErrors } from './market.errors';
import { parseSavedQuery } from './saved-query';

interface SavedSearchRow {
  id: string;
  name: string;
  query: string;
  alertsEnabled: boolean;
  lastAlertedAt: Date | null;
  createdAt: Date;
}

const SAVED_SEARCH_COLUMNS = `id, name, query, alerts_enabled AS "alertsEnabled",
  last_alerted_at AS "lastAlertedAt", created_at AS "createdAt"`;

function mapSavedSearch(row: SavedSearchRow): SavedSearchDto {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    alertsEnabled: row.alertsEnabled,
    lastAlertedAt: row.lastAlertedAt ? new Date(row.lastAlertedAt).toISOString() : null,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** A firm user's favourites and saved searches; every query is bound to the session's user. */
@Injectable()
export class MarketService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly search: SearchService,
  ) {}

  async favourites(actor: Actor): Promise<FavouriteListResponseDto> {
    const rows: { unitId: string; addedAt: Date }[] = await this.dataSource.query(
      `SELECT unit_id AS "unitId", created_at AS "addedAt" FROM favourites
        WHERE user_id = $1 ORDER BY created_at DESC, unit_id`,
      [actor.userId],
    );
    const cards = await this.search.cards(rows.map((r) => r.unitId));
    return {
      items: rows.map((row) => ({
        unitId: row.unitId,
        addedAt: new Date(row.addedAt).toISOString(),
        unit: cards.get(row.unitId) ?? null,
      })),
    };
  }

  /** Idempotent; only a unit on the market can be added, and at most MAX_FAVOURITES. */
  async addFavourite(actor: Actor, unitId: string): Promise<void> {
    const cards = await this.search.cards([unitId]);
    if (!cards.has(unitId)) throw UnitsErrors.notFound();
    await this.dataSource.transaction(async (manager) => {
      // One writer per user at a time, so the limit holds under concurrent requests.
      await manager.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [actor.userId]);
      const [{ n }]: { n: number }[] = await manager.query(
        'SELECT count(*)::int AS n FROM favourites WHERE user_id = $1',
        [actor.userId],
      );
      const inserted: unknown[] = await manager.query(
        `INSERT INTO favourites (user_id, unit_id)
         SELECT $1, $2 WHERE $3::int < $4::int
         ON CONFLICT DO NOTHING RETURNING unit_id`,
        [actor.userId, unitId, n, MAX_FAVOURITES],
      );
      if (inserted.length === 0 && n >= MAX_FAVOURITES) {
        const [exists]: unknown[] = await manager.query(
          'SELECT 1 FROM favourites WHERE user_id = $1 AND unit_id = $2',
          [actor.userId, unitId],
        );
        if (!exists) throw MarketErrors.favouritesFull();
      }
    });
  }

  async removeFavourite(actor: Actor, unitId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM favourites WHERE user_id = $1 AND unit_id = $2', [
      actor.userId,
      unitId,
    ]);
  }

  async savedSearches(actor: Actor): Promise<SavedSearchListResponseDto> {
    const rows: SavedSearchRow[] = await this.dataSource.query(
      `SELECT ${SAVED_SEARCH_COLUMNS} FROM saved_searches WHERE user_id = $1 ORDER BY created_at DESC, id`,
      [actor.userId],
    );
    return { items: rows.map(mapSavedSearch) };
  }

  async createSavedSearch(actor: Actor, dto: CreateSavedSearchDto): Promise<SavedSearchDto> {
    const { normalized } = parseSavedQuery(dto.query);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [actor.userId]);
      const [{ n }]: { n: number }[] = await manager.query(
        'SELECT count(*)::int AS n FROM saved_searches WHERE user_id = $1',
        [actor.userId],
      );
      if (n >= MAX_SAVED_SEARCHES) throw MarketErrors.savedSearchesFull();
      // Alerts start from now: units already on the market are what the firm just saw.
      const [row]: SavedSearchRow[] = await manager.query(
        `INSERT INTO saved_searches (user_id, name, query, alerts_enabled)
         VALUES ($1, $2, $3, $4) RETURNING ${SAVED_SEARCH_COLUMNS}`,
        [actor.userId, dto.name, normalized, dto.alertsEnabled],
      );
      return mapSavedSearch(row);
    });
  }

  async updateSavedSearch(
    actor: Actor,
    id: string,
    dto: UpdateSavedSearchDto,
  ): Promise<SavedSearchDto> {
    // Turning alerts back on starts from now (no mail about units the firm has long seen).
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [SavedSearchRow[], number] = await this.dataSource.query(
      `UPDATE saved_searches
          SET name = coalesce($3, name),
              checked_until = CASE WHEN $4::boolean AND NOT alerts_enabled THEN now() ELSE checked_until END,
              alerts_enabled = coalesce($4, alerts_enabled),
              updated_at = now()
        WHERE id = $1 AND user_id = $2
        RETURNING ${SAVED_SEARCH_COLUMNS}`,
      [id, actor.userId, dto.name ?? null, dto.alertsEnabled ?? null],
    );
    if (rows.length === 0) throw MarketErrors.savedSearchNotFound();
    return mapSavedSearch(rows[0]);
  }

  async deleteSavedSearch(actor: Actor, id: string): Promise<void> {
    const result: [unknown, number] = await this.dataSource.query(
      'DELETE FROM saved_searches WHERE id = $1 AND user_id = $2',
      [id, actor.userId],
    );
    if (result[1] === 0) throw MarketErrors.savedSearchNotFound();
  }
}
