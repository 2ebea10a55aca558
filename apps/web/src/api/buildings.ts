import { api, unwrap, type Page } from './http';
import type { Building } from './types';

export interface BuildingListQuery {
  zoneId?: string;
  parkId?: string;
  sort?: 'code' | 'name' | '-code' | '-name';
  limit?: number;
  cursor?: string;
}

export function listBuildings(
  query: BuildingListQuery = {},
  signal?: AbortSignal,
): Promise<Page<Building>> {
  return unwrap(
    api.GET('/api/v1/buildings', {
      params: { query: { limit: 200, sort: 'code', ...query } },
      signal,
    }),
  );
}

export function getBuilding(id: string, signal?: AbortSignal): Promise<Building> {
  return unwrap(api.GET('/api/v1/buildings/{id}', { params: { path: { id } }, signal }));
}
