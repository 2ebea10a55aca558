import { Injectable } from '@nestjs/common';
import { closeRing, idleDuration, todayInChina, type Industry } from '@factoryspace/domain';
import { cappedTotal } from '../../common/pagination';
import { parsePolygon } from '../shared/columns';
import { UnitsService } from '../units/units.service';
import {
  DEFAULT_SEARCH_LIMIT,
  type ParkBoundariesQueryDto,
  type ParkBoundariesResponseDto,
  type PublicUnitCardDto,
  type SearchUnitsQueryDto,
  type UnitFacetsResponseDto,
  type UnitMapQueryDto,
  type UnitMapResponseDto,
  type UnitSearchFiltersDto,
  type UnitSearchResponseDto,
} from './dto/search.dto';
import type { PublicUnitDetailDto } from './dto/unit-detail.dto';
import { SearchErrors } from './search.errors';
import { SearchRepository } from './search.repository';
import {
  AREA_BANDS,
  MAX_MAP_FEATURES,
  POINTS_BELOW,
  POINTS_ZOOM,
  buildCardsByIdSql,
  buildCountSql,
  buildFacetSql,
  buildMapCellClustersSql,
  buildMapClustersSql,
  canUseMapCells,
  buildMapCountSql,
  buildMapPointsSql,
  buildParkBoundariesSql,
  buildSearchSql,
  buildSimilarSql,
  buildUnitsByIdSql,
  nextCursorOf,
  normalizeKeyword,
  type BBox,
  type CardRow,
  type SearchFilter,
  type SearchSort,
} from './search.sql';

/** Park outlines per request, at most. */
const MAX_PARK_FEATURES = 500;
const SIMILAR_UNITS = 4;

/** Parses `west,south,east,north` (the DTO checked its shape) and checks it is a usable box. */
export function parseBbox(text: string): BBox {
  const [west, south, east, north] = text.split(',').map(Number);
  const inRange = (v: number, limit: number) => Number.isFinite(v) && v >= -limit && v <= limit;
  if (!inRange(west, 180) || !inRange(east, 180) || !inRange(south, 90) || !inRange(north, 90)) {
    throw SearchErrors.invalidBbox('out_of_range', text);
  }
  if (west >= east) throw SearchErrors.invalidBbox('antimeridian', text);
  if (south >= north) throw SearchErrors.invalidBbox('empty', text);
  return { west, south, east, north };
}

/** The query's filters as the SQL builder takes them; refuses ranges that cannot match. */
export function toSearchFilter(query: UnitSearchFiltersDto): SearchFilter {
  if (query.minArea !== undefined && query.maxArea !== undefined && query.minArea > query.maxArea) {
    throw SearchErrors.invalidRange('area', query.minArea, query.maxArea);
  }
  const hasLat = query.nearLat !== undefined;
  if (hasLat !== (query.nearLng !== undefined)) throw SearchErrors.nearPointRequired();
  if (query.withinKm !== undefined && !hasLat) throw SearchErrors.nearPointRequired();
  return {
    q: query.q,
    zoneIds: query.zoneId,
    parkIds: query.parkId,
    minArea: query.minArea,
    maxArea: query.maxArea,
    minFloorLoad: query.minFloorLoad,
    minFloorHeight: query.minFloorHeight,
    minPower: query.minPower,
    utilities: query.utility,
    unitClasses: query.unitClass,
    acceptanceStatuses: query.acceptanceStatus,
    groundFloor: query.groundFloor,
    crane: query.crane,
    maxRentFen: query.maxRentFen,
    moveInReady: query.moveInReady,
    industries: query.industry,
    near: hasLat ? { lat: query.nearLat!, lng: query.nearLng! } : undefined,
    withinKm: query.withinKm,
    bbox: query.bbox === undefined ? undefined : parseBbox(query.bbox),
  };
}

export function toCard(row: CardRow, today = todayInChina()): PublicUnitCardDto {
  const idle = row.vacantSince ? idleDuration(row.vacantSince, today) : null;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    zoneId: row.zoneId,
    zoneName: row.zoneName,
    parkId: row.parkId,
    parkName: row.parkName,
    latitude: row.latitude,
    longitude: row.longitude,
    grossArea: row.grossArea,
    floorFrom: row.floorFrom,
    floorTo: row.floorTo,
    buildingFloors: row.buildingFloors,
    floorHeightM: row.floorHeightM,
    floorLoadKnM2: row.floorLoadKnM2,
    powerCapacityKva: row.powerCapacityKva,
    craneCapacityT: row.craneCapacityT,
    hasWater: row.hasWater,
    hasGas: row.hasGas,
    hasHeating: row.hasHeating,
    hasSewage: row.hasSewage,
    hasFibre: row.hasFibre,
    unitClass: row.unitClass,
    acceptanceStatus: row.acceptanceStatus,
    fireSafetyStatus: row.fireSafetyStatus as PublicUnitCardDto['fireSafetyStatus'],
    occupancyStatus: row.occupancyStatus as PublicUnitCardDto['occupancyStatus'],
    vacantSince: row.vacantSince,
    idleMonths: idle?.months ?? null,
    listRentFen: row.listRentFen,
    suitableIndustries: row.suitableIndustries as Industry[],
    publishedAt: new Date(row.publishedAt).toISOString(),
    distanceKm: row.distanceKm ?? null,
  };
}

@Injectable()
export class SearchService {
  constructor(
    private readonly repository: SearchRepository,
    private readonly units: UnitsService,
  ) {}

  async search(query: SearchUnitsQueryDto): Promise<UnitSearchResponseDto> {
    const filter = toSearchFilter(query);
    const sort: SearchSort = query.sort ?? 'relevance';
    if (sort === 'distance' && !filter.near) throw SearchErrors.nearPointRequired();
    const limit = query.limit ?? DEFAULT_SEARCH_LIMIT;
    const page = buildSearchSql(filter, sort, query.cursor, limit);
    const [rows, count] = await Promise.all([
      this.repository.rows<CardRow>(page),
      this.repository.count(buildCountSql(filter, sort)),
    ]);
    const today = todayInChina();
    return {
      items: rows.slice(0, limit).map((row) => toCard(row, today)),
      nextCursor: nextCursorOf(rows, limit, sort, normalizeKeyword(filter.q)),
      total: cappedTotal(count),
    };
  }

  /** Counts per zone, park, class and area band; each ignores its own filter. */
  async facets(query: UnitSearchFiltersDto): Promise<UnitFacetsResponseDto> {
    const filter = toSearchFilter(query);
    const [count, zones, parks, classes, bands] = await Promise.all([
      this.repository.count(buildCountSql(filter)),
      this.repository.rows<{ id: string; name: string; count: number }>(
        buildFacetSql(filter, 'zone'),
      ),
      this.repository.rows<{ id: string; name: string; zoneName: string; count: number }>(
        buildFacetSql(filter, 'park'),
      ),
      this.repository.rows<{ value: PublicUnitCardDto['unitClass']; count: number }>(
        buildFacetSql(filter, 'class'),
      ),
      this.repository.rows<{ band: string; count: number }>(buildFacetSql(filter, 'area')),
    ]);
    const bandCounts = new Map(bands.map((b) => [b.band, b.count]));
    return {
      total: cappedTotal(count),
      zones,
      parks,
      unitClasses: classes.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      areaBands: AREA_BANDS.map((b) => ({
        band: b.band,
        min: b.min,
        max: b.max,
        count: bandCounts.get(b.band) ?? 0,
      })),
    };
  }

  /** Points when few units are in view (or zoomed far in), grid clusters otherwise. */
  async map(query: UnitMapQueryDto): Promise<UnitMapResponseDto> {
    const filter = { ...toSearchFilter(query), bbox: parseBbox(query.bbox) };
    const inView = await this.repository.count(buildMapCountSql(filter));
    if (inView <= POINTS_BELOW || (query.zoom >= POINTS_ZOOM && inView <= MAX_MAP_FEATURES)) {
      const points = await this.repository.rows<{
        id: string;
        name: string;
        latitude: number;
        longitude: number;
        grossArea: number;
        listRentFen: number | null;
        unitClass: PublicUnitCardDto['unitClass'];
      }>(buildMapPointsSql(filter));
      return {
        clustered: false,
        total: cappedTotal(points.length),
        features: points.map((p) => ({
          kind: 'unit',
          latitude: p.latitude,
          longitude: p.longitude,
          count: 1,
          totalArea: p.grossArea,
          bounds: null,
          unitId: p.id,
          name: p.name,
          listRentFen: p.listRentFen,
          unitClass: p.unitClass,
        })),
      };
    }
    const cells = await this.repository.rows<{
      count: number;
      totalArea: number;
      latitude: number;
      longitude: number;
      west: number;
      south: number;
      east: number;
      north: number;
      unitId: string | null;
    }>(
      canUseMapCells(filter, query.zoom)
        ? buildMapCellClustersSql(filter.bbox, query.zoom)
        : buildMapClustersSql(filter, query.zoom),
    );
    const singles = cells.flatMap((c) => (c.unitId ? [c.unitId] : []));
    const facts = new Map(
      singles.length === 0
        ? []
        : (
            await this.repository.rows<{
              id: string;
              name: string;
              listRentFen: number | null;
              unitClass: PublicUnitCardDto['unitClass'];
            }>(buildUnitsByIdSql(singles))
          ).map((u) => [u.id, u]),
    );
    const total = cells.reduce((sum, c) => sum + c.count, 0);
    return {
      clustered: true,
      total: { value: total, exact: true },
      features: cells.map((c) => {
        const unit = c.unitId ? facts.get(c.unitId) : undefined;
        return {
          kind: unit ? 'unit' : 'cluster',
          latitude: c.latitude,
          longitude: c.longitude,
          count: c.count,
          totalArea: c.totalArea,
          bounds: unit ? null : [c.west, c.south, c.east, c.north],
          unitId: unit?.id ?? null,
          name: unit?.name ?? null,
          listRentFen: unit?.listRentFen ?? null,
          unitClass: unit?.unitClass ?? null,
        };
      }),
    };
  }

  async parkBoundaries(query: ParkBoundariesQueryDto): Promise<ParkBoundariesResponseDto> {
    const rows = await this.repository.rows<{
      id: string;
      name: string;
      nameEn: string | null;
      kind: string;
      zoneId: string;
      zoneName: string;
      boundary: string;
    }>(
      buildParkBoundariesSql(
        { bbox: query.bbox ? parseBbox(query.bbox) : undefined, zoneId: query.zoneId },
        MAX_PARK_FEATURES,
      ),
    );
    return {
      type: 'FeatureCollection',
      truncated: rows.length > MAX_PARK_FEATURES,
      features: rows.slice(0, MAX_PARK_FEATURES).map((row) => ({
        type: 'Feature',
        id: row.id,
        geometry: { type: 'Polygon', coordinates: [closeRing(parsePolygon(row.boundary) ?? [])] },
        properties: {
          id: row.id,
          name: row.name,
          nameEn: row.nameEn,
          kind: row.kind,
          zoneId: row.zoneId,
          zoneName: row.zoneName,
        },
      })),
    };
  }

  /** The unit page: public dossier fields, park and zone, similar units. */
  async detail(id: string): Promise<PublicUnitDetailDto> {
    const unit = await this.units.getPublic(id);
    const [context] = await this.repository.rows<{
      zoneName: string;
      zoneNameEn: string | null;
      platformCompany: string;
      parkId: string;
      parkName: string;
      parkNameEn: string | null;
      parkDescription: string | null;
      publishedAt: Date;
    }>({
      text: `SELECT z.name AS "zoneName", z.name_en AS "zoneNameEn", z.platform_company AS "platformCompany",
                    p.id AS "parkId", p.name AS "parkName", p.name_en AS "parkNameEn", p.description AS "parkDescription",
                    u.published_at AS "publishedAt"
               FROM units u JOIN zones z ON z.id = u.zone_id JOIN parks p ON p.id = u.park_id
              WHERE u.id = $1::uuid`,
      values: [id],
    });
    const similar = await this.repository.rows<CardRow>(
      buildSimilarSql(
        {
          id,
          zoneId: unit.zoneId,
          unitClass: unit.unitClass,
          grossArea: unit.grossArea,
          latitude: unit.latitude,
          longitude: unit.longitude,
        },
        SIMILAR_UNITS,
      ),
    );
    const today = todayInChina();
    return {
      ...unit,
      zoneName: context.zoneName,
      zoneNameEn: context.zoneNameEn,
      platformCompany: context.platformCompany,
      park: {
        id: context.parkId,
        name: context.parkName,
        nameEn: context.parkNameEn,
        description: context.parkDescription,
      },
      publishedAt: new Date(context.publishedAt).toISOString(),
      photos: [],
      similar: similar.map((row) => toCard(row, today)),
    };
  }

  /** Result cards of these units that are still on the market (favourites). */
  async cards(ids: string[]): Promise<Map<string, PublicUnitCardDto>> {
    if (ids.length === 0) return new Map();
    const rows = await this.repository.rows<CardRow>(buildCardsByIdSql(ids));
    const today = todayInChina();
    return new Map(rows.map((row) => [row.id, toCard(row, today)]));
  }

  /**
   * New units for a saved search: on the market after `after` and up to `upTo`, newest first,
   * at most `limit` (and how many there are).
   */
  async newSince(
    query: SearchUnitsQueryDto,
    after: Date,
    upTo: Date,
    limit: number,
  ): Promise<{ items: PublicUnitCardDto[]; total: number }> {
    const filter = { ...toSearchFilter(query), publishedAfter: after, publishedUpTo: upTo };
    const [rows, count] = await Promise.all([
      this.repository.rows<CardRow>(buildSearchSql(filter, 'newest', undefined, limit)),
      this.repository.count(buildCountSql(filter)),
    ]);
    const today = todayInChina();
    return { items: rows.slice(0, limit).map((row) => toCard(row, today)), total: count };
  }
}
