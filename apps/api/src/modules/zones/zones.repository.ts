import { Injectable } from '@nestjs/common';
import { deleteAtVersion, insertReturningId, updateAtVersion } from '../shared/versioned-writes';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  PageTotalDto,
  SortField,
  SortSpec,
  applyKeyset,
  countCapped,
} from '../../common/pagination';
import { likeContains } from '../shared/dto';
import { ZoneEntity } from './entities/zone.entity';
import type { ParkMapRow, UnitMapRow, ZoneRow } from './zones.mapper';

export const ZONE_SORT_FIELDS: Record<string, SortField> = {
  code: { expr: 'z.code', type: 'text' },
  name: { expr: 'z.name', type: 'text' },
};

const ZONE_COLUMNS: [string, string][] = [
  ['z.id', 'id'],
  ['z.code', 'code'],
  ['z.name', 'name'],
  ['z.name_en', 'nameEn'],
  ['z.platform_company', 'platformCompany'],
  ['z.platform_company_en', 'platformCompanyEn'],
  ['z.province', 'province'],
  ['z.city', 'city'],
  ['z.center', 'center'],
  ['z.version', 'version'],
  ['z.created_at', 'createdAt'],
  ['z.updated_at', 'updatedAt'],
];

export interface ZoneFilter {
  q?: string;
}

export type ZoneWrite = Partial<
  Pick<
    ZoneEntity,
    | 'code'
    | 'name'
    | 'nameEn'
    | 'platformCompany'
    | 'platformCompanyEn'
    | 'province'
    | 'city'
    | 'center'
  >
>;

@Injectable()
export class ZonesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private select(manager: EntityManager): SelectQueryBuilder<ZoneRow> {
    const qb = manager.createQueryBuilder().from('zones', 'z') as SelectQueryBuilder<ZoneRow>;
    ZONE_COLUMNS.forEach(([expr, alias], index) =>
      index === 0 ? qb.select(expr, alias) : qb.addSelect(expr, alias),
    );
    return qb;
  }

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<ZoneRow | null> {
    const qb = this.select(manager).where('z.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return (await qb.getRawOne<ZoneRow>()) ?? null;
  }

  async list(
    filter: ZoneFilter,
    sort: SortSpec,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ rows: ZoneRow[]; total: PageTotalDto }> {
    const manager = this.dataSource.manager;
    const filtered = this.select(manager);
    if (filter.q) {
      filtered.andWhere('(z.code ILIKE :q OR z.name ILIKE :q OR z.name_en ILIKE :q)', {
        q: likeContains(filter.q),
      });
    }
    const total = await countCapped(manager, filtered);
    const rows = await applyKeyset(filtered.clone(), sort, cursor, limit).getRawMany<ZoneRow>();
    return { rows, total };
  }

  insert(manager: EntityManager, values: ZoneWrite): Promise<string> {
    return insertReturningId(manager, ZoneEntity, values);
  }

  /** Writes the changes if the row is still at `version`; false when it is not. */
  update(manager: EntityManager, id: string, version: number, values: ZoneWrite): Promise<boolean> {
    return updateAtVersion(manager, ZoneEntity, id, version, values);
  }

  delete(manager: EntityManager, id: string, version: number): Promise<boolean> {
    return deleteAtVersion(manager, 'zones', id, version);
  }

  async hasParks(manager: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM parks WHERE zone_id = $1 LIMIT 1', [
      id,
    ]);
    return rows.length > 0;
  }

  async exists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM zones WHERE id = $1', [id]);
    return rows.length > 0;
  }

  /** The staff map: selected columns only, raw rows. */
  async mapRows(zoneId: string): Promise<{ parks: ParkMapRow[]; units: UnitMapRow[] }> {
    const [parks, units] = await Promise.all([
      this.dataSource.query(
        `SELECT id, code, name, name_en AS "nameEn", kind, boundary
           FROM parks WHERE zone_id = $1 AND boundary IS NOT NULL ORDER BY code, id`,
        [zoneId],
      ) as Promise<ParkMapRow[]>,
      this.dataSource.query(
        `SELECT id, code, name, unit_class AS "unitClass", occupancy_status AS "occupancyStatus",
                gross_area AS "grossArea", park_id AS "parkId", location
           FROM units WHERE zone_id = $1 AND deleted_at IS NULL ORDER BY code, id`,
        [zoneId],
      ) as Promise<UnitMapRow[]>,
    ]);
    return { parks, units };
  }
}
