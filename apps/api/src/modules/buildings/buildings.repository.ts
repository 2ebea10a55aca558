import { Injectable } from '@nestjs/common';
import { deleteAtVersion, insertReturningId, updateAtVersion } from '../shared/versioned-writes';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LatLng } from '@factoryspace/domain';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  PageTotalDto,
  SortField,
  SortSpec,
  applyKeyset,
  countCapped,
} from '../../common/pagination';
import { likeContains } from '../shared/dto';
import { BuildingEntity } from './entities/building.entity';
import type { BuildingRow } from './buildings.mapper';

export const BUILDING_SORT_FIELDS: Record<string, SortField> = {
  code: { expr: 'b.code', type: 'text' },
  name: { expr: 'b.name', type: 'text' },
};

const BUILDING_COLUMNS: [string, string][] = [
  ['b.id', 'id'],
  ['b.zone_id', 'zoneId'],
  ['b.park_id', 'parkId'],
  ['p.name', 'parkName'],
  ['b.code', 'code'],
  ['b.name', 'name'],
  ['b.floors', 'floors'],
  ['b.address', 'address'],
  ['b.location', 'location'],
  ['b.version', 'version'],
  ['b.created_at', 'createdAt'],
  ['b.updated_at', 'updatedAt'],
];

export interface BuildingFilter {
  zoneId?: string;
  parkId?: string;
  q?: string;
}

export interface BuildingWrite {
  zoneId?: string;
  parkId?: string;
  code?: string;
  name?: string;
  floors?: number;
  address?: string | null;
  location?: LatLng | null;
}

@Injectable()
export class BuildingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private select(manager: EntityManager): SelectQueryBuilder<BuildingRow> {
    const qb = manager
      .createQueryBuilder()
      .from('buildings', 'b')
      .innerJoin('parks', 'p', 'p.id = b.park_id') as SelectQueryBuilder<BuildingRow>;
    BUILDING_COLUMNS.forEach(([expr, alias], index) =>
      index === 0 ? qb.select(expr, alias) : qb.addSelect(expr, alias),
    );
    return qb;
  }

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<BuildingRow | null> {
    const qb = this.select(manager).where('b.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write', undefined, ['b']);
    return (await qb.getRawOne<BuildingRow>()) ?? null;
  }

  async list(
    filter: BuildingFilter,
    sort: SortSpec,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ rows: BuildingRow[]; total: PageTotalDto }> {
    const manager = this.dataSource.manager;
    const filtered = this.select(manager);
    if (filter.zoneId) filtered.andWhere('b.zone_id = :zoneId', { zoneId: filter.zoneId });
    if (filter.parkId) filtered.andWhere('b.park_id = :parkId', { parkId: filter.parkId });
    if (filter.q)
      filtered.andWhere('(b.code ILIKE :q OR b.name ILIKE :q)', { q: likeContains(filter.q) });
    const total = await countCapped(manager, filtered);
    const rows = await applyKeyset(filtered.clone(), sort, cursor, limit).getRawMany<BuildingRow>();
    return { rows, total };
  }

  insert(manager: EntityManager, values: BuildingWrite): Promise<string> {
    return insertReturningId(manager, BuildingEntity, values);
  }

  update(
    manager: EntityManager,
    id: string,
    version: number,
    values: BuildingWrite,
  ): Promise<boolean> {
    return updateAtVersion(manager, BuildingEntity, id, version, values);
  }

  delete(manager: EntityManager, id: string, version: number): Promise<boolean> {
    return deleteAtVersion(manager, 'buildings', id, version);
  }

  /** Any unit row, soft-deleted ones included (they keep their foreign key). */
  async hasUnits(manager: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM units WHERE building_id = $1 LIMIT 1',
      [id],
    );
    return rows.length > 0;
  }

  async highestUnitFloor(manager: EntityManager, id: string): Promise<number | null> {
    const rows: { top: number | null }[] = await manager.query(
      'SELECT max(floor_to) AS top FROM units WHERE building_id = $1',
      [id],
    );
    return rows[0]?.top ?? null;
  }
}
