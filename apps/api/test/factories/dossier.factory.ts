/**
 * Small data factories for integration tests: each builds a valid payload (override any field)
 * and creates it through the real API, so every row in a test went through the same rules as
 * production data.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

type Inject = NestFastifyApplication['inject'];
type Json = Record<string, unknown>;

let sequence = 0;
/** A short unique suffix for codes within one test run. */
export function nextId(): string {
  sequence += 1;
  return `${Date.now().toString(36).slice(-4)}${sequence}`;
}

export function zonePayload(overrides: Json = {}): Json {
  const n = nextId();
  return {
    code: `zone-${n}`.toLowerCase(),
    name: `高平经济技术开发区 ${n}`,
    nameEn: `Gaoping ETDZ ${n}`,
    platformCompany: '恒通集团',
    platformCompanyEn: 'Hengtong Group',
    province: '山西省',
    city: '晋城市',
    center: { latitude: 35.8, longitude: 112.92 },
    ...overrides,
  };
}

export function parkPayload(zoneId: string | undefined, overrides: Json = {}): Json {
  const n = nextId();
  return {
    ...(zoneId ? { zoneId } : {}),
    code: `HX-${n}`,
    name: `海峡两岸(高平)产业园 ${n}`,
    kind: 'park',
    boundary: {
      type: 'Polygon',
      coordinates: [
        [
          [112.9, 35.79],
          [112.94, 35.79],
          [112.94, 35.81],
          [112.9, 35.81],
          [112.9, 35.79],
        ],
      ],
    },
    ...overrides,
  };
}

export function buildingPayload(parkId: string, overrides: Json = {}): Json {
  const n = nextId();
  return {
    parkId,
    code: `A${n}`,
    name: `A${n}栋`,
    floors: 3,
    address: '高平市经开区产业大道 1 号',
    location: { latitude: 35.8, longitude: 112.92 },
    ...overrides,
  };
}

export function unitPayload(buildingId: string, overrides: Json = {}): Json {
  const n = nextId();
  return {
    buildingId,
    code: `HX-A1-${n}`,
    name: `A1栋 ${n}`,
    latitude: 35.8,
    longitude: 112.92,
    grossArea: 3200.5,
    usableArea: 3000,
    floorFrom: 1,
    floorTo: 1,
    structureType: 'steel',
    floorHeightM: 8.5,
    floorLoadKnM2: 30,
    craneCapacityT: 10,
    powerCapacityKva: 800,
    hasWater: true,
    hasGas: true,
    fireSafetyStatus: 'passed',
    environmentalStatus: 'approved',
    acceptanceStatus: 'accepted',
    completionYear: 2019,
    unitClass: 'quality',
    occupancyStatus: 'vacant',
    vacantSince: '2023-06-01',
    idleReasonCategory: 'no_tenant_found',
    listRentFen: 1200,
    suitableIndustries: ['food_processing'],
    contactName: '王经理',
    contactPhone: '0356-1234567',
    ...overrides,
  };
}

async function post(inject: Inject, url: string, payload: Json): Promise<Json> {
  const res = await inject({ method: 'POST', url, payload });
  if (res.statusCode !== 201) throw new Error(`POST ${url} → ${res.statusCode}: ${res.body}`);
  return res.json() as Json;
}

export interface Dossier {
  zone: Json & { id: string };
  park: Json & { id: string };
  building: Json & { id: string; floors: number };
}

export const createZone = (inject: Inject, overrides: Json = {}) =>
  post(inject, '/api/v1/zones', zonePayload(overrides)) as Promise<Json & { id: string }>;

export const createPark = (inject: Inject, zoneId: string, overrides: Json = {}) =>
  post(inject, '/api/v1/parks', parkPayload(zoneId, overrides)) as Promise<Json & { id: string }>;

export const createBuilding = (inject: Inject, parkId: string, overrides: Json = {}) =>
  post(inject, '/api/v1/buildings', buildingPayload(parkId, overrides)) as Promise<
    Json & { id: string; floors: number }
  >;

export const createUnit = (inject: Inject, buildingId: string, overrides: Json = {}) =>
  post(inject, '/api/v1/units', unitPayload(buildingId, overrides)) as Promise<
    Json & { id: string; version: number; code: string }
  >;

/** A zone with one park and one 3-floor building. */
export async function createDossierTree(
  inject: Inject,
  buildingOverrides: Json = {},
): Promise<Dossier> {
  const zone = await createZone(inject);
  const park = await createPark(inject, zone.id);
  const building = await createBuilding(inject, park.id, buildingOverrides);
  return { zone, park, building };
}
