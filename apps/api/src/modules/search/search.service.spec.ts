import { AppException } from '../../common/errors/app-exception';
import type { UnitsService } from '../units/units.service';
import type { SearchUnitsQueryDto, UnitMapQueryDto } from './dto/search.dto';
import type { SearchRepository } from './search.repository';
import { SearchService, parseBbox, toSearchFilter } from './search.service';
import { POINTS_BELOW, type SqlQuery } from './search.sql';

const ZONE = '27668ffa-5eac-418d-be2d-46db3991886e';

/** The AppException a call throws, as `status code` and its details, or 'none'. */
function refusal(run: () => unknown): { code: string; details?: unknown } | 'none' {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppException);
    const e = error as AppException;
    return { code: `${e.status} ${e.code}`, details: e.details };
  }
  return 'none';
}

describe('parseBbox', () => {
  it('parses west,south,east,north', () => {
    expect(parseBbox('112.8,35.7,113,35.9')).toEqual({
      west: 112.8,
      south: 35.7,
      east: 113,
      north: 35.9,
    });
    expect(parseBbox('-180,-90,180,90')).toEqual({ west: -180, south: -90, east: 180, north: 90 });
  });

  it.each([
    ['a longitude past 180', '112,35,200,36', 'out_of_range'],
    ['a longitude below -180', '-181,35,113,36', 'out_of_range'],
    ['a latitude past 90', '112,35,113,91', 'out_of_range'],
    ['a latitude below -90', '112,-90.5,113,36', 'out_of_range'],
    ['west greater than east (crossing the antimeridian)', '170,35,-170,36', 'antimeridian'],
    ['west equal to east', '112,35,112,36', 'antimeridian'],
    ['south equal to north', '112,35,113,35', 'empty'],
    ['south greater than north', '112,36,113,35', 'empty'],
  ])('refuses %s: 400 INVALID_BBOX (%s)', (_, text, problem) => {
    expect(refusal(() => parseBbox(text))).toEqual({
      code: '400 INVALID_BBOX',
      details: { problem, bbox: text },
    });
  });
});

describe('toSearchFilter', () => {
  it('maps the query onto the filter', () => {
    expect(
      toSearchFilter({
        q: '海峡',
        zoneId: [ZONE],
        minArea: 500,
        maxArea: 500,
        utility: ['gas'],
        nearLat: 35.8,
        nearLng: 112.92,
        withinKm: 5,
        bbox: '112,35,113,36',
      }),
    ).toMatchObject({
      q: '海峡',
      zoneIds: [ZONE],
      minArea: 500,
      maxArea: 500,
      utilities: ['gas'],
      near: { lat: 35.8, lng: 112.92 },
      withinKm: 5,
      bbox: { west: 112, south: 35, east: 113, north: 36 },
    });
    expect(toSearchFilter({}).near).toBeUndefined();
  });

  it('refuses an inverted area range: 400 INVALID_RANGE', () => {
    expect(refusal(() => toSearchFilter({ minArea: 2000, maxArea: 1000 }))).toEqual({
      code: '400 INVALID_RANGE',
      details: { field: 'area', min: 2000, max: 1000 },
    });
  });

  it.each([
    ['withinKm without a point', { withinKm: 5 }],
    ['a latitude alone', { nearLat: 35.8 }],
    ['a longitude alone', { nearLng: 112.92 }],
    ['a latitude alone with a radius', { nearLat: 35.8, withinKm: 5 }],
  ])('refuses %s: 400 NEAR_POINT_REQUIRED', (_, query) => {
    expect(refusal(() => toSearchFilter(query))).toMatchObject({
      code: '400 NEAR_POINT_REQUIRED',
    });
  });

  it('checks the bbox', () => {
    expect(refusal(() => toSearchFilter({ bbox: '10,0,-10,1' }))).toMatchObject({
      code: '400 INVALID_BBOX',
    });
  });
});

describe('SearchService', () => {
  /** A service over a repository that answers `count` with `inView` and records the SQL. */
  function serviceWith(inView: number) {
    const seen: SqlQuery[] = [];
    const repository = {
      rows: jest.fn(async (query: SqlQuery) => {
        seen.push(query);
        return [];
      }),
      count: jest.fn(async (query: SqlQuery) => {
        seen.push(query);
        return inView;
      }),
    };
    const service = new SearchService(
      repository as unknown as SearchRepository,
      {} as UnitsService,
    );
    return { service, repository, seen };
  }

  it('refuses sort=distance without a point before touching the database', async () => {
    const { service, repository } = serviceWith(0);
    await expect(service.search({ sort: 'distance' } as SearchUnitsQueryDto)).rejects.toMatchObject(
      { status: 400, code: 'NEAR_POINT_REQUIRED' },
    );
    expect(repository.rows).not.toHaveBeenCalled();
  });

  it('answers an empty page with total 0 and no cursor', async () => {
    const { service } = serviceWith(0);
    await expect(service.search({} as SearchUnitsQueryDto)).resolves.toEqual({
      items: [],
      nextCursor: null,
      total: { value: 0, exact: true },
    });
  });

  const viewport = { bbox: '112,35,113,36', zoom: 10 } as UnitMapQueryDto;

  it(`draws points with up to ${POINTS_BELOW} units in view`, async () => {
    const { service, seen } = serviceWith(POINTS_BELOW);
    expect((await service.map(viewport)).clustered).toBe(false);
    expect(seen[seen.length - 1].text).not.toContain('GROUP BY');
  });

  it(`clusters above ${POINTS_BELOW} units in view`, async () => {
    const { service, seen } = serviceWith(POINTS_BELOW + 1);
    expect((await service.map(viewport)).clustered).toBe(true);
    expect(seen[seen.length - 1].text).toContain('GROUP BY floor(');
  });

  it('draws points when zoomed far in, up to the feature cap', async () => {
    const { service } = serviceWith(400);
    expect((await service.map({ ...viewport, zoom: 15 })).clustered).toBe(false);
    const many = serviceWith(501);
    expect((await many.service.map({ ...viewport, zoom: 15 })).clustered).toBe(true);
  });
});
