/**
 * Keyset pagination of GET /units: walking every page visits each row exactly once, in the
 * database's own order for the sort, even while rows are inserted between page requests.
 */
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { createDossierTree, createUnit, type Dossier } from '../factories/dossier.factory';
import { UNIT_SORT_FIELDS } from '../../src/modules/units/units.repository';

type Json = Record<string, unknown>;

describe('units list pagination (integration)', () => {
  let t: TestApp;
  let tree: Dossier;
  let sequence = 0;

  /** A unit with deliberately repeated areas and dates, and some nulls in nullable sorts. */
  const addUnit = (n: number) => {
    sequence += 1;
    const vacant = n % 4 !== 0;
    return createUnit(t.inject, tree.building.id, {
      code: `P-${String(sequence).padStart(3, '0')}`,
      grossArea: [500, 1200.5, 3000][n % 3],
      usableArea: null,
      occupancyStatus: vacant ? 'vacant' : 'leased',
      vacantSince: vacant ? ['2023-01-15', '2024-06-01'][n % 2] : null,
      listRentFen: n % 5 === 0 ? null : [900, 1200][n % 2],
    });
  };

  beforeAll(async () => {
    t = await createTestApp({ as: 'super_admin' });
    tree = await createDossierTree(t.inject, { floors: 10 });
    const other = await createDossierTree(t.inject); // another zone, filtered out below
    await createUnit(t.inject, other.building.id);
    for (let n = 0; n < 23; n++) await addUnit(n);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The order PostgreSQL itself gives for a sort (nulls last both ways, id as tie-break). */
  async function databaseOrder(sort: string): Promise<string[]> {
    const descending = sort.startsWith('-');
    const field = UNIT_SORT_FIELDS[descending ? sort.slice(1) : sort];
    const direction = descending ? 'DESC' : 'ASC';
    const rows: { id: string }[] = await t.dataSource.query(
      `SELECT u.id FROM units u WHERE u.zone_id = $1 AND u.deleted_at IS NULL
        ORDER BY ${field.expr} ${direction} NULLS LAST, u.id ${direction}`,
      [tree.zone.id],
    );
    return rows.map((row) => row.id);
  }

  async function walk(
    sort: string,
    limit: number,
    between?: (page: number) => Promise<unknown>,
  ): Promise<{ ids: string[]; pages: Json[] }> {
    const ids: string[] = [];
    const pages: Json[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const query = new URLSearchParams({ zoneId: tree.zone.id, sort, limit: String(limit) });
      if (cursor) query.set('cursor', cursor);
      const res = await t.inject({ method: 'GET', url: `/api/v1/units?${query.toString()}` });
      expect(res.statusCode).toBe(200);
      const body = res.json() as Json;
      pages.push(body);
      ids.push(...(body.items as { id: string }[]).map((item) => item.id));
      cursor = body.nextCursor as string | null;
      if (!cursor) break;
      if (between) await between(page);
    }
    return { ids, pages };
  }

  const sorts = Object.keys(UNIT_SORT_FIELDS).flatMap((field) => [field, `-${field}`]);

  it.each(sorts)('sort=%s: every row exactly once, in database order', async (sort) => {
    const expected = await databaseOrder(sort);
    const { ids, pages } = await walk(sort, 4);
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages[0].total).toEqual({ value: expected.length, exact: true });
    expect((pages[pages.length - 1] as Json).nextCursor).toBeNull();
  });

  it.each(['code', '-grossArea', 'vacantSince', '-listRentFen', '-updatedAt'])(
    'sort=%s: rows inserted between pages do not cause repeats or skips',
    async (sort) => {
      const before = await databaseOrder(sort);
      let n = 100;
      const { ids } = await walk(sort, 5, async () => {
        n += 1;
        await addUnit(n);
      });
      // No repeats, and every row that existed at the start was visited once.
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of before) expect(ids.filter((x) => x === id)).toHaveLength(1);
      // Whatever was visited is in the database's final order.
      const after = await databaseOrder(sort);
      expect(ids).toEqual(after.filter((id) => ids.includes(id)));
    },
  );

  it('applies filters to items and total alike', async () => {
    const res = await t.inject({
      method: 'GET',
      url: `/api/v1/units?zoneId=${tree.zone.id}&occupancyStatus=leased&occupancyStatus=reserved&minArea=1000&limit=200`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Json[]; total: { value: number } };
    expect(body.items.length).toBeGreaterThan(0);
    expect(
      body.items.every((u) => u.occupancyStatus === 'leased' && (u.grossArea as number) >= 1000),
    ).toBe(true);
    expect(body.total.value).toBe(body.items.length);

    const search = await t.inject({
      method: 'GET',
      url: `/api/v1/units?zoneId=${tree.zone.id}&q=P-00&limit=200`,
    });
    expect((search.json().items as Json[]).every((u) => String(u.code).includes('P-00'))).toBe(
      true,
    );
    const wildcard = await t.inject({
      method: 'GET',
      url: `/api/v1/units?zoneId=${tree.zone.id}&q=%25`,
    });
    expect(wildcard.json().total.value).toBe(0);
  });

  it('filters on public listing', async () => {
    const [[unlisted]] = (await t.dataSource.query(
      `UPDATE units SET is_listed = false
       WHERE id = (SELECT id FROM units WHERE zone_id = $1 AND deleted_at IS NULL ORDER BY code LIMIT 1)
       RETURNING id`,
      [tree.zone.id],
    )) as [{ id: string }[], number];
    const ids = async (flag: string) =>
      (
        (
          await t.inject({
            method: 'GET',
            url: `/api/v1/units?zoneId=${tree.zone.id}&isListed=${flag}&limit=200`,
          })
        ).json().items as Json[]
      ).map((u) => u.id);
    expect(await ids('false')).toEqual([unlisted.id]);
    const listed = await ids('true');
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).not.toContain(unlisted.id);
    await t.dataSource.query('UPDATE units SET is_listed = true WHERE id = $1', [unlisted.id]);
  });

  it.each([
    ['a tampered cursor', 'cursor=eyJzIjoiY29kZSIsImsiOlsiJyBPUiAxPTEiXX0'],
    ['garbage', 'cursor=!!!'],
    ['a cursor from another sort', 'sort=-code&cursor=__CODE_CURSOR__'],
  ])('refuses %s with 400 INVALID_CURSOR', async (_, query) => {
    const first = await t.inject({
      method: 'GET',
      url: `/api/v1/units?zoneId=${tree.zone.id}&sort=code&limit=2`,
    });
    const codeCursor = first.json().nextCursor as string;
    const res = await t.inject({
      method: 'GET',
      url: `/api/v1/units?${query.replace('__CODE_CURSOR__', codeCursor)}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('INVALID_CURSOR');
  });

  it.each([
    ['limit=0', 'limit', 'out_of_range'],
    ['limit=201', 'limit', 'out_of_range'],
    ['limit=abc', 'limit', 'not_integer'],
    ['sort=name', 'sort', 'invalid_choice'],
    ['sort=code;DROP TABLE units', 'sort', 'invalid_choice'],
    ['unitClass=best', 'unitClass', 'invalid_choice'],
    ['zoneId=nope', 'zoneId', 'invalid_uuid'],
    ['minArea=big', 'minArea', 'not_a_number'],
    ['isListed=maybe', 'isListed', 'not_boolean'],
    ['colour=red', 'colour', 'unknown_field'],
  ])('refuses ?%s with 400 on %s', async (query, field, code) => {
    const res = await t.inject({ method: 'GET', url: `/api/v1/units?${query}` });
    expect(res.statusCode).toBe(400);
    expect(
      (res.json().details as { field: string; code: string }[]).map((d) => [d.field, d.code]),
    ).toContainEqual([field, code]);
  });

  it('defaults to 50 items', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/units' });
    expect((res.json().items as Json[]).length).toBeLessThanOrEqual(50);
  });
});
