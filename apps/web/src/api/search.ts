/**
 * The public unit search (GET /public/units with the search filters), its facet counts
 * (GET /public/units/facets), the map of the viewport (GET /public/units/map) and the park
 * boundaries (GET /public/parks/boundaries), through the generated client. The unit page and
 * saved searches are in ./market.ts.
 *
 * Query arrays are sent exploded (`utility=gas&utility=water`), as the API reads them.
 */
import type { Schemas, operations } from '@factoryspace/api-client';
import type { AcceptanceStatus, Industry, UnitClass, Utility } from '@factoryspace/domain';
import { api, unwrap, type Page } from './http';
import type { PublicUnitCard } from './market';

/** A result card (`PublicUnitCardDto`), shared with favourites, compare and the unit page. */
export type { PublicUnitCard } from './market';

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

/** The filters of the search, the facets and the map, spelled as the API spells them. */
export interface UnitSearchFilterQuery {
  q?: string;
  zoneId?: string[];
  parkId?: string[];
  minArea?: number;
  maxArea?: number;
  minFloorLoad?: number;
  minFloorHeight?: number;
  minPower?: number;
  utility?: Utility[];
  unitClass?: UnitClass[];
  acceptanceStatus?: AcceptanceStatus[];
  groundFloor?: true;
  crane?: true;
  maxRentFen?: number;
  moveInReady?: true;
  industry?: Industry[];
  nearLat?: number;
  nearLng?: number;
  withinKm?: number;
  /** "west,south,east,north" (WGS-84): search this area. */
  bbox?: string;
}

export interface UnitSearchQuery extends UnitSearchFilterQuery {
  sort?: SearchSort;
  cursor?: string;
  limit?: number;
}

export type SearchTotal = Schemas['PageTotalDto'];

export const AREA_BANDS = [
  'lt500',
  '500_1000',
  '1000_2000',
  '2000_5000',
  '5000_10000',
  'gte10000',
] as const;
export type AreaBand = (typeof AREA_BANDS)[number];

export type AreaBandCount = Schemas['AreaBandFacetDto'];
export type SearchFacets = Schemas['UnitFacetsResponseDto'];

/** [west, south, east, north], WGS-84 degrees. */
export type BBoxTuple = [number, number, number, number];

export interface MapQuery extends UnitSearchFilterQuery {
  bbox: string;
  zoom: number;
}

export type MapFeature = Schemas['MapFeatureDto'];
export type UnitMap = Schemas['UnitMapResponseDto'];
export type ParkBoundaries = Schemas['ParkBoundariesResponseDto'];
export type ParkBoundaryFeature = Schemas['ParkFeatureDto'];

type SearchParams = NonNullable<operations['searchUnits']['parameters']['query']>;
type FacetParams = NonNullable<operations['getUnitFacets']['parameters']['query']>;
type MapParams = operations['getUnitMap']['parameters']['query'];

export function searchUnits(
  query: UnitSearchQuery,
  signal?: AbortSignal,
): Promise<Page<PublicUnitCard>> {
  const params: SearchParams = query;
  return unwrap(api.GET('/api/v1/public/units', { params: { query: params }, signal }));
}

export function getSearchFacets(
  query: UnitSearchFilterQuery,
  signal?: AbortSignal,
): Promise<SearchFacets> {
  const params: FacetParams = query;
  return unwrap(api.GET('/api/v1/public/units/facets', { params: { query: params }, signal }));
}

export function getUnitMap(query: MapQuery, signal?: AbortSignal): Promise<UnitMap> {
  const params: MapParams = query;
  return unwrap(api.GET('/api/v1/public/units/map', { params: { query: params }, signal }));
}

export function getParkBoundaries(
  query: { bbox?: string; zoneId?: string },
  signal?: AbortSignal,
): Promise<ParkBoundaries> {
  return unwrap(api.GET('/api/v1/public/parks/boundaries', { params: { query }, signal }));
}

/** "west,south,east,north" with 6 decimals (≈ 0.1 m), the form `bbox` takes. */
export function bboxParam([west, south, east, north]: BBoxTuple): string {
  return [west, south, east, north].map((value) => Number(value.toFixed(6))).join(',');
}

/** A cluster's extent as a box, when the API sent a proper one. */
export function featureBounds(feature: MapFeature): BBoxTuple | null {
  const b = feature.bounds;
  if (!b || b.length !== 4 || b.some((value) => typeof value !== 'number')) return null;
  return [b[0]!, b[1]!, b[2]!, b[3]!];
}
