import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './http';
import {
  addFavourite,
  createSavedSearch,
  deleteSavedSearch,
  getPublicUnit,
  listFavourites,
  listSavedSearches,
  removeFavourite,
  updateSavedSearch,
} from './market';

const fetchMock = vi.fn<(request: Request) => Promise<Response>>();

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function sent(index = 0): Request {
  return fetchMock.mock.calls[index]![0];
}

function path(index = 0): string {
  return new URL(sent(index).url).pathname;
}

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockResolvedValue(json(200, { items: [] }));
  vi.stubGlobal('fetch', fetchMock);
  document.cookie = 'fs_csrf=csrf-9; path=/';
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = 'fs_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});

describe('market API calls', () => {
  it('reads a unit page by id, and a 404 comes back as ApiError UNIT_NOT_FOUND', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { id: 'u-1', code: 'GP-001', similar: [] }));
    const unit = await getPublicUnit('u-1');
    expect(unit.code).toBe('GP-001');
    expect(path()).toBe('/api/v1/public/units/u-1');
    expect(sent().method).toBe('GET');

    fetchMock.mockResolvedValueOnce(
      json(404, { code: 'UNIT_NOT_FOUND', message: '厂房不存在或已下架' }),
    );
    const error = await getPublicUnit('gone').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).code).toBe('UNIT_NOT_FOUND');
  });

  it('lists, adds and removes favourites with the CSRF header on PUT and DELETE', async () => {
    fetchMock.mockResolvedValueOnce(
      json(200, { items: [{ unitId: 'u-1', addedAt: '2026-01-01T00:00:00Z', unit: null }] }),
    );
    const list = await listFavourites();
    expect(list.items[0]!.unit).toBeNull();
    expect(path(0)).toBe('/api/v1/firms/me/favourites');
    expect(sent(0).headers.get('X-CSRF-Token')).toBeNull();

    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await addFavourite('u-1');
    expect(sent(1).method).toBe('PUT');
    expect(path(1)).toBe('/api/v1/firms/me/favourites/u-1');
    expect(sent(1).headers.get('X-CSRF-Token')).toBe('csrf-9');

    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await removeFavourite('u-1');
    expect(sent(2).method).toBe('DELETE');
    expect(path(2)).toBe('/api/v1/firms/me/favourites/u-1');
  });

  it('passes FAVOURITES_FULL on as a 409', async () => {
    fetchMock.mockResolvedValueOnce(json(409, { code: 'FAVOURITES_FULL', message: 'full' }));
    await expect(addFavourite('u-2')).rejects.toMatchObject({
      status: 409,
      code: 'FAVOURITES_FULL',
    });
  });

  it('lists, creates, renames and deletes saved searches', async () => {
    const saved = {
      id: 's-1',
      name: '食品厂房',
      query: 'q=食品&minArea=1000&utility=gas',
      alertsEnabled: true,
      lastAlertedAt: null,
      createdAt: '2026-01-01T00:00:00Z',
    };
    fetchMock.mockResolvedValueOnce(json(200, { items: [saved] }));
    expect((await listSavedSearches()).items).toEqual([saved]);
    expect(path(0)).toBe('/api/v1/firms/me/saved-searches');

    fetchMock.mockResolvedValueOnce(json(201, saved));
    await createSavedSearch({ name: saved.name, query: saved.query, alertsEnabled: true });
    expect(sent(1).method).toBe('POST');
    expect(sent(1).headers.get('X-CSRF-Token')).toBe('csrf-9');
    expect(await sent(1).json()).toEqual({
      name: '食品厂房',
      query: 'q=食品&minArea=1000&utility=gas',
      alertsEnabled: true,
    });

    fetchMock.mockResolvedValueOnce(json(200, { ...saved, alertsEnabled: false }));
    const updated = await updateSavedSearch('s-1', { alertsEnabled: false });
    expect(updated.alertsEnabled).toBe(false);
    expect(sent(2).method).toBe('PATCH');
    expect(path(2)).toBe('/api/v1/firms/me/saved-searches/s-1');
    expect(await sent(2).json()).toEqual({ alertsEnabled: false });

    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await deleteSavedSearch('s-1');
    expect(sent(3).method).toBe('DELETE');
    expect(path(3)).toBe('/api/v1/firms/me/saved-searches/s-1');
  });

  it('passes INVALID_SAVED_QUERY on as a 400', async () => {
    fetchMock.mockResolvedValueOnce(
      json(400, { code: 'INVALID_SAVED_QUERY', message: 'bad', details: [] }),
    );
    await expect(
      createSavedSearch({ name: 'x', query: 'minArea=abc', alertsEnabled: false }),
    ).rejects.toMatchObject({ status: 400, code: 'INVALID_SAVED_QUERY' });
  });
});
