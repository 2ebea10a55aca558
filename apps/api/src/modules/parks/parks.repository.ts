import { Injectable } from '@nestjs/common';
import { deleteAtVersion, insertReturningId, updateAtVersion } from '../shared/versioned-writes';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LngLat } from '@factoryspace/domain';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  PageTotalDto,
  SortField,
  SortSpec,
  applyKeyset,
  countCapped,
} from '../../common/pagination';
import { likeContains } from '../shared/dto';
import { ParkEntity } from './entities/park.entity';
import type { ParkRow } from './parks.mapper';

export const PARK_SORT_FIELDS: Record<string, SortField> = {
  code: { expr: 'p.code', type: 'text' },
  name: { expr: 'p.name', type: 'text' },
};

const PARK_COLUMNS: [string, string][] = [
  ['p.id', 'id'],
  ['p.zone_id', 'zoneId'],
  ['p.parent_park_id', 'parentParkId'],
  ['p.code', 'code'],
  ['p.name', 'name'],
  ['p.name_en', 'nameEn'],
  ['p.kind', 'kind'],
  ['p.description', 'description'],
  ['p.boundary', 'boundary'],
  ['p.version', 'version'],
  ['p.created_at', 'createdAt'],
  ['p.updated_at', 'updatedAt'],
];

export interface ParkFilter {
  zoneId?: string;
  kind?: string;
  q?: string;
}

export interface ParkWrite {
  zoneId?: string;
  parentParkId?: string | null;
  code?: string;
  name?: string;
  nameEn?: string | null;
  kind?: ParkEntity['kind'];
  description?: string | null;
  boundary?: LngLat[] | null;
}

@Injectable()
export class ParksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private select(manager: EntityManager): SelectQueryBuilder<ParkRow> {
    const qb = manager.createQueryBuilder().from('parks', 'p') as SelectQueryBuilder<ParkRow>;
    PARK_COLUMNS.forEach(([expr, alias], index) =>
      index === 0 ? qb.select(expr, alias) : qb.addSelect(expr, alias),
    );
    return qb;
  }

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<ParkRow | null> {
    const qb = this.select(manager).where('p.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return (await qb.getRawOne<ParkRow>()) ?? null;
  }

  async list(
    filter: ParkFilter,
    sort: SortSpec,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ rows: ParkRow[]; total: PageTotalDto }> {
    const manager = this.dataSource.manager;
    const filtered = this.select(manager);
    if (filter.zoneId) filtered.andWhere('p.zone_id = :zoneId', { zoneId: filter.zoneId });
    if (filter.kind) filtered.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter.q)
      filtered.andWhere('(p.code ILIKE :q OR p.name ILIKE :q OR p.name_en ILIKE :q)', {
        q: likeContains(filter.q),
      });
    const total = await countCapped(manager, filtered);
    const rows = await applyKeyset(filtered.clone(), sort, cursor, limit).getRawMany<ParkRow>();
    return { rows, total };
  }

  insert(manager: EntityManager, values: ParkWrite): Promise<string> {
    return insertReturningId(manager, ParkEntity, values);
  }

  update(manager: EntityManager, id: string, version: number, values: ParkWrite): Promise<boolean> {
    return updateAtVersion(manager, ParkEntity, id, version, values);
  }

  delete(manager: EntityManager, id: string, version: number): Promise<boolean> {
    return deleteAtVersion(manager, 'parks', id, version);
  }

  async hasChildren(manager: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM buildings WHERE park_id = $1
       UNION ALL SELECT 1 FROM parks WHERE parent_park_id = $1 LIMIT 1`,
      [id],
    );
    return rows.length > 0;
  }

  /** Whether `ancestorId` is `parkId` or one of the parks enclosing it. */
  async isSelfOrAncestor(
    manager: EntityManager,
    ancestorId: string,
    parkId: string,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH RECURSIVE chain(id, parent_park_id, depth) AS (
         SELECT id, parent_park_id, 0 FROM parks WHERE id = $2
         UNION ALL
         SELECT p.id, p.parent_park_id, c.depth + 1 FROM parks p JOIN chain c ON p.id = c.parent_park_id WHERE c.depth < 100
       ) SELECT 1 FROM chain WHERE id = $1 LIMIT 1`,
      [ancestorId, parkId],
    );
    return rows.length > 0;
  }
}
