import { api, unwrap, type Page } from './http';
import type { Zone, ZoneMap } from './types';

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
