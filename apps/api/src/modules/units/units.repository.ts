import { Injectable } from '@nestjs/common';
import { insertReturningId, updateAtVersion } from '../shared/versioned-writes';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  PageTotalDto,
  SortField,
  SortSpec,
  applyKeyset,
  countCapped,
  decodeCursor,
  encodeCursor,
} from '../../common/pagination';
import { likeContains } from '../shared/dto';
import type { FieldChange } from '../shared/diff';
import { UnitEntity } from './entities/unit.entity';
import type { HistoryAction, HistorySource } from './entities/unit-history.entity';
import type { UnitHistoryRow, UnitRow } from './units.mapper';

/** Allowed sorts; each has an index ending in id (see the migration). */
export const UNIT_SORT_FIELDS: Record<string, SortField> = {
  code: { expr: 'u.code', type: 'text' },
  grossArea: { expr: 'u.gross_area', type: 'numeric' },
  vacantSince: { expr: 'u.vacant_since', type: 'date', nullable: true },
  listRentFen: { expr: 'u.list_rent_fen', type: 'integer', nullable: true },
  updatedAt: { expr: 'u.updated_at', type: 'timestamptz' },
};

const UNIT_COLUMNS: [string, string][] = [
  ['u.id', 'id'],
  ['u.zone_id', 'zoneId'],
  ['u.park_id', 'parkId'],
  ['u.building_id', 'buildingId'],
  ['p.name', 'parkName'],
  ['b.name', 'buildingName'],
  ['u.building_floors', 'buildingFloors'],
  ['u.code', 'code'],
  ['u.name', 'name'],
  ['u.address', 'address'],
  ['u.location', 'location'],
  ['u.footprint', 'footprint'],
  ['u.gross_area', 'grossArea'],
  ['u.usable_area', 'usableArea'],
  ['u.floor_from', 'floorFrom'],
  ['u.floor_to', 'floorTo'],
  ['u.structure_type', 'structureType'],
  ['u.floor_height_m', 'floorHeightM'],
  ['u.floor_load_kn_m2', 'floorLoadKnM2'],
  ['u.crane_capacity_t', 'craneCapacityT'],
  ['u.power_capacity_kva', 'powerCapacityKva'],
  ['u.has_water', 'hasWater'],
  ['u.has_gas', 'hasGas'],
  ['u.has_heating', 'hasHeating'],
  ['u.has_sewage', 'hasSewage'],
  ['u.has_fibre', 'hasFibre'],
  ['u.utilities_note', 'utilitiesNote'],
  ['u.fire_safety_status', 'fireSafetyStatus'],
  ['u.environmental_status', 'environmentalStatus'],
  ['u.acceptance_status', 'acceptanceStatus'],
  ['u.completion_year', 'completionYear'],
  ['u.unit_class', 'unitClass'],
  ['u.class_reason', 'classReason'],
  ['u.occupancy_status', 'occupancyStatus'],
  // Formatted in SQL: node-pg would turn a date into a local-midnight Date.
  [`to_char(u.vacant_since, 'YYYY-MM-DD')`, 'vacantSince'],
  ['u.idle_reason_category', 'idleReasonCategory'],
  ['u.idle_reason_text', 'idleReasonText'],
  ['u.list_rent_fen', 'listRentFen'],
  ['u.suitable_industries', 'suitableIndustries'],
  ['u.description', 'description'],
  ['u.contact_name', 'contactName'],
  ['u.contact_phone', 'contactPhone'],
  ['u.is_listed', 'isListed'],
  ['u.version', 'version'],
  ['u.created_at', 'createdAt'],
  ['u.updated_at', 'updatedAt'],
];

export interface UnitFilter {
  zoneIds?: string[];
  parkIds?: string[];
  buildingIds?: string[];
  unitClasses?: string[];
  occupancyStatuses?: string[];
  acceptanceStatuses?: string[];
  q?: string;
  minArea?: number;
  maxArea?: number;
  isListed?: boolean;
}

/** Column values of a unit in entity form (transformers turn them into pg values). */
export type UnitWrite = Partial<
  Omit<UnitEntity, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt'>
>;

export interface HistoryWrite {
  unitId: string;
  zoneId: string;
  version: number;
  action: HistoryAction;
  source: HistorySource;
  changes: FieldChange[];
  /** Who made the change (null for the seed and system jobs). */
  actorId: string | null;
  actorName: string | null;
}

export interface BuildingContext {
  id: string;
  zoneId: string;
  parkId: string;
  floors: number;
}

export const HISTORY_SORT = '-id';

@Injectable()
export class UnitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private select(manager: EntityManager): SelectQueryBuilder<UnitRow> {
    const qb = manager
      .createQueryBuilder()
      .from('units', 'u')
      .innerJoin('parks', 'p', 'p.id = u.park_id')
      .innerJoin('buildings', 'b', 'b.id = u.building_id')
      .where('u.deleted_at IS NULL') as SelectQueryBuilder<UnitRow>;
    UNIT_COLUMNS.forEach(([expr, alias], index) =>
      index === 0 ? qb.select(expr, alias) : qb.addSelect(expr, alias),
    );
    return qb;
  }

  /** A live (not deleted) unit; `lock` takes a row lock on the unit for the transaction. */
  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<UnitRow | null> {
    const qb = this.select(manager).andWhere('u.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write', undefined, ['u']);
    return (await qb.getRawOne<UnitRow>()) ?? null;
  }

  async list(
    filter: UnitFilter,
    sort: SortSpec,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ rows: UnitRow[]; total: PageTotalDto }> {
    const manager = this.dataSource.manager;
    const qb = this.select(manager);
    if (filter.zoneIds?.length)
      qb.andWhere('u.zone_id IN (:...zoneIds)', { zoneIds: filter.zoneIds });
    if (filter.parkIds?.length)
      qb.andWhere('u.park_id IN (:...parkIds)', { parkIds: filter.parkIds });
    if (filter.buildingIds?.length)
      qb.andWhere('u.building_id IN (:...buildingIds)', { buildingIds: filter.buildingIds });
    if (filter.unitClasses?.length)
      qb.andWhere('u.unit_class IN (:...unitClasses)', { unitClasses: filter.unitClasses });
    if (filter.occupancyStatuses?.length) {
      qb.andWhere('u.occupancy_status IN (:...occupancyStatuses)', {
        occupancyStatuses: filter.occupancyStatuses,
      });
    }
    if (filter.acceptanceStatuses?.length) {
      qb.andWhere('u.acceptance_status IN (:...acceptanceStatuses)', {
        acceptanceStatuses: filter.acceptanceStatuses,
      });
    }
    if (filter.q)
      qb.andWhere('(u.code ILIKE :q OR u.name ILIKE :q)', { q: likeContains(filter.q) });
    if (filter.minArea !== undefined)
      qb.andWhere('u.gross_area >= :minArea', { minArea: filter.minArea });
    if (filter.maxArea !== undefined)
      qb.andWhere('u.gross_area <= :maxArea', { maxArea: filter.maxArea });
    if (filter.isListed !== undefined)
      qb.andWhere('u.is_listed = :isListed', { isListed: filter.isListed });
    const total = await countCapped(manager, qb);
    const rows = await applyKeyset(qb.clone(), sort, cursor, limit).getRawMany<UnitRow>();
    return { rows, total };
  }

  /** The building a unit goes into, share-locked so its floors cannot change under the write. */
  async findBuilding(manager: EntityManager, id: string): Promise<BuildingContext | null> {
    const rows: BuildingContext[] = await manager.query(
      'SELECT id, zone_id AS "zoneId", park_id AS "parkId", floors FROM buildings WHERE id = $1 FOR SHARE',
      [id],
    );
    return rows[0] ?? null;
  }

  insert(manager: EntityManager, values: UnitWrite): Promise<string> {
    return insertReturningId(manager, UnitEntity, values);
  }

  /** `UPDATE … WHERE id = $1 AND version = $2`, bumping the version; false when the row moved on. */
  update(manager: EntityManager, id: string, version: number, values: UnitWrite): Promise<boolean> {
    return updateAtVersion(manager, UnitEntity, id, version, values, 'deleted_at IS NULL');
  }

  async softDelete(manager: EntityManager, id: string, version: number): Promise<boolean> {
    const result = await manager.query(
      `UPDATE units SET deleted_at = now(), updated_at = now(), version = version + 1
        WHERE id = $1 AND version = $2 AND deleted_at IS NULL`,
      [id, version],
    );
    return (result as [unknown, number])[1] === 1;
  }

  async addHistory(manager: EntityManager, entry: HistoryWrite): Promise<void> {
    await manager.query(
      `INSERT INTO unit_history (unit_id, zone_id, version, action, source, changes, actor_id, actor_name)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
      [
        entry.unitId,
        entry.zoneId,
        entry.version,
        entry.action,
        entry.source,
        JSON.stringify(entry.changes),
        entry.actorId,
        entry.actorName,
      ],
    );
  }

  /** Whether a unit row exists at all (deleted ones too: their history stays readable). */
  async existsIncludingDeleted(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM units WHERE id = $1', [id]);
    return rows.length > 0;
  }

  async history(
    unitId: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ rows: UnitHistoryRow[]; nextCursor: string | null; total: PageTotalDto }> {
    const manager = this.dataSource.manager;
    const qb = manager
      .createQueryBuilder()
      .from('unit_history', 'h')
      .select('h.id::text', 'id')
      .addSelect('h.unit_id', 'unitId')
      .addSelect('h.version', 'version')
      .addSelect('h.action', 'action')
      .addSelect('h.source', 'source')
      .addSelect('h.actor_name', 'actorName')
      .addSelect('h.changes', 'changes')
      .addSelect('h.created_at', 'createdAt')
      .where('h.unit_id = :unitId', { unitId });
    const total = await countCapped(manager, qb);
    const page = qb
      .clone()
      .orderBy('h.id', 'DESC')
      .limit(limit + 1);
    if (cursor !== undefined) {
      const [lastId] = decodeCursor(cursor, HISTORY_SORT, [{ type: 'bigint' }]);
      page.andWhere('h.id < CAST(:lastId AS bigint)', { lastId });
    }
    const rows = await page.getRawMany<UnitHistoryRow>();
    if (rows.length <= limit) return { rows, nextCursor: null, total };
    const kept = rows.slice(0, limit);
    return {
      rows: kept,
      nextCursor: encodeCursor(HISTORY_SORT, [kept[kept.length - 1].id]),
      total,
    };
  }
}
