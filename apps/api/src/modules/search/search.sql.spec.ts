import fc from 'fast-check';
import { AppException } from '../../common/errors/app-exception';
import {
  MAX_KEYWORD_LENGTH,
  MAX_MAP_FEATURES,
  boxAround,
  buildCountSql,
  buildMapClustersSql,
  buildSearchSql,
  clusterGrid,
  nextCursorOf,
  normalizeKeyword,
  type BBox,
  type SearchSort,
} from './search.sql';

const ID = '3df82175-23bd-4c05-b3f0-d466264985cf';
const ID2 = '9fdffe07-412a-4cec-a6f4-3025afa9341e';

/** The error code a call throws (an AppException), or 'none'. */
function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppException);
    return `${(error as AppException).status} ${(error as AppException).code}`;
  }
  return 'none';
}

describe('normalizeKeyword', () => {
  it.each([
    [
      'full-width letters and digits become ASCII (NFKC), lower case',
      'ＣＲＯＳＳ　２０２４',
      'cross 2024',
    ],
    ['Chinese stays, runs of spaces become one', '  海峡 \t 两岸  ', '海峡 两岸'],
    [
      'full-width punctuation around words stays (it is cut by the tokenizer)',
      '（海峡）',
      '(海峡)',
    ],
    ['mixed Chinese and English', '海峡 Park', '海峡 park'],
  ])('%s', (_, input, expected) => {
    expect(normalizeKeyword(input)).toBe(expected);
  });

  it.each([
    ['no keyword', undefined],
    ['empty', ''],
    ['spaces only', '   　 '],
    ['punctuation only', '!!! ，。、（）-_*%'],
    ['SQL-ish punctuation', "'; --"],
  ])('%s → null (no keyword filter)', (_, input) => {
    expect(normalizeKeyword(input)).toBeNull();
  });

  it(`caps the keyword at ${MAX_KEYWORD_LENGTH} characters after normalisation`, () => {
    expect(normalizeKeyword('海'.repeat(300))).toHaveLength(MAX_KEYWORD_LENGTH);
    // NFKC can lengthen a string (㍿ → 株式会社): the cap holds after it.
    expect(normalizeKeyword('㍿'.repeat(60))!.length).toBe(MAX_KEYWORD_LENGTH);
  });
});

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/** Great-circle distance, the formula the SQL uses. */
function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const a =
    Math.sin(rad(lat2 - lat1) / 2) ** 2 +
    Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lng2 - lng1) / 2) ** 2;
  return EARTH_RADIUS_KM * 2 * Math.asin(Math.sqrt(a));
}

/** The point `km` away from (lat, lng) in direction `bearing` (degrees), longitude unwrapped. */
function destination(lat: number, lng: number, km: number, bearing: number) {
  const d = km / EARTH_RADIUS_KM;
  const phi = rad(lat);
  const theta = rad(bearing);
  const lat2 = Math.asin(
    Math.sin(phi) * Math.cos(d) + Math.cos(phi) * Math.sin(d) * Math.cos(theta),
  );
  const lng2 =
    rad(lng) +
    Math.atan2(
      Math.sin(theta) * Math.sin(d) * Math.cos(phi),
      Math.cos(d) - Math.sin(phi) * Math.sin(lat2),
    );
  return { lat: deg(lat2), lng: deg(lng2) };
}

const inside = (box: BBox, lat: number, lng: number) =>
  lng >= box.west && lng <= box.east && lat >= box.south && lat <= box.north;

describe('boxAround', () => {
  it('is a box around the point, wider in longitude away from the equator', () => {
    const box = boxAround(35.8, 112.92, 10);
    expect(inside(box, 35.8, 112.92)).toBe(true);
    expect(box.north - box.south).toBeCloseTo((2 * 10) / 111.2, 2);
    expect(box.east - box.west).toBeGreaterThan(box.north - box.south);
  });

  it('is clamped to the world', () => {
    expect(boxAround(0, 179.99, 100).east).toBe(180);
    expect(boxAround(0, -179.99, 100).west).toBe(-180);
    expect(boxAround(89.999, 0, 100)).toMatchObject({ north: 90, west: -180, east: 180 });
  });

  it('holds every point within the radius (the box pre-filter never drops a match)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -89.9, max: 89.9, noNaN: true }),
        fc.double({ min: -179.9, max: 179.9, noNaN: true }),
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lat, lng, km, bearing, fraction) => {
          const p = destination(lat, lng, km * fraction, bearing);
          // The box does not wrap around the antimeridian (the API refuses such boxes too).
          fc.pre(p.lng >= -180 && p.lng <= 180);
          fc.pre(haversineKm(lat, lng, p.lat, p.lng) <= km);
          expect({
            p,
            box: boxAround(lat, lng, km),
            inside: inside(boxAround(lat, lng, km), p.lat, p.lng),
          }).toMatchObject({
            inside: true,
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('holds the points exactly at the radius due north, south, east and west', () => {
    for (const [lat, lng, km] of [
      [35.8, 112.92, 10],
      [35.8, 112.92, 1000],
      [0, 0, 200],
      [60, 10, 50],
    ]) {
      const box = boxAround(lat, lng, km);
      for (const bearing of [0, 90, 180, 270]) {
        const p = destination(lat, lng, km * (1 - 1e-12), bearing);
        expect({ lat, lng, km, bearing, inside: inside(box, p.lat, p.lng) }).toEqual({
          lat,
          lng,
          km,
          bearing,
          inside: true,
        });
      }
    }
  });
});

/** The grid cells (column, row) the SQL's GROUP BY can produce for points inside `bbox`. */
function cellsInView(bbox: BBox, zoom: number): number {
  const { cell, x0, y0 } = clusterGrid(bbox, zoom);
  const columns = Math.floor((bbox.east - x0) / cell) - Math.floor((bbox.west - x0) / cell) + 1;
  const rows = Math.floor((bbox.north - y0) / cell) - Math.floor((bbox.south - y0) / cell) + 1;
  return columns * rows;
}

const sortedPair = (min: number, max: number) =>
  fc
    .tuple(fc.double({ min, max, noNaN: true }), fc.double({ min, max, noNaN: true }))
    .filter(([a, b]) => a !== b)
    .map(([a, b]): [number, number] => (a < b ? [a, b] : [b, a]));

describe('clusterGrid', () => {
  it(`never has more than ${MAX_MAP_FEATURES} cells in any valid viewport at any zoom`, () => {
    fc.assert(
      fc.property(
        sortedPair(-180, 180),
        sortedPair(-90, 90),
        fc.oneof(fc.integer({ min: 0, max: 22 }), fc.double({ min: 0, max: 22, noNaN: true })),
        ([west, east], [south, north], zoom) => {
          const bbox = { west, south, east, north };
          const { cell } = clusterGrid(bbox, zoom);
          expect(cell).toBeGreaterThan(0);
          expect(cellsInView(bbox, zoom)).toBeLessThanOrEqual(MAX_MAP_FEATURES);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['the whole world at zoom 0', { west: -180, south: -90, east: 180, north: 90 }, 0],
    ['the whole world at zoom 22', { west: -180, south: -90, east: 180, north: 90 }, 22],
    ['a tall thin strip', { west: 112.9, south: -90, east: 112.900001, north: 90 }, 22],
    ['a wide flat strip', { west: -180, south: 35.8, east: 180, north: 35.800001 }, 22],
    ['a tiny box', { west: 112.92, south: 35.8, east: 112.920000001, north: 35.800000001 }, 22],
  ])('%s', (_, bbox, zoom) => {
    expect(cellsInView(bbox, zoom)).toBeLessThanOrEqual(MAX_MAP_FEATURES);
    expect(cellsInView(bbox, zoom)).toBeGreaterThanOrEqual(1);
  });

  it('anchors cells on a global grid, so panning keeps clusters stable', () => {
    const a = clusterGrid({ west: 112.1, south: 35.1, east: 112.5, north: 35.3 }, 12);
    const b = clusterGrid({ west: 112.2, south: 35.15, east: 112.6, north: 35.35 }, 12);
    expect(a.cell).toBe(b.cell);
    expect(Math.abs(a.x0 / a.cell - Math.round(a.x0 / a.cell))).toBeLessThan(1e-9);
    expect(Math.abs(b.y0 / b.cell - Math.round(b.y0 / b.cell))).toBeLessThan(1e-9);
  });

  it('limits the cluster query to the feature cap', () => {
    const sql = buildMapClustersSql({ bbox: { west: 112, south: 35, east: 113, north: 36 } }, 8);
    expect(sql.text).toContain(`LIMIT ${MAX_MAP_FEATURES}`);
  });
});

describe('keyset cursors of the search', () => {
  /** The cursor after the first row of a two-row page for `sort`. */
  const cursorFor = (sort: SearchSort, sortValue: string | null, keyword: string | null = null) =>
    nextCursorOf(
      [
        { id: ID, sortValue },
        { id: ID2, sortValue },
      ],
      1,
      sort,
      keyword,
    )!;

  const sortValues: Record<SearchSort, string> = {
    relevance: '2026-11-20T01:02:03.123456Z',
    newest: '2026-11-20T01:02:03.123456Z',
    rent_asc: '1200',
    rent_desc: '1200',
    area_asc: '3200.50',
    area_desc: '3200.50',
    longest_idle: '2024-06-01',
    distance: '12.345678',
  };
  const near = { near: { lat: 35.8, lng: 112.92 } };

  it('has no next cursor on the last page', () => {
    expect(nextCursorOf([{ id: ID, sortValue: '1' }], 1, 'rent_asc', null)).toBeNull();
  });

  it.each(Object.keys(sortValues) as SearchSort[])(
    'a cursor of sort=%s is accepted by the same sort and refused by every other',
    (sort) => {
      const cursor = cursorFor(sort, sortValues[sort]);
      expect(codeOf(() => buildSearchSql(near, sort, cursor, 10))).toBe('none');
      for (const other of Object.keys(sortValues) as SearchSort[]) {
        if (other === sort) continue;
        expect({ other, code: codeOf(() => buildSearchSql(near, other, cursor, 10)) }).toEqual({
          other,
          code: '400 INVALID_CURSOR',
        });
      }
    },
  );

  it('a relevance cursor belongs to its keyword (as normalised)', () => {
    const cursor = cursorFor('relevance', '6', '海峡');
    expect(codeOf(() => buildSearchSql({ q: '海峡' }, 'relevance', cursor, 10))).toBe('none');
    expect(codeOf(() => buildSearchSql({ q: ' 海峡　' }, 'relevance', cursor, 10))).toBe('none');
    expect(codeOf(() => buildSearchSql({ q: '食品' }, 'relevance', cursor, 10))).toBe(
      '400 INVALID_CURSOR',
    );
    // Without a keyword, relevance is newest by time: a score is not a time.
    expect(codeOf(() => buildSearchSql({}, 'relevance', cursor, 10))).toBe('400 INVALID_CURSOR');
    const latin = cursorFor('relevance', '3', 'cross');
    expect(codeOf(() => buildSearchSql({ q: 'ＣＲＯＳＳ' }, 'relevance', latin, 10))).toBe('none');
  });

  const raw = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');
  it.each<[string, SearchSort, string]>([
    ['garbage', 'rent_asc', '!!!'],
    ['SQL in a rent key', 'rent_asc', raw({ s: 'rent_asc', k: ['1); DROP TABLE units; --', ID] })],
    ['a null where the sort has no nulls', 'area_asc', raw({ s: 'area_asc', k: [null, ID] })],
    ['a date where a time is expected', 'newest', raw({ s: 'newest', k: ['2024-06-01', ID] })],
    ['a bad id', 'area_asc', raw({ s: 'area_asc', k: ['1', 'not-a-uuid'] })],
  ])('refuses %s with 400 INVALID_CURSOR', (_, sort, cursor) => {
    expect(codeOf(() => buildSearchSql({}, sort, cursor, 10))).toBe('400 INVALID_CURSOR');
  });

  it('orders units without a rent or a vacancy date through a sentinel, so keys are never null', () => {
    // Missing values sort last via coalesce(…) (an index each): a null key is a tampered cursor.
    expect(codeOf(() => buildSearchSql({}, 'rent_asc', cursorFor('rent_asc', null), 10))).toBe(
      '400 INVALID_CURSOR',
    );
    expect(
      codeOf(() => buildSearchSql({}, 'rent_asc', cursorFor('rent_asc', '2147483647'), 10)),
    ).toBe('none');
    expect(
      codeOf(() => buildSearchSql({}, 'longest_idle', cursorFor('longest_idle', '9999-12-31'), 10)),
    ).toBe('none');
    const sql = buildSearchSql({}, 'rent_desc', undefined, 10).text;
    expect(sql).toContain('ORDER BY coalesce(u.list_rent_fen, -1) DESC, u.id DESC');
    expect(sql).not.toContain('IS NULL)');
  });
});

describe('the SQL text', () => {
  it('carries every value as a parameter, never in the text', () => {
    const evil = "x'); DROP TABLE units; --";
    const sql = buildSearchSql(
      { q: evil, zoneIds: [ID], minArea: 1, bbox: { west: 1, south: 2, east: 3, north: 4 } },
      'relevance',
      undefined,
      10,
    );
    expect(sql.text).not.toContain('DROP TABLE');
    expect(sql.values).toContain("x'); drop table units; --");
    expect(sql.values[sql.values.length - 1]).toBe(11); // limit + 1: the next-page probe
  });

  it('distance sort without withinKm looks within the default radius (search and count alike)', () => {
    const search = buildSearchSql({ near: { lat: 35.8, lng: 112.92 } }, 'distance', undefined, 5);
    const count = buildCountSql({ near: { lat: 35.8, lng: 112.92 } }, 'distance');
    expect(search.values).toContain(200);
    expect(count.values).toContain(200);
    expect(buildCountSql({ near: { lat: 35.8, lng: 112.92 } }, 'newest').values).not.toContain(200);
  });

  it('a keyword of punctuation only adds no keyword filter', () => {
    expect(buildCountSql({ q: '!!!' }).text).not.toContain('search_tokens');
    expect(buildCountSql({ q: '海峡' }).text).toContain('search_tokens');
  });
});
