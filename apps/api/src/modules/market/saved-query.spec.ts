import { AppException } from '../../common/errors/app-exception';
import { parseSavedQuery } from './saved-query';

const ZONE = '27668ffa-5eac-418d-be2d-46db3991886e';

/** The refusal of a query: code and details (INVALID_SAVED_QUERY expected). */
function refusal(query: string): { status: number; code: string; details: unknown } {
  try {
    parseSavedQuery(query);
  } catch (error) {
    expect(error).toBeInstanceOf(AppException);
    const e = error as AppException;
    return { status: e.status, code: e.code, details: e.details };
  }
  throw new Error(`expected ${query} to be refused`);
}

describe('parseSavedQuery', () => {
  it('accepts a search query and reads it as the search endpoint does', () => {
    const { dto, normalized } = parseSavedQuery(
      `q=食品&minArea=1000&utility=gas&utility=water&zoneId=${ZONE}&moveInReady=true&sort=rent_asc`,
    );
    expect(dto).toMatchObject({
      q: '食品',
      minArea: 1000,
      utility: ['gas', 'water'],
      zoneId: [ZONE],
      moveInReady: true,
      sort: 'rent_asc',
    });
    expect(new URLSearchParams(normalized).getAll('utility')).toEqual(['gas', 'water']);
    expect(new URLSearchParams(normalized).get('q')).toBe('食品');
  });

  it('takes a leading "?" and an empty query (everything on the market)', () => {
    expect(parseSavedQuery('?q=海峡').dto.q).toBe('海峡');
    expect(parseSavedQuery('').normalized).toBe('');
  });

  it('drops the paging keys (cursor and limit) from what it stores', () => {
    const { dto, normalized } = parseSavedQuery('q=海峡&limit=5&cursor=abc&sort=newest');
    expect(dto.limit).toBeUndefined();
    expect(dto.cursor).toBeUndefined();
    expect([...new URLSearchParams(normalized).keys()]).toEqual(['q', 'sort']);
    // …even when the values would not validate.
    expect(parseSavedQuery('limit=1000&cursor=!!!').normalized).toBe('');
  });

  it('refuses an unknown key, naming it', () => {
    expect(refusal('q=海峡&colour=red')).toEqual({
      status: 400,
      code: 'INVALID_SAVED_QUERY',
      details: [{ field: 'colour', code: 'unknown_field' }],
    });
  });

  it.each([
    ['minArea=big', 'minArea', 'not_a_number'],
    ['utility=steam', 'utility', 'invalid_choice'],
    ['zoneId=nope', 'zoneId', 'invalid_uuid'],
    ['sort=cheapest', 'sort', 'invalid_choice'],
    ['nearLat=91&nearLng=112', 'nearLat', 'out_of_range'],
    ['bbox=1,2,3', 'bbox', 'invalid_format'],
  ])('refuses a bad value: %s', (query, field, code) => {
    const r = refusal(query);
    expect(r).toMatchObject({ status: 400, code: 'INVALID_SAVED_QUERY' });
    expect(r.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
  });

  it.each([
    ['an inverted area range', 'minArea=2000&maxArea=1000', 'INVALID_RANGE'],
    ['a radius without a point', 'withinKm=5', 'NEAR_POINT_REQUIRED'],
    ['a box across the antimeridian', 'bbox=170,30,-170,40', 'INVALID_BBOX'],
  ])('refuses %s, saying why', (_, query, why) => {
    expect(refusal(query)).toMatchObject({
      status: 400,
      code: 'INVALID_SAVED_QUERY',
      details: { code: why, message: { 'zh-CN': expect.any(String), en: expect.any(String) } },
    });
  });
});
