import { type Actor, assertInZone, scopeZoneFilter } from '../../common/access/actor';
import type { OccupancyStatus } from '@factoryspace/domain';
import { type PublicUnitResponseDto, toPublicUnit } from './dto/public-unit.dto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkDossierRules, openRing, roundTo } from '@factoryspace/domain';
import type { UnitDossierFields } from '@factoryspace/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_PAGE_LIMIT, Page, keysetPage, parseSort } from '../../common/pagination';
import { BuildingsErrors } from '../buildings/buildings.errors';
import { diffFields } from '../shared/diff';
import {
  PG_CHECK_VIOLATION,
  PG_UNIQUE_VIOLATION,
  isConstraintViolation,
  pgError,
  validationFailed,
  versionConflict,
} from '../shared/shared.errors';
import {
  CreateUnitDto,
  ListUnitsQueryDto,
  UNIT_TRACKED_FIELDS,
  UnitPageResponseDto,
  UnitResponseDto,
  UnitWritableFields,
  UpdateUnitDto,
} from './dto/unit.dto';
import { ListUnitHistoryQueryDto, UnitHistoryPageResponseDto } from './dto/unit-history.dto';
import type { HistorySource } from './entities/unit-history.entity';
import {
  creationChanges,
  historyAction,
  mapUnit,
  mapUnitHistory,
  unitWritableFields,
} from './units.mapper';
import {
  BuildingContext,
  UNIT_SORT_FIELDS,
  UnitFilter,
  UnitWrite,
  UnitsRepository,
} from './units.repository';
import { UNIT_CHECK_ISSUES, UnitsErrors } from './units.errors';

/** Numeric columns with 2 decimals: values are rounded as PostgreSQL would store them. */
const TWO_DECIMALS = [
  'grossArea',
  'usableArea',
  'floorHeightM',
  'floorLoadKnM2',
  'craneCapacityT',
] as const;

/** Defaults of the columns a create may leave out (the database has the same defaults). */
const CREATE_DEFAULTS: Partial<UnitDossierFields> = {
  address: null,
  footprint: null,
  usableArea: null,
  craneCapacityT: null,
  powerCapacityKva: null,
  hasWater: false,
  hasGas: false,
  hasHeating: false,
  hasSewage: false,
  hasFibre: false,
  utilitiesNote: null,
  completionYear: null,
  classReason: null,
  vacantSince: null,
  idleReasonCategory: null,
  idleReasonText: null,
  listRentFen: null,
  suitableIndustries: [],
  description: null,
  contactName: null,
  contactPhone: null,
  isListed: true,
};

/** The writable fields present in a DTO, in the form they are stored and compared. */
export function normalizeUnitInput(dto: Partial<UnitWritableFields>): Partial<UnitWritableFields> {
  const fields: Record<string, unknown> = {};
  for (const field of UNIT_TRACKED_FIELDS) {
    if (dto[field] !== undefined) fields[field] = dto[field];
  }
  for (const field of TWO_DECIMALS) {
    const value = fields[field];
    if (typeof value === 'number') fields[field] = roundTo(value, 2);
  }
  if (Array.isArray(fields.footprint))
    fields.footprint = openRing(fields.footprint as [number, number][]);
  return fields as Partial<UnitWritableFields>;
}

/** API fields → entity columns (location is one point column). */
function toWrite(
  fields: Partial<UnitWritableFields>,
  current?: Pick<UnitDossierFields, 'latitude' | 'longitude'>,
): UnitWrite {
  const { latitude, longitude, buildingId, ...rest } = fields;
  const write: UnitWrite = { ...rest };
  if (buildingId !== undefined) write.buildingId = buildingId;
  if (latitude !== undefined || longitude !== undefined) {
    write.location = {
      latitude: latitude ?? current!.latitude,
      longitude: longitude ?? current!.longitude,
    };
  }
  return write;
}

function placement(building: BuildingContext): UnitWrite {
  return {
    buildingId: building.id,
    zoneId: building.zoneId,
    parkId: building.parkId,
    buildingFloors: building.floors,
  };
}

/** Maps database refusals the API knows how to explain; rethrows anything else. */
function translateWriteError(error: unknown, code: string | undefined): never {
  if (isConstraintViolation(error, PG_UNIQUE_VIOLATION, 'units_zone_code_uq'))
    throw UnitsErrors.codeTaken(code ?? '');
  const pg = pgError(error);
  if (pg?.code === PG_CHECK_VIOLATION && pg.constraint && UNIT_CHECK_ISSUES[pg.constraint]) {
    throw validationFailed([UNIT_CHECK_ISSUES[pg.constraint]]);
  }
  throw error;
}

/** Occupancy states a public listing shows. */
const PUBLIC_OCCUPANCY: readonly OccupancyStatus[] = ['vacant', 'reserved'];

function historyActor(actor: Actor): { actorId: string; actorName: string } {
  return { actorId: actor.userId, actorName: actor.displayName };
}

@Injectable()
export class UnitsService {
  /** Where writes come from; imports and seeds use their own sources. */
  private readonly source: HistorySource = 'api';

  constructor(
    private readonly units: UnitsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: ListUnitsQueryDto, actor: Actor): Promise<UnitPageResponseDto> {
    const page = await this.page(query, {
      zoneIds: scopeZoneFilter(actor, query.zoneId),
      occupancyStatuses: query.occupancyStatus,
      isListed: query.isListed,
    });
    return {
      ...page,
      items: page.items.map((row) => mapUnit(row)),
    } satisfies Page<UnitResponseDto>;
  }

  /** One keyset page of unit rows: the query's filters, overridden by `scope`. */
  private async page(
    query: ListUnitsQueryDto,
    scope: Pick<UnitFilter, 'zoneIds' | 'occupancyStatuses' | 'isListed'>,
  ) {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const sort = parseSort(query.sort, UNIT_SORT_FIELDS, 'code', 'u.id');
    const { rows, total } = await this.units.list(
      {
        parkIds: query.parkId,
        buildingIds: query.buildingId,
        unitClasses: query.unitClass,
        acceptanceStatuses: query.acceptanceStatus,
        q: query.q || undefined,
        minArea: query.minArea,
        maxArea: query.maxArea,
        ...scope,
      },
      sort,
      query.cursor,
      limit,
    );
    const page = keysetPage(rows, sort, limit);
    return { items: page.rows, nextCursor: page.nextCursor, total };
  }

  async getPublic(id: string): Promise<PublicUnitResponseDto> {
    const unit = await this.get(id);
    if (!unit.isListed || !PUBLIC_OCCUPANCY.includes(unit.occupancyStatus)) {
      throw UnitsErrors.notFound();
    }
    return toPublicUnit(unit);
  }

  async get(id: string, manager?: EntityManager): Promise<UnitResponseDto> {
    const row = await this.units.findById(id, manager);
    if (!row) throw UnitsErrors.notFound();
    return mapUnit(row);
  }

  async create(dto: CreateUnitDto, actor: Actor): Promise<UnitResponseDto> {
    const input = normalizeUnitInput(dto);
    const fields = { ...CREATE_DEFAULTS, ...input } as UnitWritableFields;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const building = await this.units.findBuilding(manager, fields.buildingId);
        if (!building) throw BuildingsErrors.notFound();
        assertInZone(actor, building.zoneId, BuildingsErrors.notFound);
        const issues = checkDossierRules(fields, { buildingFloors: building.floors });
        if (issues.length) throw validationFailed(issues);
        const id = await this.units.insert(manager, {
          ...toWrite(fields),
          ...placement(building),
          createdBy: actor.userId,
          updatedBy: actor.userId,
        });
        const created = await this.get(id, manager);
        await this.units.addHistory(manager, {
          unitId: id,
          zoneId: created.zoneId,
          version: created.version,
          action: 'create',
          source: this.source,
          changes: creationChanges(created),
          ...historyActor(actor),
        });
        return created;
      });
    } catch (error) {
      translateWriteError(error, dto.code);
    }
  }

  async update(id: string, dto: UpdateUnitDto, actor: Actor): Promise<UnitResponseDto> {
    const { version, ...patch } = dto;
    const input = normalizeUnitInput(patch);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const row = await this.units.findById(id, manager, true);
        if (!row) throw UnitsErrors.notFound();
        if (row.version !== version) throw versionConflict(row.version);
        const current = mapUnit(row);
        const changes = diffFields(unitWritableFields(current), input, UNIT_TRACKED_FIELDS);
        if (changes.length === 0) return current;

        const changed: Partial<UnitWritableFields> = {};
        for (const change of changes) Object.assign(changed, { [change.field]: change.after });
        const merged = { ...unitWritableFields(current), ...changed };
        const building = await this.units.findBuilding(manager, merged.buildingId);
        if (!building) throw BuildingsErrors.notFound();
        // A dossier never moves into a building of a zone the actor does not work in.
        assertInZone(actor, building.zoneId, BuildingsErrors.notFound);
        const issues = checkDossierRules(merged, { buildingFloors: building.floors });
        if (issues.length) throw validationFailed(issues);

        const values = { ...toWrite(changed, current), updatedBy: actor.userId };
        if (changed.buildingId !== undefined) Object.assign(values, placement(building));
        if (!(await this.units.update(manager, id, version, values)))
          throw versionConflict(row.version);
        const updated = await this.get(id, manager);
        await this.units.addHistory(manager, {
          unitId: id,
          zoneId: updated.zoneId,
          version: updated.version,
          action: historyAction(changes),
          source: this.source,
          changes,
          ...historyActor(actor),
        });
        return updated;
      });
    } catch (error) {
      translateWriteError(error, input.code);
    }
  }

  async remove(id: string, version: number, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.units.findById(id, manager, true);
      if (!row) throw UnitsErrors.notFound();
      if (row.version !== version) throw versionConflict(row.version);
      if (!(await this.units.softDelete(manager, id, version))) throw versionConflict(row.version);
      await this.units.addHistory(manager, {
        unitId: id,
        zoneId: row.zoneId,
        version: version + 1,
        action: 'delete',
        source: this.source,
        changes: [],
        ...historyActor(actor),
      });
    });
  }

  async history(id: string, query: ListUnitHistoryQueryDto): Promise<UnitHistoryPageResponseDto> {
    if (!(await this.units.existsIncludingDeleted(id))) throw UnitsErrors.notFound();
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const { rows, nextCursor, total } = await this.units.history(id, query.cursor, limit);
    return { items: rows.map(mapUnitHistory), nextCursor, total };
  }
}
