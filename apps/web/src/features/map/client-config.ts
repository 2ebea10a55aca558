/**
 * Runtime map settings from the API (`GET /api/v1/client-config`): one web build serves every
 * deployment, and the tile host the map uses is the one the API's Content-Security-Policy
 * allows. Loaded once; a failure means "no tiles" (the map still draws its own layers).
 */
import { api, unwrap } from '@/api/http';

export interface TileSettings {
  url: string | null;
  attribution: string | null;
}

let pending: Promise<TileSettings> | null = null;

export function loadTileSettings(): Promise<TileSettings> {
  pending ??= unwrap<{ mapTileUrl: string | null; mapTileAttribution: string | null }>(
    api.GET('/api/v1/client-config'),
  )
    .then((config) => ({ url: config.mapTileUrl, attribution: config.mapTileAttribution }))
    .catch(() => ({ url: null, attribution: null }));
  return pending;
}

/** For tests. */
export function resetTileSettings(): void {
  pending = null;
}
