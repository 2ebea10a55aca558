import { api, unwrap, type Page } from './http';
import type { Park } from './types';

export interface ParkListQuery {
  zoneId?: string;
  kind?: 'park' | 'park_in_park';
  sort?: 'code' | 'name' | '-code' | '-name';
  limit?: number;
  cursor?: string;
}

export function listParks(query: ParkListQuery = {}, signal?: AbortSignal): Promise<Page<Park>> {
  return unwrap(
    api.GET('/api/v1/parks', { params: { query: { limit: 200, sort: 'code', ...query } }, signal }),
  );
}

export function getPark(id: string, signal?: AbortSignal): Promise<Park> {
  return unwrap(api.GET('/api/v1/parks/{id}', { params: { path: { id } }, signal }));
}
