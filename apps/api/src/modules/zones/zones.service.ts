import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DEFAULT_PAGE_LIMIT, Page, keysetPage, parseSort } from '../../common/pagination';
import { diffFields } from '../shared/diff';
import {
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
  isConstraintViolation,
  versionConflict,
} from '../shared/shared.errors';
import {
  CreateZoneDto,
  ListZonesQueryDto,
  UpdateZoneDto,
  ZONE_FIELDS,
  ZoneFields,
  ZoneResponseDto,
} from './dto/zone.dto';
import { ZoneMapResponseDto } from './dto/zone-map.dto';
import { mapZone, mapZoneMap, zoneFields } from './zones.mapper';
import { ZONE_SORT_FIELDS, ZoneWrite, ZonesRepository } from './zones.repository';
import { ZonesErrors } from './zones.errors';

function toWrite(fields: Partial<ZoneFields>): ZoneWrite {
  const write: ZoneWrite = { ...fields };
  if (fields.center)
    write.center = { latitude: fields.center.latitude, longitude: fields.center.longitude };
  return write;
}

@Injectable()
export class ZonesService {
  constructor(
    private readonly zones: ZonesRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: ListZonesQueryDto): Promise<Page<ZoneResponseDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const sort = parseSort(query.sort, ZONE_SORT_FIELDS, 'code', 'z.id');
    const { rows, total } = await this.zones.list(
      { q: query.q || undefined },
      sort,
      query.cursor,
      limit,
    );
    const page = keysetPage(rows, sort, limit);
    return { items: page.rows.map(mapZone), nextCursor: page.nextCursor, total };
  }

  async get(id: string): Promise<ZoneResponseDto> {
    const row = await this.zones.findById(id);
    if (!row) throw ZonesErrors.notFound();
    return mapZone(row);
  }

  async create(dto: CreateZoneDto): Promise<ZoneResponseDto> {
    const fields: Partial<ZoneFields> = {};
    for (const field of ZONE_FIELDS)
      if (dto[field] !== undefined) Object.assign(fields, { [field]: dto[field] });
    try {
      const id = await this.zones.insert(this.dataSource.manager, toWrite(fields));
      return this.get(id);
    } catch (error) {
      if (isConstraintViolation(error, PG_UNIQUE_VIOLATION, 'zones_code_uq'))
        throw ZonesErrors.codeTaken(dto.code);
      throw error;
    }
  }

  async update(id: string, dto: UpdateZoneDto): Promise<ZoneResponseDto> {
    const { version, ...patch } = dto;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const current = await this.zones.findById(id, manager, true);
        if (!current) throw ZonesErrors.notFound();
        if (current.version !== version) throw versionConflict(current.version);
        const changes = diffFields(
          zoneFields(mapZone(current)),
          patch as Partial<ZoneFields>,
          ZONE_FIELDS,
        );
        if (changes.length === 0) return mapZone(current);
        const values: Partial<ZoneFields> = {};
        for (const change of changes) Object.assign(values, { [change.field]: change.after });
        if (!(await this.zones.update(manager, id, version, toWrite(values))))
          throw versionConflict(current.version);
        return mapZone((await this.zones.findById(id, manager))!);
      });
    } catch (error) {
      if (isConstraintViolation(error, PG_UNIQUE_VIOLATION, 'zones_code_uq'))
        throw ZonesErrors.codeTaken(patch.code ?? '');
      throw error;
    }
  }

  async remove(id: string, version: number): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const current = await this.zones.findById(id, manager, true);
        if (!current) throw ZonesErrors.notFound();
        if (current.version !== version) throw versionConflict(current.version);
        if (await this.zones.hasParks(manager, id)) throw ZonesErrors.inUse();
        if (!(await this.zones.delete(manager, id, version)))
          throw versionConflict(current.version);
      });
    } catch (error) {
      if (isConstraintViolation(error, PG_FOREIGN_KEY_VIOLATION)) throw ZonesErrors.inUse();
      throw error;
    }
  }

  async map(id: string): Promise<ZoneMapResponseDto> {
    if (!(await this.zones.exists(id))) throw ZonesErrors.notFound();
    const { parks, units } = await this.zones.mapRows(id);
    return mapZoneMap(parks, units);
  }
}
