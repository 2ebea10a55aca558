import { api, unwrap, type Page } from './http';
import type { Unit, UnitCreateBody, UnitHistoryEntry, UnitListQuery, UnitPatchBody } from './types';

function asArray<T>(value: T | T[] | undefined): T[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

export function listUnits(query: UnitListQuery = {}, signal?: AbortSignal): Promise<Page<Unit>> {
  const { zoneId, parkId, buildingId, ...rest } = query;
  return unwrap(
    api.GET('/api/v1/units', {
      params: {
        query: {
          ...rest,
          zoneId: asArray(zoneId),
          parkId: asArray(parkId),
          buildingId: asArray(buildingId),
        },
      },
      signal,
    }),
  );
}

export function getUnit(id: string, signal?: AbortSignal): Promise<Unit> {
  return unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id } }, signal }));
}

export function createUnit(body: UnitCreateBody): Promise<Unit> {
  return unwrap(api.POST('/api/v1/units', { body }));
}

export function updateUnit(id: string, body: UnitPatchBody): Promise<Unit> {
  return unwrap(api.PATCH('/api/v1/units/{id}', { params: { path: { id } }, body }));
}

export function listUnitHistory(
  id: string,
  query: { limit?: number; cursor?: string } = {},
  signal?: AbortSignal,
): Promise<Page<UnitHistoryEntry>> {
  return unwrap(
    api.GET('/api/v1/units/{id}/history', {
      params: { path: { id }, query: { limit: 50, ...query } },
      signal,
    }),
  );
}
