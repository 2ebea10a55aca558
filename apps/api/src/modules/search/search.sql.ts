/**
 * The public search's SQL, built by pure functions: the API's repository runs it, and the
 * benchmark's bare Fastify + pg handler runs exactly the same text and values
 * (apps/api/src/bench). Only fragments written here reach SQL; every value is a parameter.
 *
 * The units a visitor may find are `PUBLIC_UNITS` (listed, not deleted, vacant or reserved); the
 * migration 1763971200000-search has a partial index over them for every sort, the keyword
 * tokens, the industries and the location. docs/search.md explains the plans.
 */
import type { AcceptanceStatus, Industry, UnitClass } from '@factoryspace/domain';
import {
  TOTAL_CAP,
  decodeCursor,
  encodeCursor,
  sortValueSql,
  type CursorKey,
  type KeyType,
} from '../../common/pagination';

export const SEARCH_SORTS = [
  'relevance',
  'newest',
  'rent_asc',
  'rent_desc',
  'area_asc',
  'area_desc',
  'longest_idle',
  'distance',
] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const UTILITIES = ['water', 'gas', 'heating', 'sewage', 'fibre'] as const;
export type Utility = (typeof UTILITIES)[number];

const UTILITY_COLUMNS: Record<Utility, string> = {
  water: 'u.has_water',
  gas: 'u.has_gas',
  heating: 'u.has_heating',
  sewage: 'u.has_sewage',
  fibre: 'u.has_fibre',
};

/** Longest keyword accepted (characters, after normalisation). */
export const MAX_KEYWORD_LENGTH = 100;
/** Keyword terms that count towards relevance (the rest still filter). */
const MAX_SCORED_TERMS = 5;
/** Distance sort without `withinKm` looks this far (km); documented in docs/search.md. */
export const DEFAULT_DISTANCE_RADIUS_KM = 200;
/** The map never returns more features than this. */
export const MAX_MAP_FEATURES = 500;
/**
 * Up to this many units in the viewport (or up to MAX_MAP_FEATURES from zoom `POINTS_ZOOM` on),
 * the map shows each unit; above it, grid clusters (where a cell holds one unit, it is still
 * shown as that unit), as a marker-clustering map would.
 */
export const POINTS_BELOW = 40;
export const POINTS_ZOOM = 13;
/** Cluster grid: at most this many columns and rows over the viewport (≤ 25 × 17 cells). */
const GRID_COLUMNS = 24;
const GRID_ROWS = 16;

export interface BBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface SearchFilter {
  q?: string;
  zoneIds?: string[];
  parkIds?: string[];
  minArea?: number;
  maxArea?: number;
  minFloorLoad?: number;
  minFloorHeight?: number;
  minPower?: number;
  utilities?: Utility[];
  unitClasses?: UnitClass[];
  acceptanceStatuses?: AcceptanceStatus[];
  groundFloor?: boolean;
  crane?: boolean;
  maxRentFen?: number;
  moveInReady?: boolean;
  industries?: Industry[];
  near?: { lat: number; lng: number };
  withinKm?: number;
  bbox?: BBox;
  /** Only units that came onto the market after this instant (saved-search alerts). */
  publishedAfter?: Date;
  /** …and no later than this instant. */
  publishedUpTo?: Date;
  /** Leave these units out (similar units: the unit itself). */
  excludeIds?: string[];
}

/** A facet ignores its own dimension (disjunctive facets). */
export type FacetDimension = 'zone' | 'park' | 'class' | 'area';

export interface SqlQuery {
  text: string;
  values: unknown[];
}

/** The public predicate, spelled exactly as the partial indexes' WHERE (see the migration). */
export const PUBLIC_PREDICATE = `u.deleted_at IS NULL AND u.is_listed AND u.occupancy_status IN ('vacant', 'reserved')`;

const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff';
const SEARCHABLE = new RegExp(`[${HAN}A-Za-z0-9]`, 'u');

/**
 * The keyword as searched: NFKC (full-width letters and digits become ASCII), lower case, single
 * spaces. Null when nothing searchable is left (only punctuation): no keyword filter then.
 */
export function normalizeKeyword(q: string | undefined): string | null {
  if (q === undefined) return null;
  const text = q.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (!SEARCHABLE.test(text)) return null;
  return text.slice(0, MAX_KEYWORD_LENGTH);
}

/** Collects parameter values; `add` returns the placeholder. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }
}

const EARTH_RADIUS_KM = 6371.0088;

function distanceExpr(lat: string, lng: string): string {
  return `(${EARTH_RADIUS_KM} * 2 * asin(sqrt(power(sin(radians(u.location[1] - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(u.location[1])) * power(sin(radians(u.location[0] - ${lng}) / 2), 2))))`;
}

/** Widens the box a hair so rounding never drops a point that is exactly at the radius. */
const BOX_MARGIN = 1 + 1e-9;

/**
 * The degree box around a point that holds every point within `km` on the sphere the distance
 * is measured on (clamped to the world): latitude ± the angular radius; longitude ± the widest
 * longitude difference of the circle, asin(sin δ / cos φ), or all longitudes when the circle
 * reaches a pole.
 */
export function boxAround(lat: number, lng: number, km: number): BBox {
  const angular = km / EARTH_RADIUS_KM;
  const dLat = ((angular * 180) / Math.PI) * BOX_MARGIN;
  const south = lat - dLat;
  const north = lat + dLat;
  const ratio = Math.sin(Math.min(angular, Math.PI / 2)) / Math.cos((lat * Math.PI) / 180);
  const dLng =
    north >= 90 || south <= -90 || !(ratio < 1)
      ? 360
      : ((Math.asin(ratio) * 180) / Math.PI) * BOX_MARGIN;
  return {
    west: Math.max(-180, lng - dLng),
    south: Math.max(-90, south),
    east: Math.min(180, lng + dLng),
    north: Math.min(90, north),
  };
}

function boxSql(p: Params, box: BBox): string {
  return `u.location <@ box(point(${p.add(box.west, 'float8')}, ${p.add(box.south, 'float8')}), point(${p.add(box.east, 'float8')}, ${p.add(box.north, 'float8')}))`;
}

interface Built {
  where: string[];
  /** The keyword (normalised) when there is one. */
  keyword: string | null;
  /**
   * Placeholders of the near point, when given; added on first use, so a query that does not
   * use the point (a count without a radius) has no parameter PostgreSQL cannot type.
   */
  near: (() => { lat: string; lng: string }) | null;
}

function buildWhere(
  f: SearchFilter,
  p: Params,
  options: { omit?: FacetDimension; radiusKm?: number } = {},
): Built {
  const where = [PUBLIC_PREDICATE];
  const omit = options.omit;
  const keyword = normalizeKeyword(f.q);
  if (keyword) where.push(`u.search_tokens @> fs_search_tokens(${p.add(keyword, 'text')}, true)`);
  if (f.zoneIds?.length && omit !== 'zone')
    where.push(`u.zone_id = ANY(${p.add(f.zoneIds, 'uuid[]')})`);
  if (f.parkIds?.length && omit !== 'park') {
    const ids = p.add(f.parkIds, 'uuid[]');
    where.push(
      `u.park_id IN (SELECT pk.id FROM parks pk WHERE pk.id = ANY(${ids}) OR pk.parent_park_id = ANY(${ids}))`,
    );
  }
  if (omit !== 'area') {
    if (f.minArea !== undefined) where.push(`u.gross_area >= ${p.add(f.minArea, 'numeric')}`);
    if (f.maxArea !== undefined) where.push(`u.gross_area <= ${p.add(f.maxArea, 'numeric')}`);
  }
  if (f.minFloorLoad !== undefined)
    where.push(`u.floor_load_kn_m2 >= ${p.add(f.minFloorLoad, 'numeric')}`);
  if (f.minFloorHeight !== undefined)
    where.push(`u.floor_height_m >= ${p.add(f.minFloorHeight, 'numeric')}`);
  if (f.minPower !== undefined) where.push(`u.power_capacity_kva >= ${p.add(f.minPower, 'int')}`);
  for (const utility of new Set(f.utilities ?? [])) where.push(UTILITY_COLUMNS[utility]);
  if (f.unitClasses?.length && omit !== 'class')
    where.push(`u.unit_class = ANY(${p.add(f.unitClasses, 'text[]')})`);
  if (f.acceptanceStatuses?.length)
    where.push(`u.acceptance_status = ANY(${p.add(f.acceptanceStatuses, 'text[]')})`);
  if (f.groundFloor) where.push('u.floor_from = 1');
  if (f.crane) where.push('u.crane_capacity_t IS NOT NULL');
  if (f.maxRentFen !== undefined) where.push(`u.list_rent_fen <= ${p.add(f.maxRentFen, 'int')}`);
  if (f.moveInReady) {
    where.push(
      `u.unit_class = 'quality' AND u.acceptance_status = 'accepted' AND u.fire_safety_status = 'passed'`,
    );
  }
  if (f.industries?.length) where.push(`u.suitable_industries && ${p.add(f.industries, 'text[]')}`);
  if (f.bbox) where.push(boxSql(p, f.bbox));
  let near: Built['near'] = null;
  if (f.near) {
    const point = f.near;
    let placeholders: { lat: string; lng: string } | undefined;
    near = () =>
      (placeholders ??= { lat: p.add(point.lat, 'float8'), lng: p.add(point.lng, 'float8') });
    const radius = f.withinKm ?? options.radiusKm;
    if (radius !== undefined) {
      where.push(boxSql(p, boxAround(f.near.lat, f.near.lng, radius)));
      where.push(`${distanceExpr(near().lat, near().lng)} <= ${p.add(radius, 'float8')}`);
    }
  }
  if (f.publishedAfter) where.push(`u.published_at > ${p.add(f.publishedAfter, 'timestamptz')}`);
  if (f.publishedUpTo) where.push(`u.published_at <= ${p.add(f.publishedUpTo, 'timestamptz')}`);
  if (f.excludeIds?.length) where.push(`u.id <> ALL(${p.add(f.excludeIds, 'uuid[]')})`);
  return { where, keyword, near };
}

/** Columns of a result card (PublicUnitCardDto before mapping). */
const CARD_COLUMNS = `u.id, u.code, u.name, u.zone_id AS "zoneId", z.name AS "zoneName",
  u.park_id AS "parkId", p.name AS "parkName",
  u.location[1] AS latitude, u.location[0] AS longitude,
  u.gross_area::float8 AS "grossArea", u.floor_from AS "floorFrom", u.floor_to AS "floorTo",
  u.building_floors AS "buildingFloors", u.floor_height_m::float8 AS "floorHeightM",
  u.floor_load_kn_m2::float8 AS "floorLoadKnM2", u.power_capacity_kva AS "powerCapacityKva",
  u.crane_capacity_t::float8 AS "craneCapacityT", u.has_water AS "hasWater", u.has_gas AS "hasGas",
  u.has_heating AS "hasHeating", u.has_sewage AS "hasSewage", u.has_fibre AS "hasFibre",
  u.unit_class AS "unitClass", u.acceptance_status AS "acceptanceStatus",
  u.fire_safety_status AS "fireSafetyStatus", u.occupancy_status AS "occupancyStatus",
  to_char(u.vacant_since, 'YYYY-MM-DD') AS "vacantSince", u.list_rent_fen AS "listRentFen",
  u.suitable_industries AS "suitableIndustries", u.published_at AS "publishedAt"`;

const CARD_FROM = `units u JOIN parks p ON p.id = u.park_id JOIN zones z ON z.id = u.zone_id`;

export interface CardRow {
  id: string;
  code: string;
  name: string;
  zoneId: string;
  zoneName: string;
  parkId: string;
  parkName: string;
  latitude: number;
  longitude: number;
  grossArea: number;
  floorFrom: number;
  floorTo: number;
  buildingFloors: number;
  floorHeightM: number;
  floorLoadKnM2: number;
  powerCapacityKva: number | null;
  craneCapacityT: number | null;
  hasWater: boolean;
  hasGas: boolean;
  hasHeating: boolean;
  hasSewage: boolean;
  hasFibre: boolean;
  unitClass: UnitClass;
  acceptanceStatus: AcceptanceStatus;
  fireSafetyStatus: string;
  occupancyStatus: string;
  vacantSince: string | null;
  listRentFen: number | null;
  suitableIndustries: string[];
  publishedAt: Date;
  distanceKm?: number | null;
  sortValue?: string | null;
}

interface SortPlan {
  /** SQL of the sorted value (compared in the keyset). */
  expr: string;
  type: Exclude<KeyType, 'uuid'>;
  nullable: boolean;
  descending: boolean;
}

/** The relevance score: the whole keyword or each term in the name, code, park; quality first. */
function relevanceExpr(keyword: string, p: Params): string {
  const terms = [...new Set(keyword.split(' '))].slice(0, MAX_SCORED_TERMS);
  const parts = [`CASE WHEN lower(u.code) = ${p.add(keyword, 'text')} THEN 16 ELSE 0 END`];
  for (const term of terms) {
    const t = p.add(term, 'text');
    parts.push(`CASE WHEN strpos(lower(u.name), ${t}) > 0 THEN 4 ELSE 0 END`);
    parts.push(
      `CASE WHEN strpos(lower(p.name || ' ' || coalesce(p.name_en, '')), ${t}) > 0 THEN 2 ELSE 0 END`,
    );
  }
  parts.push(`CASE WHEN u.unit_class = 'quality' THEN 1 ELSE 0 END`);
  return `(${parts.join(' + ')})`;
}

function sortPlan(sort: SearchSort, built: Built, p: Params): SortPlan {
  switch (sort) {
    case 'relevance':
      if (built.keyword)
        return {
          expr: relevanceExpr(built.keyword, p),
          type: 'integer',
          nullable: false,
          descending: true,
        };
      return sortPlan('newest', built, p);
    case 'newest':
      return { expr: 'u.published_at', type: 'timestamptz', nullable: false, descending: true };
    // Nullable columns sort through a sentinel (an expression index each, migration
    // 1763971400000) so units without a value come last and every page is an index range.
    case 'rent_asc':
      return {
        expr: 'coalesce(u.list_rent_fen, 2147483647)',
        type: 'integer',
        nullable: false,
        descending: false,
      };
    case 'rent_desc':
      return {
        expr: 'coalesce(u.list_rent_fen, -1)',
        type: 'integer',
        nullable: false,
        descending: true,
      };
    case 'area_asc':
      return { expr: 'u.gross_area', type: 'numeric', nullable: false, descending: false };
    case 'area_desc':
      return { expr: 'u.gross_area', type: 'numeric', nullable: false, descending: true };
    case 'longest_idle':
      return {
        expr: `coalesce(u.vacant_since, DATE '9999-12-31')`,
        type: 'date',
        nullable: false,
        descending: false,
      };
    case 'distance':
      if (!built.near) throw new Error('distance sort needs a near point (checked by the service)');
      return {
        expr: `round(${distanceExpr(built.near().lat, built.near().lng)}::numeric, 6)`,
        type: 'numeric',
        nullable: false,
        descending: false,
      };
  }
}

/** `sort` + the cursor's own check: a cursor is only valid for the sort (and keyword) that made it. */
function cursorScope(sort: SearchSort, keyword: string | null): string {
  return sort === 'relevance' && keyword ? `relevance:${keyword}` : sort;
}

/**
 * One page of search results: `limit + 1` rows after the cursor (the extra row says whether
 * there is a next page). Order: the sort value (nulls last in either direction), then id.
 */
export function buildSearchSql(
  filter: SearchFilter,
  sort: SearchSort,
  cursor: string | undefined,
  limit: number,
): SqlQuery {
  const p = new Params();
  const built = buildWhere(filter, p, {
    radiusKm: sort === 'distance' ? DEFAULT_DISTANCE_RADIUS_KM : undefined,
  });
  const plan = sortPlan(sort, built, p);
  const where = [...built.where];
  if (cursor !== undefined) {
    const [value, id] = decodeCursor(cursor, cursorScope(sort, built.keyword), [
      { type: plan.type, nullable: plan.nullable },
      { type: 'uuid' },
    ]);
    where.push(keysetCondition(plan, value, id!, p));
  }
  const dir = plan.descending ? 'DESC' : 'ASC';
  const distance = built.near
    ? `, round(${distanceExpr(built.near().lat, built.near().lng)}::numeric, 3)::float8 AS "distanceKm"`
    : '';
  const text = `SELECT ${CARD_COLUMNS}${distance}, ${sortValueSql(plan)} AS "sortValue"
  FROM ${CARD_FROM}
 WHERE ${where.join('\n   AND ')}
 ORDER BY ${plan.expr} ${dir}${plan.nullable ? ' NULLS LAST' : ''}, u.id ${dir}
 LIMIT ${p.add(limit + 1, 'int')}`;
  return { text, values: p.values };
}

function keysetCondition(plan: SortPlan, value: CursorKey, id: string, p: Params): string {
  const op = plan.descending ? '<' : '>';
  const idParam = p.add(id, 'uuid');
  if (value === null) {
    // Past the last non-null value: only null rows with a later id remain.
    return `(${plan.expr} IS NULL AND u.id ${op} ${idParam})`;
  }
  const v = p.add(value, plan.type);
  const tuple = `(${plan.expr}, u.id) ${op} (${v}, ${idParam})`;
  return plan.nullable ? `(${tuple} OR ${plan.expr} IS NULL)` : tuple;
}

/** The cursor of the page after `rows` (null when this is the last page). */
export function nextCursorOf(
  rows: Pick<CardRow, 'id' | 'sortValue'>[],
  limit: number,
  sort: SearchSort,
  keyword: string | null,
): string | null {
  if (rows.length <= limit) return null;
  const last = rows[limit - 1];
  return encodeCursor(cursorScope(sort, keyword), [last.sortValue ?? null, last.id]);
}

/** Exact count up to the cap: `count` of at most `TOTAL_CAP + 1` matching rows. */
export function buildCountSql(filter: SearchFilter, sort?: SearchSort): SqlQuery {
  const p = new Params();
  const built = buildWhere(filter, p, {
    radiusKm: sort === 'distance' ? DEFAULT_DISTANCE_RADIUS_KM : undefined,
  });
  const text = `SELECT count(*)::int AS n FROM (SELECT 1 FROM units u WHERE ${built.where.join(' AND ')} LIMIT ${p.add(TOTAL_CAP + 1, 'int')}) t`;
  return { text, values: p.values };
}

export const AREA_BANDS = [
  { band: 'lt500', min: 0, max: 500 },
  { band: '500_1000', min: 500, max: 1000 },
  { band: '1000_2000', min: 1000, max: 2000 },
  { band: '2000_5000', min: 2000, max: 5000 },
  { band: '5000_10000', min: 5000, max: 10000 },
  { band: 'gte10000', min: 10000, max: null },
] as const;
export type AreaBand = (typeof AREA_BANDS)[number]['band'];

/** How many facet values (zones, parks) are listed: the largest. */
export const FACET_LIMIT = 50;

/** Facet counts: one query per dimension, each ignoring its own filter. */
export function buildFacetSql(filter: SearchFilter, dimension: FacetDimension): SqlQuery {
  const p = new Params();
  const { where } = buildWhere(filter, p, { omit: dimension });
  const w = where.join(' AND ');
  switch (dimension) {
    case 'zone':
      return {
        text: `SELECT f.id, z.name, f.count FROM (SELECT u.zone_id AS id, count(*)::int AS count FROM units u WHERE ${w} GROUP BY u.zone_id ORDER BY count(*) DESC, u.zone_id LIMIT ${FACET_LIMIT}) f JOIN zones z ON z.id = f.id ORDER BY f.count DESC, f.id`,
        values: p.values,
      };
    case 'park':
      return {
        // A unit counts for its park and for that park's parent, as the parkId filter includes
        // a park's parks-in-park.
        text: `SELECT f.id, pk.name, z.name AS "zoneName", f.count FROM (SELECT x.park AS id, count(*)::int AS count FROM units u JOIN parks up ON up.id = u.park_id CROSS JOIN LATERAL (VALUES (up.id), (up.parent_park_id)) AS x(park) WHERE ${w} AND x.park IS NOT NULL GROUP BY x.park ORDER BY count(*) DESC, x.park LIMIT ${FACET_LIMIT}) f JOIN parks pk ON pk.id = f.id JOIN zones z ON z.id = pk.zone_id ORDER BY f.count DESC, f.id`,
        values: p.values,
      };
    case 'class':
      return {
        text: `SELECT u.unit_class AS value, count(*)::int AS count FROM units u WHERE ${w} GROUP BY u.unit_class`,
        values: p.values,
      };
    case 'area': {
      const cases = AREA_BANDS.map(
        (b) =>
          `WHEN u.gross_area ${b.max === null ? `>= ${b.min}` : `< ${b.max}`} THEN '${b.band}'`,
      ).join(' ');
      return {
        text: `SELECT CASE ${cases} END AS band, count(*)::int AS count FROM units u WHERE ${w} GROUP BY 1`,
        values: p.values,
      };
    }
  }
}

/** The cluster grid for a viewport: a cell size (degrees) and its origin on a global grid. */
export function clusterGrid(bbox: BBox, zoom: number): { cell: number; x0: number; y0: number } {
  const byZoom = 360 / 2 ** zoom / 4;
  const cell = Math.max(
    byZoom,
    (bbox.east - bbox.west) / GRID_COLUMNS,
    (bbox.north - bbox.south) / GRID_ROWS,
  );
  return {
    cell,
    x0: Math.floor(bbox.west / cell) * cell,
    y0: Math.floor(bbox.south / cell) * cell,
  };
}

/** How many units are in the viewport, counting at most `MAX_MAP_FEATURES + 1`. */
export function buildMapCountSql(filter: SearchFilter & { bbox: BBox }): SqlQuery {
  const p = new Params();
  const { where } = buildWhere(filter, p);
  return {
    text: `SELECT count(*)::int AS n FROM (SELECT 1 FROM units u WHERE ${where.join(' AND ')} LIMIT ${MAX_MAP_FEATURES + 1}) t`,
    values: p.values,
  };
}

/** Each unit in the viewport as a point (when there are few). */
export function buildMapPointsSql(filter: SearchFilter & { bbox: BBox }): SqlQuery {
  const p = new Params();
  const { where } = buildWhere(filter, p);
  return {
    text: `SELECT u.id, u.name, u.location[1] AS latitude, u.location[0] AS longitude, u.gross_area::float8 AS "grossArea", u.list_rent_fen AS "listRentFen", u.unit_class AS "unitClass" FROM units u WHERE ${where.join(' AND ')} ORDER BY u.id LIMIT ${MAX_MAP_FEATURES}`,
    values: p.values,
  };
}

/**
 * Grid clusters over the viewport: count, vacant area, centroid and extent per cell; a cell with
 * one unit names it. At most (24 + 1) × (16 + 1) cells.
 */
export function buildMapClustersSql(filter: SearchFilter & { bbox: BBox }, zoom: number): SqlQuery {
  const p = new Params();
  const { where } = buildWhere(filter, p);
  const grid = clusterGrid(filter.bbox, zoom);
  const cell = p.add(grid.cell, 'float8');
  const x0 = p.add(grid.x0, 'float8');
  const y0 = p.add(grid.y0, 'float8');
  return {
    text: `SELECT count(*)::int AS count, sum(u.gross_area)::float8 AS "totalArea",
       avg(u.location[1]) AS latitude, avg(u.location[0]) AS longitude,
       min(u.location[0]) AS west, min(u.location[1]) AS south,
       max(u.location[0]) AS east, max(u.location[1]) AS north,
       CASE WHEN count(*) = 1 THEN min(u.id::text) END AS "unitId"
  FROM units u
 WHERE ${where.join(' AND ')}
 GROUP BY floor((u.location[0] - ${x0}) / ${cell}), floor((u.location[1] - ${y0}) / ${cell})
 LIMIT ${MAX_MAP_FEATURES}`,
    values: p.values,
  };
}

/** Size of a map cell (unit_map_cells, migration 1763971300000-map-cells): 0.01°. */
export const MAP_CELL_DEGREES = 0.01;
/** Precomputed cells are used when a cluster cell spans at least this many of them. */
const MIN_CELLS_PER_CLUSTER = 4;

/**
 * Whether a map request can cluster the precomputed cells: no filter but the viewport, and
 * cluster cells at least 4 map cells wide (so a map cell straddling a cluster edge shifts at most
 * a quarter of a cluster).
 */
export function canUseMapCells(filter: SearchFilter & { bbox: BBox }, zoom: number): boolean {
  const { bbox, ...rest } = filter;
  const filtered = Object.values(rest).some(
    (value) =>
      value !== undefined && !(Array.isArray(value) && value.length === 0) && value !== false,
  );
  return !filtered && clusterGrid(bbox, zoom).cell >= MIN_CELLS_PER_CLUSTER * MAP_CELL_DEGREES;
}

/**
 * Grid clusters from the precomputed map cells (same grid as `buildMapClustersSql`; a map cell
 * belongs to the cluster holding its centre; bounds are the extent of its map cells).
 */
export function buildMapCellClustersSql(bbox: BBox, zoom: number): SqlQuery {
  const p = new Params();
  const grid = clusterGrid(bbox, zoom);
  const perDegree = Math.round(1 / MAP_CELL_DEGREES);
  const cell = p.add(grid.cell, 'float8');
  const x0 = p.add(grid.x0, 'float8');
  const y0 = p.add(grid.y0, 'float8');
  const size = p.add(MAP_CELL_DEGREES, 'float8');
  // Cell edges as cx / 100 (not cx * 0.01): the nearest double to the edge, so a unit exactly on
  // a 0.01° line (stored as that same double) is inside its cluster's bounds.
  const per = p.add(perDegree, 'float8');
  return {
    // A cluster of one map cell holding one unit names that unit (found through the GiST index).
    text: `WITH g AS (
SELECT sum(c.units)::int AS count, sum(c.gross_area)::float8 AS "totalArea",
       sum(c.lat_sum) / sum(c.units) AS latitude, sum(c.lng_sum) / sum(c.units) AS longitude,
       min(c.cx) / ${per} AS west, min(c.cy) / ${per} AS south,
       (max(c.cx) + 1) / ${per} AS east, (max(c.cy) + 1) / ${per} AS north,
       min(c.cx) AS cx, min(c.cy) AS cy
  FROM unit_map_cells c
 WHERE c.units > 0
   AND c.cx BETWEEN ${p.add(Math.floor(bbox.west * perDegree), 'int')} AND ${p.add(Math.floor(bbox.east * perDegree), 'int')}
   AND c.cy BETWEEN ${p.add(Math.floor(bbox.south * perDegree), 'int')} AND ${p.add(Math.floor(bbox.north * perDegree), 'int')}
 GROUP BY floor(((c.cx + 0.5) * ${size} - ${x0}) / ${cell}), floor(((c.cy + 0.5) * ${size} - ${y0}) / ${cell})
 LIMIT ${MAX_MAP_FEATURES})
SELECT g.count, g."totalArea", g.latitude, g.longitude, g.west, g.south, g.east, g.north,
       one.id::text AS "unitId"
  FROM g LEFT JOIN LATERAL (
    SELECT u.id FROM units u
     WHERE g.count = 1 AND ${PUBLIC_PREDICATE}
       AND u.location <@ box(point(g.west, g.south), point(g.east, g.north))
       AND floor(u.location[0] * ${per})::int = g.cx AND floor(u.location[1] * ${per})::int = g.cy
     LIMIT 1) one ON true
 LIMIT ${MAX_MAP_FEATURES}`,
    values: p.values,
  };
}

/** Card facts of the named units (the single-unit cells of a cluster map). */
export function buildUnitsByIdSql(ids: string[]): SqlQuery {
  const p = new Params();
  return {
    text: `SELECT u.id, u.name, u.list_rent_fen AS "listRentFen", u.unit_class AS "unitClass" FROM units u WHERE u.id = ANY(${p.add(ids, 'uuid[]')})`,
    values: p.values,
  };
}

/** Result cards of the named units that are still on the market. */
export function buildCardsByIdSql(ids: string[]): SqlQuery {
  const p = new Params();
  return {
    text: `SELECT ${CARD_COLUMNS} FROM ${CARD_FROM} WHERE ${PUBLIC_PREDICATE} AND u.id = ANY(${p.add(ids, 'uuid[]')})`,
    values: p.values,
  };
}

/**
 * Similar units for a unit page: on the market in the same zone, the same class first, then the
 * closest in area (by ratio), then the nearest.
 */
export function buildSimilarSql(
  unit: {
    id: string;
    zoneId: string;
    unitClass: string;
    grossArea: number;
    latitude: number;
    longitude: number;
  },
  limit: number,
): SqlQuery {
  const p = new Params();
  const area = p.add(unit.grossArea, 'float8');
  return {
    text: `SELECT ${CARD_COLUMNS} FROM ${CARD_FROM}
 WHERE ${PUBLIC_PREDICATE} AND u.zone_id = ${p.add(unit.zoneId, 'uuid')} AND u.id <> ${p.add(unit.id, 'uuid')}
 ORDER BY (u.unit_class <> ${p.add(unit.unitClass, 'text')}), abs(ln(u.gross_area::float8 / ${area})),
          u.location <-> point(${p.add(unit.longitude, 'float8')}, ${p.add(unit.latitude, 'float8')}), u.id
 LIMIT ${p.add(limit, 'int')}`,
    values: p.values,
  };
}

/** Park outlines (GeoJSON is built by the service), optionally in a viewport or a zone. */
export function buildParkBoundariesSql(
  options: { bbox?: BBox; zoneId?: string },
  limit: number,
): SqlQuery {
  const p = new Params();
  const where = ['pk.boundary IS NOT NULL'];
  if (options.zoneId) where.push(`pk.zone_id = ${p.add(options.zoneId, 'uuid')}`);
  if (options.bbox) {
    const b = options.bbox;
    where.push(
      `pk.boundary && polygon(box(point(${p.add(b.west, 'float8')}, ${p.add(b.south, 'float8')}), point(${p.add(b.east, 'float8')}, ${p.add(b.north, 'float8')})))`,
    );
  }
  return {
    text: `SELECT pk.id, pk.name, pk.name_en AS "nameEn", pk.kind, pk.zone_id AS "zoneId", z.name AS "zoneName", pk.boundary::text AS boundary
  FROM parks pk JOIN zones z ON z.id = pk.zone_id
 WHERE ${where.join(' AND ')}
 ORDER BY pk.zone_id, pk.code
 LIMIT ${p.add(limit + 1, 'int')}`,
    values: p.values,
  };
}
