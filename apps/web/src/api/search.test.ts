import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setApiLocale } from './http';
import { bboxParam, getParkBoundaries, getSearchFacets, getUnitMap, searchUnits } from './search';

const fetchMock = vi.fn<(request: Request) => Promise<Response>>();

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function sent(index = 0): URL {
  return new URL(fetchMock.mock.calls[index]![0].url);
}

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(async () =>
    json(200, { items: [], nextCursor: null, total: { value: 0, exact: true } }),
  );
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
  setApiLocale(() => 'zh-CN');
});

describe('search API wrappers', () => {
  it('sends the search with repeated parameters for lists, under the API names', async () => {
    await searchUnits({
      q: '食品',
      zoneId: ['z1', 'z2'],
      utility: ['gas', 'water'],
      groundFloor: true,
      minArea: 1000,
      sort: 'rent_asc',
      limit: 20,
    });
    const url = sent();
    expect(url.pathname).toBe('/api/v1/public/units');
    expect(url.searchParams.get('q')).toBe('食品');
    expect(url.searchParams.getAll('zoneId')).toEqual(['z1', 'z2']);
    expect(url.searchParams.getAll('utility')).toEqual(['gas', 'water']);
    expect(url.searchParams.get('groundFloor')).toBe('true');
    expect(url.searchParams.get('minArea')).toBe('1000');
    expect(url.searchParams.get('sort')).toBe('rent_asc');
  });

  it('asks in the interface language, so error messages come back in it', async () => {
    setApiLocale(() => 'en');
    fetchMock.mockResolvedValueOnce(
      json(400, { code: 'INVALID_RANGE', message: 'minArea must not exceed maxArea' }),
    );
    const error = await searchUnits({ minArea: 5, maxArea: 1 }).catch((e: unknown) => e);
    expect(fetchMock.mock.calls[0]![0].headers.get('Accept-Language')).toBe('en');
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('INVALID_RANGE');
    expect((error as ApiError).message).toBe('minArea must not exceed maxArea');
  });

  it('calls the facets, map and park boundary routes', async () => {
    await getSearchFacets({ unitClass: ['quality'] });
    await getUnitMap({ bbox: bboxParam([112.1, 35.2, 113.3, 36.4]), zoom: 11, crane: true });
    await getParkBoundaries({ bbox: '112,35,113,36' });
    expect(sent(0).pathname).toBe('/api/v1/public/units/facets');
    expect(sent(0).searchParams.get('unitClass')).toBe('quality');
    expect(sent(1).pathname).toBe('/api/v1/public/units/map');
    expect(sent(1).searchParams.get('bbox')).toBe('112.1,35.2,113.3,36.4');
    expect(sent(1).searchParams.get('zoom')).toBe('11');
    expect(sent(1).searchParams.get('crane')).toBe('true');
    expect(sent(2).pathname).toBe('/api/v1/public/parks/boundaries');
  });

  it('passes the abort signal through', async () => {
    const controller = new AbortController();
    fetchMock.mockImplementationOnce(
      (request) =>
        new Promise((_, reject) =>
          request.signal.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          ),
        ),
    );
    const pending = searchUnits({}, controller.signal);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const signal = fetchMock.mock.calls[0]![0].signal;
    expect(signal.aborted).toBe(false);
    controller.abort();
    expect(signal.aborted).toBe(true);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('writes a bounding box with at most 6 decimals', () => {
    expect(bboxParam([112.123456789, 35.1, 113, 36.0000001])).toBe('112.123457,35.1,113,36');
  });
});
