import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { flushPromises } from '@vue/test-utils';
import type { SessionUser } from '@/api/auth';
import { ApiError } from '@/api/http';
import * as market from '@/api/market';
import { useSessionStore } from './session';
import { FAVOURITES_STORAGE_KEY, useFavouritesStore } from './favourites';

vi.mock('@/api/market', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/api/market')>();
  return {
    ...actual,
    getPublicUnit: vi.fn(),
    listFavourites: vi.fn(),
    addFavourite: vi.fn(),
    removeFavourite: vi.fn(),
  };
});

const api = vi.mocked(market);

const firmUser: SessionUser = {
  id: 'u-firm',
  email: 'firm.a@factoryspace.demo',
  mobile: null,
  displayName: '李经理',
  role: 'firm',
  zoneId: null,
  zoneName: null,
  firmId: 'f-1',
  firmName: '晋城精工',
  firmRole: 'owner',
  emailVerified: true,
};

function apiError(status: number, code: string): ApiError {
  return new ApiError(status, { code, message: code });
}

function storedIds(): string[] {
  const raw = localStorage.getItem(FAVOURITES_STORAGE_KEY);
  return raw ? (JSON.parse(raw) as { unitId: string }[]).map((item) => item.unitId) : [];
}

function serverList(ids: string[]) {
  return { items: ids.map((unitId) => ({ unitId, addedAt: '2026-01-01T00:00:00Z', unit: null })) };
}

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
  api.getPublicUnit.mockReset();
  api.listFavourites.mockReset().mockResolvedValue(serverList([]));
  api.addFavourite.mockReset().mockResolvedValue(undefined);
  api.removeFavourite.mockReset().mockResolvedValue(undefined);
});

describe('favourites store: visitors', () => {
  it('keeps favourites in localStorage, newest first, without calling the API', async () => {
    const favourites = useFavouritesStore();
    expect(favourites.mode).toBe('local');
    await favourites.toggle('a');
    await favourites.add('b');
    expect(favourites.has('a')).toBe(true);
    expect(favourites.ids).toEqual(['b', 'a']);
    expect(storedIds()).toEqual(['b', 'a']);
    await favourites.toggle('a');
    expect(favourites.has('a')).toBe(false);
    expect(storedIds()).toEqual(['b']);
    expect(api.addFavourite).not.toHaveBeenCalled();
  });

  it('reads a stored list back and ignores junk', () => {
    localStorage.setItem(
      FAVOURITES_STORAGE_KEY,
      JSON.stringify(['x', { unitId: 'y', addedAt: '2026-02-01T00:00:00Z' }, 'x', 7, null]),
    );
    expect(useFavouritesStore().ids).toEqual(['x', 'y']);
  });

  it('resolves local favourites to their units; a unit off the market has none', async () => {
    localStorage.setItem(FAVOURITES_STORAGE_KEY, JSON.stringify(['a', 'gone']));
    api.getPublicUnit.mockImplementation(async (id: string) => {
      if (id === 'gone') throw apiError(404, 'UNIT_NOT_FOUND');
      return { id, code: 'GP-001', occupancyStatus: 'vacant' } as market.PublicUnitDetail;
    });
    const favourites = useFavouritesStore();
    await favourites.loadItems();
    expect(favourites.itemsStatus).toBe('ready');
    expect(favourites.items.map((item) => [item.unitId, item.unit?.code ?? null])).toEqual([
      ['a', 'GP-001'],
      ['gone', null],
    ]);
  });
});

describe('favourites store: signed-in firm users', () => {
  it('merges the local favourites to the server once on sign-in and clears them', async () => {
    localStorage.setItem(FAVOURITES_STORAGE_KEY, JSON.stringify(['a', 'b']));
    api.listFavourites.mockResolvedValue(serverList(['a', 'b', 'c']));
    const favourites = useFavouritesStore();
    const session = useSessionStore();
    session.user = firmUser;
    await flushPromises();
    await favourites.ready();

    expect(api.addFavourite.mock.calls.map(([id]) => id)).toEqual(['a', 'b']);
    expect(storedIds()).toEqual([]);
    expect(favourites.mode).toBe('server');
    expect(favourites.ids).toEqual(['a', 'b', 'c']);

    // Once: the same session does not merge again.
    await favourites.ready();
    expect(api.addFavourite).toHaveBeenCalledTimes(2);
  });

  it('keeps for a later sign-in only the favourites that failed for a passing reason', async () => {
    localStorage.setItem(FAVOURITES_STORAGE_KEY, JSON.stringify(['ok', 'gone', 'flaky']));
    api.addFavourite.mockImplementation(async (id: string) => {
      if (id === 'gone') throw apiError(404, 'UNIT_NOT_FOUND');
      if (id === 'flaky') throw apiError(0, 'NETWORK_ERROR');
    });
    const favourites = useFavouritesStore();
    useSessionStore().user = firmUser;
    await flushPromises();
    await favourites.ready();
    expect(storedIds()).toEqual(['flaky']);
  });

  it('stops merging when the server list is full', async () => {
    localStorage.setItem(FAVOURITES_STORAGE_KEY, JSON.stringify(['a', 'b', 'c']));
    api.addFavourite.mockRejectedValue(apiError(409, 'FAVOURITES_FULL'));
    const favourites = useFavouritesStore();
    useSessionStore().user = firmUser;
    await flushPromises();
    await favourites.ready();
    expect(api.addFavourite).toHaveBeenCalledTimes(1);
    expect(favourites.error).toBe('full');
    expect(storedIds()).toEqual([]);
  });

  it('adds and removes on the server, and undoes a change the server refused', async () => {
    const favourites = useFavouritesStore();
    useSessionStore().user = firmUser;
    await flushPromises();

    expect(await favourites.add('a')).toBe(true);
    expect(api.addFavourite).toHaveBeenCalledWith('a');
    expect(favourites.has('a')).toBe(true);
    expect(storedIds()).toEqual([]);

    api.addFavourite.mockRejectedValueOnce(apiError(409, 'FAVOURITES_FULL'));
    expect(await favourites.add('b')).toBe(false);
    expect(favourites.has('b')).toBe(false);
    expect(favourites.error).toBe('full');

    api.removeFavourite.mockRejectedValueOnce(apiError(500, 'INTERNAL'));
    expect(await favourites.remove('a')).toBe(false);
    expect(favourites.has('a')).toBe(true);
    expect(favourites.error).toBe('failed');

    expect(await favourites.remove('a')).toBe(true);
    expect(favourites.has('a')).toBe(false);
  });

  it('goes back to the (now empty) local list on sign-out', async () => {
    localStorage.setItem(FAVOURITES_STORAGE_KEY, JSON.stringify(['a']));
    api.listFavourites.mockResolvedValue(serverList(['a']));
    const favourites = useFavouritesStore();
    const session = useSessionStore();
    session.user = firmUser;
    await flushPromises();
    expect(favourites.ids).toEqual(['a']);
    session.clear();
    await flushPromises();
    expect(favourites.mode).toBe('local');
    expect(favourites.ids).toEqual([]);
  });

  it('keeps other signed-in roles (staff) on the local list', async () => {
    const favourites = useFavouritesStore();
    useSessionStore().user = { ...firmUser, role: 'staff', firmId: null, firmRole: null };
    await flushPromises();
    await favourites.add('a');
    expect(favourites.mode).toBe('local');
    expect(api.addFavourite).not.toHaveBeenCalled();
    expect(storedIds()).toEqual(['a']);
  });
});
