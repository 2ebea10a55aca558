import type { Schemas } from '@factoryspace/api-client';
import { api, unwrap, type Page } from './http';
import type { Zone, ZoneMap } from './types';

/** The body of POST /zones (super administrator): the generated client's schema. */
export type CreateZoneBody = Schemas['CreateZoneDto'];

export function listZones(
  query: {
    q?: string;
    sort?: 'code' | 'name' | '-code' | '-name';
    limit?: number;
    cursor?: string;
  } = {},
  signal?: AbortSignal,
): Promise<Page<Zone>> {
  return unwrap(api.GET('/api/v1/zones', { params: { query: { limit: 200, ...query } }, signal }));
}

export function getZone(id: string, signal?: AbortSignal): Promise<Zone> {
  return unwrap(api.GET('/api/v1/zones/{id}', { params: { path: { id } }, signal }));
}

export function getZoneMap(id: string, signal?: AbortSignal): Promise<ZoneMap> {
  return unwrap(api.GET('/api/v1/zones/{id}/map', { params: { path: { id } }, signal }));
}

/**
 * Creates a zone (super administrator only). 400 VALIDATION_FAILED with field details,
 * 409 ZONE_CODE_TAKEN when the code is in use.
 */
export function createZone(body: CreateZoneBody): Promise<Zone> {
  return unwrap(api.POST('/api/v1/zones', { body }));
}
