/**
 * The shapes the views work with, in domain types (@factoryspace/domain enums, LngLat rings).
 * Requests are typed by the generated client (`paths` from apps/api/openapi.json) in the
 * resource files; these describe the same JSON with the domain's vocabulary.
 */
import type {
  AcceptanceStatus,
  IdleReasonCategory,
  LngLat,
  OccupancyStatus,
  ParkKind,
  UnitClass,
  UnitDossierFields,
} from '@factoryspace/domain';

export interface Zone {
  id: string;
  code: string;
  name: string;
  nameEn?: string | null;
  platformCompany: string;
  platformCompanyEn?: string | null;
  province?: string | null;
  city?: string | null;
  version: number;
}

export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: LngLat[][];
}

export interface Park {
  id: string;
  zoneId: string;
  code: string;
  name: string;
  nameEn?: string | null;
  kind: ParkKind;
  description?: string | null;
  boundary: GeoJsonPolygon | null;
  version: number;
}

export interface Building {
  id: string;
  zoneId: string;
  parkId: string;
  code: string;
  name: string;
  floors: number;
  address?: string | null;
  version: number;
}

export interface Unit extends UnitDossierFields {
  id: string;
  zoneId: string;
  parkId: string;
  buildingId: string;
  parkName: string;
  buildingName: string;
  buildingFloors: number;
  idleDays: number | null;
  idleMonths: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const UNIT_SORT_FIELDS = [
  'code',
  'grossArea',
  'vacantSince',
  'listRentFen',
  'updatedAt',
] as const;
export type UnitSortField = (typeof UNIT_SORT_FIELDS)[number];
export type UnitSort = UnitSortField | `-${UnitSortField}`;

export interface UnitListQuery {
  zoneId?: string;
  parkId?: string | string[];
  buildingId?: string | string[];
  unitClass?: UnitClass[];
  occupancyStatus?: OccupancyStatus[];
  acceptanceStatus?: AcceptanceStatus[];
  q?: string;
  minArea?: number;
  maxArea?: number;
  isListed?: boolean;
  sort?: UnitSort;
  limit?: number;
  cursor?: string;
}

export type UnitCreateBody = UnitDossierFields & { buildingId: string };
export type UnitPatchBody = Partial<UnitCreateBody> & { version: number };

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export type HistoryAction = 'create' | 'update' | 'status_change' | 'delete';
export type HistorySource = 'api' | 'import' | 'seed' | 'system';

export interface UnitHistoryEntry {
  id: string;
  unitId: string;
  version: number;
  action: HistoryAction;
  source: HistorySource;
  actorName: string | null;
  changes: FieldChange[];
  createdAt: string;
}

export interface GeoJsonFeature<G, P> {
  type: 'Feature';
  id?: string;
  geometry: G;
  properties: P;
}

export interface GeoJsonFeatureCollection<G, P> {
  type: 'FeatureCollection';
  features: GeoJsonFeature<G, P>[];
}

export interface MapParkProperties {
  id: string;
  code?: string;
  name: string;
  nameEn?: string | null;
  kind?: ParkKind;
}

export interface MapUnitProperties {
  id: string;
  code: string;
  name: string;
  unitClass: UnitClass;
  occupancyStatus: OccupancyStatus;
  grossArea?: number;
  parkName?: string;
  buildingName?: string;
  listRentFen?: number | null;
  idleMonths?: number | null;
  idleReasonCategory?: IdleReasonCategory | null;
}

export interface ZoneMap {
  parks: GeoJsonFeatureCollection<GeoJsonPolygon, MapParkProperties>;
  units: GeoJsonFeatureCollection<{ type: 'Point'; coordinates: LngLat }, MapUnitProperties>;
}
