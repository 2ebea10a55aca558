import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DEFAULT_PAGE_LIMIT, Page, keysetPage, parseSort } from '../../common/pagination';
import { ParksRepository } from '../parks/parks.repository';
import { ParksErrors } from '../parks/parks.errors';
import { diffFields } from '../shared/diff';
import {
  PG_CHECK_VIOLATION,
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
  isConstraintViolation,
  validationFailed,
  versionConflict,
} from '../shared/shared.errors';
import {
  BUILDING_FIELDS,
  BuildingFields,
  BuildingResponseDto,
  CreateBuildingDto,
  ListBuildingsQueryDto,
  UpdateBuildingDto,
} from './dto/building.dto';
import { buildingFields, mapBuilding } from './buildings.mapper';
import { BUILDING_SORT_FIELDS, BuildingWrite, BuildingsRepository } from './buildings.repository';
import { BuildingsErrors } from './buildings.errors';

function toWrite(fields: Partial<BuildingFields>): BuildingWrite {
  const write: BuildingWrite = { ...fields };
  if (fields.location)
    write.location = { latitude: fields.location.latitude, longitude: fields.location.longitude };
  return write;
}

@Injectable()
export class BuildingsService {
  constructor(
    private readonly buildings: BuildingsRepository,
    private readonly parks: ParksRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: ListBuildingsQueryDto): Promise<Page<BuildingResponseDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const sort = parseSort(query.sort, BUILDING_SORT_FIELDS, 'code', 'b.id');
    const filter = { zoneId: query.zoneId, parkId: query.parkId, q: query.q || undefined };
    const { rows, total } = await this.buildings.list(filter, sort, query.cursor, limit);
    const page = keysetPage(rows, sort, limit);
    return { items: page.rows.map(mapBuilding), nextCursor: page.nextCursor, total };
  }

  async get(id: string): Promise<BuildingResponseDto> {
    const row = await this.buildings.findById(id);
    if (!row) throw BuildingsErrors.notFound();
    return mapBuilding(row);
  }

  async create(dto: CreateBuildingDto): Promise<BuildingResponseDto> {
    const fields: Partial<BuildingFields> = {};
    for (const field of BUILDING_FIELDS)
      if (dto[field] !== undefined) Object.assign(fields, { [field]: dto[field] });
    try {
      const id = await this.dataSource.transaction(async (manager) => {
        const park = await this.parks.findById(dto.parkId, manager);
        if (!park) throw ParksErrors.notFound();
        return this.buildings.insert(manager, { ...toWrite(fields), zoneId: park.zoneId });
      });
      return this.get(id);
    } catch (error) {
      if (isConstraintViolation(error, PG_UNIQUE_VIOLATION, 'buildings_zone_code_uq'))
        throw BuildingsErrors.codeTaken(dto.code);
      throw error;
    }
  }

  async update(id: string, dto: UpdateBuildingDto): Promise<BuildingResponseDto> {
    const { version, ...patch } = dto;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const row = await this.buildings.findById(id, manager, true);
        if (!row) throw BuildingsErrors.notFound();
        if (row.version !== version) throw versionConflict(row.version);
        const current = mapBuilding(row);
        const changes = diffFields(
          buildingFields(current),
          patch as Partial<BuildingFields>,
          BUILDING_FIELDS,
        );
        if (changes.length === 0) return current;
        const values: Partial<BuildingFields> = {};
        for (const change of changes) Object.assign(values, { [change.field]: change.after });
        if (values.parkId !== undefined) {
          const park = await this.parks.findById(values.parkId, manager);
          if (!park) throw ParksErrors.notFound();
          // Units keep their zone (codes are unique per zone): a building moves only within its zone.
          if (park.zoneId !== current.zoneId)
            throw validationFailed([{ field: 'parkId', code: 'invalid_choice' }]);
        }
        if (values.floors !== undefined) {
          const top = await this.buildings.highestUnitFloor(manager, id);
          if (top !== null && top > values.floors) throw BuildingsErrors.floorsInUse(top);
        }
        if (!(await this.buildings.update(manager, id, version, toWrite(values))))
          throw versionConflict(row.version);
        return mapBuilding((await this.buildings.findById(id, manager))!);
      });
    } catch (error) {
      if (isConstraintViolation(error, PG_UNIQUE_VIOLATION, 'buildings_zone_code_uq'))
        throw BuildingsErrors.codeTaken(patch.code ?? '');
      if (isConstraintViolation(error, PG_CHECK_VIOLATION, 'units_floors_ck')) {
        throw BuildingsErrors.floorsInUse(
          (await this.buildings.highestUnitFloor(this.dataSource.manager, id)) ?? 0,
        );
      }
      throw error;
    }
  }

  async remove(id: string, version: number): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const row = await this.buildings.findById(id, manager, true);
        if (!row) throw BuildingsErrors.notFound();
        if (row.version !== version) throw versionConflict(row.version);
        if (await this.buildings.hasUnits(manager, id)) throw BuildingsErrors.inUse();
        if (!(await this.buildings.delete(manager, id, version)))
          throw versionConflict(row.version);
      });
    } catch (error) {
      if (isConstraintViolation(error, PG_FOREIGN_KEY_VIOLATION)) throw BuildingsErrors.inUse();
      throw error;
    }
  }
}
