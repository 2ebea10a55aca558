import { type Actor, assertInZone } from '../../common/access/actor';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FieldIssue } from '@factoryspace/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_PAGE_LIMIT, Page, keysetPage, parseSort } from '../../common/pagination';
import { diffFields } from '../shared/diff';
import {
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
  isConstraintViolation,
  validationFailed,
  versionConflict,
} from '../shared/shared.errors';
import { ZonesRepository } from '../zones/zones.repository';
import { ZonesErrors } from '../zones/zones.errors';
import {
  CreateParkDto,
  ListParksQueryDto,
  PARK_FIELDS,
  ParkFields,
  ParkResponseDto,
  UpdateParkDto,
} from './dto/park.dto';
import { mapPark, normalizeBoundary, parkFields } from './parks.mapper';
import { PARK_SORT_FIELDS, ParkWrite, ParksRepository } from './parks.repository';
import { ParksErrors } from './parks.errors';

function toWrite(fields: Partial<ParkFields>): ParkWrite {
  const { boundary, ...rest } = fields;
  const write: ParkWrite = { ...rest };
  if (boundary !== undefined) write.boundary = boundary ? boundary.coordinates[0] : null;
  return write;
}

@Injectable()
export class ParksService {
  constructor(
    private readonly parks: ParksRepository,
    private readonly zones: ZonesRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: ListParksQueryDto): Promise<Page<ParkResponseDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const sort = parseSort(query.sort, PARK_SORT_FIELDS, 'code', 'p.id');
    const filter = { zoneId: query.zoneId, kind: query.kind, q: query.q || undefined };
    const { rows, total } = await this.parks.list(filter, sort, query.cursor, limit);
    const page = keysetPage(rows, sort, limit);
    return { items: page.rows.map(mapPark), nextCursor: page.nextCursor, total };
  }

  async get(id: string): Promise<ParkResponseDto> {
    const row = await this.parks.findById(id);
    if (!row) throw ParksErrors.notFound();
    return mapPark(row);
  }

  /**
   * Checks kind against parent and finds the parent (same zone, not the park itself or below it).
   * Returns the parent's zone, or null for a top-level park.
   */
  private async checkParent(
    manager: EntityManager,
    fields: Pick<ParkFields, 'kind' | 'parentParkId'>,
    selfId?: string,
  ): Promise<string | null> {
    if (fields.kind === 'park') {
      if (fields.parentParkId)
        throw validationFailed([{ field: 'parentParkId', code: 'invalid_format' }]);
      return null;
    }
    if (!fields.parentParkId) throw validationFailed([{ field: 'parentParkId', code: 'required' }]);
    const parent = await this.parks.findById(fields.parentParkId, manager);
    if (!parent) throw ParksErrors.notFound();
    if (selfId && (await this.parks.isSelfOrAncestor(manager, selfId, parent.id))) {
      throw validationFailed([{ field: 'parentParkId', code: 'invalid_choice' }]);
    }
    return parent.zoneId;
  }

  async create(dto: CreateParkDto, actor: Actor): Promise<ParkResponseDto> {
    const { zoneId, ...rest } = dto;
    const fields: Partial<ParkFields> = {};
    for (const field of PARK_FIELDS)
      if (rest[field] !== undefined) Object.assign(fields, { [field]: rest[field] });
    fields.kind = fields.kind ?? (fields.parentParkId ? 'park_in_park' : 'park');
    if (fields.boundary) fields.boundary = normalizeBoundary(fields.boundary);
    try {
      const id = await this.dataSource.transaction(async (manager) => {
        const parentZone = await this.checkParent(manager, {
          kind: fields.kind!,
          parentParkId: fields.parentParkId ?? null,
        });
        let zone: string;
        if (parentZone) {
          const issues: FieldIssue[] = [];
          if (zoneId !== undefined) issues.push({ field: 'zoneId', code: 'unknown_field' });
          if (issues.length) throw validationFailed(issues);
          // A park within a park of another zone is refused like a missing parent.
          assertInZone(actor, parentZone, ParksErrors.notFound);
          zone = parentZone;
        } else {
          if (!zoneId) throw validationFailed([{ field: 'zoneId', code: 'required' }]);
          if (!(await this.zones.findById(zoneId, manager))) throw ZonesErrors.notFound();
          zone = zoneId;
        }
        return this.parks.insert(manager, { ...toWrite(fields), zoneId: zone });
      });
      return this.get(id);
    } catch (error) {
      if (isConstraintViolation(error, PG_UNIQUE_VIOLATION, 'parks_zone_code_uq'))
        throw ParksErrors.codeTaken(dto.code);
      throw error;
    }
  }

  async update(id: string, dto: UpdateParkDto): Promise<ParkResponseDto> {
    const { version, ...patch } = dto;
    if (patch.boundary) patch.boundary = normalizeBoundary(patch.boundary);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const row = await this.parks.findById(id, manager, true);
        if (!row) throw ParksErrors.notFound();
        if (row.version !== version) throw versionConflict(row.version);
        const current = mapPark(row);
        const changes = diffFields(parkFields(current), patch as Partial<ParkFields>, PARK_FIELDS);
        if (changes.length === 0) return current;
        const values: Partial<ParkFields> = {};
        for (const change of changes) Object.assign(values, { [change.field]: change.after });
        if ('kind' in values || 'parentParkId' in values) {
          // Moving to a park-in-park of a parent implies the kind, and vice versa.
          const merged = {
            kind: values.kind ?? current.kind,
            parentParkId:
              values.parentParkId !== undefined ? values.parentParkId : current.parentParkId,
          };
          if (values.parentParkId && values.kind === undefined) merged.kind = 'park_in_park';
          if (values.kind === 'park' && values.parentParkId === undefined)
            merged.parentParkId = null;
          const parentZone = await this.checkParent(manager, merged, id);
          if (parentZone && parentZone !== current.zoneId) {
            throw validationFailed([{ field: 'parentParkId', code: 'invalid_choice' }]);
          }
          values.kind = merged.kind;
          values.parentParkId = merged.parentParkId;
        }
        if (!(await this.parks.update(manager, id, version, toWrite(values))))
          throw versionConflict(row.version);
        return mapPark((await this.parks.findById(id, manager))!);
      });
    } catch (error) {
      if (isConstraintViolation(error, PG_UNIQUE_VIOLATION, 'parks_zone_code_uq'))
        throw ParksErrors.codeTaken(patch.code ?? '');
      throw error;
    }
  }

  async remove(id: string, version: number): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const row = await this.parks.findById(id, manager, true);
        if (!row) throw ParksErrors.notFound();
        if (row.version !== version) throw versionConflict(row.version);
        if (await this.parks.hasChildren(manager, id)) throw ParksErrors.inUse();
        if (!(await this.parks.delete(manager, id, version))) throw versionConflict(row.version);
      });
    } catch (error) {
      if (isConstraintViolation(error, PG_FOREIGN_KEY_VIOLATION)) throw ParksErrors.inUse();
      throw error;
    }
  }
}
