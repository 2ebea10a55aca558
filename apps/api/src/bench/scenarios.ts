/**
 * What the bench measures: search queries, pages, map viewports. Each scenario is a SearchFilter
 * (the input of the SQL builders in modules/search/search.sql.ts) and the same filter spelled as
 * the API's query string, so the API and the bare handler run identical SQL.
 */
import type { BBox, SearchFilter, SearchSort } from '../modules/search/search.sql';

export interface SearchScenario {
  name: string;
  filter: SearchFilter;
  sort: SearchSort;
  limit: number;
}

export interface MapScenario {
  name: string;
  zoom: number;
  filter: SearchFilter & { bbox: BBox };
}

/** Sample values read from the data set (the busiest zone, its busiest park, a city). */
export interface DatasetSample {
  zoneId: string;
  zoneName: string;
  zoneCenter: { lng: number; lat: number };
  parkCenter: { lng: number; lat: number };
  parkName: string;
}

/** Suzhou city centre: a distance sort from a busy manufacturing city. */
const SUZHOU = { lat: 31.3, lng: 120.58 };

export function searchScenarios(sample: DatasetSample): SearchScenario[] {
  return [
    { name: 'no filter (newest)', filter: {}, sort: 'relevance', limit: 20 },
    {
      name: 'filters: 1,000–5,000 m², load ≥ 30, water + sewage, quality, rent ↑',
      filter: {
        minArea: 1000,
        maxArea: 5000,
        minFloorLoad: 30,
        utilities: ['water', 'sewage'],
        unitClasses: ['quality'],
      },
      sort: 'rent_asc',
      limit: 20,
    },
    { name: 'keyword 食品 (relevance)', filter: { q: '食品' }, sort: 'relevance', limit: 20 },
    {
      name: 'keyword 新材料 江苏 (relevance)',
      filter: { q: '新材料 江苏' },
      sort: 'relevance',
      limit: 20,
    },
    {
      name: 'distance from Suzhou (≤ 200 km)',
      filter: { near: SUZHOU },
      sort: 'distance',
      limit: 20,
    },
    {
      name: `one zone (${sample.zoneName}), area ↓`,
      filter: { zoneIds: [sample.zoneId] },
      sort: 'area_desc',
      limit: 20,
    },
  ];
}

/** Page 1 vs page 500 of these lists. */
export function pagingScenarios(): SearchScenario[] {
  return [
    { name: 'newest', filter: {}, sort: 'newest', limit: 20 },
    { name: 'area ↑', filter: {}, sort: 'area_asc', limit: 20 },
    { name: 'rent ↑', filter: {}, sort: 'rent_asc', limit: 20 },
  ];
}

/** A viewport of about `widthDeg` × `heightDeg` around a point. */
function around(center: { lng: number; lat: number }, widthDeg: number, heightDeg: number): BBox {
  const r = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    west: r(center.lng - widthDeg / 2),
    south: r(center.lat - heightDeg / 2),
    east: r(center.lng + widthDeg / 2),
    north: r(center.lat + heightDeg / 2),
  };
}

/**
 * Viewports of a 1,280 × 800 px map: all of China at zoom 4 and 5, a province (Jiangsu) at 8,
 * the busiest zone at 12, its busiest park at 16 (360° / 2^zoom per 256 px tile).
 */
export function mapScenarios(sample: DatasetSample): MapScenario[] {
  const span = (zoom: number) => (360 / 2 ** zoom) * 5;
  const china: BBox = { west: 73.5, south: 18, east: 135, north: 53.6 };
  return [
    { name: 'China, zoom 4', zoom: 4, filter: { bbox: china } },
    {
      name: 'eastern China, zoom 5',
      zoom: 5,
      filter: { bbox: around({ lng: 112, lat: 32 }, span(5), span(5) * 0.6) },
    },
    {
      name: 'eastern China, zoom 5, keyword 食品',
      zoom: 5,
      filter: { q: '食品', bbox: around({ lng: 112, lat: 32 }, span(5), span(5) * 0.6) },
    },
    {
      name: 'Jiangsu, zoom 8',
      zoom: 8,
      filter: { bbox: around({ lng: 119.5, lat: 32.9 }, span(8), span(8) * 0.6) },
    },
    {
      name: `${sample.zoneName}, zoom 12`,
      zoom: 12,
      filter: { bbox: around(sample.zoneCenter, span(12), span(12) * 0.6) },
    },
    {
      name: `${sample.parkName}, zoom 16`,
      zoom: 16,
      filter: { bbox: around(sample.parkCenter, span(16), span(16) * 0.6) },
    },
  ];
}

/** The API query string of a filter (the inverse of the service's toSearchFilter). */
export function filterParams(filter: SearchFilter): URLSearchParams {
  const params = new URLSearchParams();
  const add = (name: string, value: unknown) => {
    if (value !== undefined) params.append(name, String(value));
  };
  add('q', filter.q);
  for (const id of filter.zoneIds ?? []) add('zoneId', id);
  for (const id of filter.parkIds ?? []) add('parkId', id);
  add('minArea', filter.minArea);
  add('maxArea', filter.maxArea);
  add('minFloorLoad', filter.minFloorLoad);
  add('minFloorHeight', filter.minFloorHeight);
  add('minPower', filter.minPower);
  for (const utility of filter.utilities ?? []) add('utility', utility);
  for (const c of filter.unitClasses ?? []) add('unitClass', c);
  for (const s of filter.acceptanceStatuses ?? []) add('acceptanceStatus', s);
  add('groundFloor', filter.groundFloor);
  add('crane', filter.crane);
  add('maxRentFen', filter.maxRentFen);
  add('moveInReady', filter.moveInReady);
  for (const industry of filter.industries ?? []) add('industry', industry);
  add('nearLat', filter.near?.lat);
  add('nearLng', filter.near?.lng);
  add('withinKm', filter.withinKm);
  if (filter.bbox) {
    const b = filter.bbox;
    add('bbox', [b.west, b.south, b.east, b.north].join(','));
  }
  return params;
}

export function searchPath(scenario: SearchScenario, cursor?: string): string {
  const params = filterParams(scenario.filter);
  params.set('sort', scenario.sort);
  params.set('limit', String(scenario.limit));
  if (cursor) params.set('cursor', cursor);
  return `/api/v1/public/units?${params.toString()}`;
}

export function mapPath(scenario: MapScenario): string {
  const params = filterParams(scenario.filter);
  params.set('zoom', String(scenario.zoom));
  return `/api/v1/public/units/map?${params.toString()}`;
}
