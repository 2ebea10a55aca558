/**
 * Idempotency-Key (issue #6) on a real PostgreSQL, through its first user, saving a quote
 * (`POST /api/v1/firms/me/quotes`): a retry replays the first response and creates nothing
 * twice, concurrent retries settle on one quote, the same key with another request is refused,
 * refusals (4xx) are replayed, failures (5xx) release the key, keys are per user and expire
 * after 24 hours, malformed keys are refused, and without the header nothing changes.
 */
import { todayInChina } from '@factoryspace/domain';
import { createDossierTree, createUnit } from '../factories/dossier.factory';
import { publishedPolicy } from '../factories/pricing.factory';
import { createTestApp, type TestApp } from '../utils/create-test-app';

type Json = Record<string, unknown>;
type Inject = TestApp['inject'];
type Firm = Awaited<ReturnType<TestApp['signIn']>>;

const QUOTES_URL = '/api/v1/firms/me/quotes';
const MISSING_UNIT = '00000000-0000-4000-8000-000000000000';
const LEADING = { leadingIndustry: true, highTech: false, specialisedLevel: null };

let keySequence = 0;
const newKey = () => `test-key-${Date.now()}-${(keySequence += 1)}`;

describe('Idempotency-Key (integration)', () => {
  let t: TestApp;
  let unitId: string;

  const quoteBody = (overrides: Json = {}): Json => ({
    unitId,
    termMonths: 36,
    startDate: todayInChina(),
    profile: LEADING,
    ...overrides,
  });
  const save = (
    inject: Inject,
    body: Json,
    key?: string,
    extra: { url?: string; headers?: Record<string, string> } = {},
  ) =>
    inject({
      method: 'POST',
      url: extra.url ?? QUOTES_URL,
      payload: body,
      headers: { ...(key === undefined ? {} : { 'idempotency-key': key }), ...extra.headers },
    });
  const quoteCount = async (firm: Firm): Promise<number> => {
    const rows: { n: number }[] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM quotes WHERE firm_id = $1',
      [firm.firmId],
    );
    return rows[0].n;
  };
  const keyRows = (userId: string) =>
    t.dataSource.query<{ key: string; status: string; response_status: number | null }[]>(
      'SELECT key, status, response_status FROM idempotency_keys WHERE user_id = $1 ORDER BY key',
      [userId],
    );
  const newFirm = () => t.signIn({ role: 'firm' });
  /** Runs `fn` with a trigger doing `action` (PL/pgSQL) before each insert of the firm's quotes. */
  const withQuoteTrigger = async (firm: Firm, action: string, fn: () => Promise<void>) => {
    await t.dataSource.query(`
      CREATE FUNCTION test_quote_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${action}; RETURN NEW; END $$`);
    await t.dataSource.query(
      `CREATE TRIGGER test_quote_trigger BEFORE INSERT ON quotes
         FOR EACH ROW WHEN (NEW.firm_id = '${firm.firmId}') EXECUTE FUNCTION test_quote_trigger()`,
    );
    try {
      await fn();
    } finally {
      await t.dataSource.query('DROP TRIGGER test_quote_trigger ON quotes');
      await t.dataSource.query('DROP FUNCTION test_quote_trigger()');
    }
  };

  beforeAll(async () => {
    t = await createTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    const superAdmin = (await t.signIn({ role: 'super_admin' })).inject;
    const tree = await createDossierTree(superAdmin, { floors: 5 });
    const unit = await createUnit(superAdmin, tree.building.id, {
      grossArea: 12_000,
      usableArea: 11_000,
      floorFrom: 4,
      floorTo: 4,
      listRentFen: 1500,
    });
    unitId = unit.id as string;
    const admin = (await t.signIn({ role: 'zone_admin', zoneId: tree.zone.id })).inject;
    await publishedPolicy(admin, tree.zone.id, { name: '幂等测试政策' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('replays the first response to a retry with the same key and body, saving one quote', async () => {
    const firm = await newFirm();
    const key = newKey();
    const first = await save(firm.inject, quoteBody(), key);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    // The same body with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(quoteBody()).reverse());
    const retry = await save(firm.inject, reordered, key);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['content-type']).toMatch(/^application\/json/);
    expect(retry.body).toBe(first.body); // byte for byte
    expect(retry.json().id).toBe(first.json().id);

    expect(await quoteCount(firm)).toBe(1);
    expect(await keyRows(firm.userId)).toEqual([{ key, status: 'done', response_status: 201 }]);
  });

  it('settles 10 concurrent requests with one key on one quote: the same success or 409, never 5xx', async () => {
    const firm = await newFirm();
    const key = newKey();
    let responses: Awaited<ReturnType<Inject>>[] = [];
    // Saving takes half a second, so the other requests arrive while the first one runs.
    await withQuoteTrigger(firm, 'PERFORM pg_sleep(0.5)', async () => {
      responses = await Promise.all(
        Array.from({ length: 10 }, () => save(firm.inject, quoteBody(), key)),
      );
    });

    expect(responses.map((r) => r.statusCode).every((s) => s < 500)).toBe(true);
    const successes = responses.filter((r) => r.statusCode === 201);
    const busy = responses.filter((r) => r.statusCode !== 201);
    expect(successes.length).toBeGreaterThanOrEqual(1);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(new Set(successes.map((r) => r.body)).size).toBe(1);
    for (const r of busy) {
      expect({ status: r.statusCode, code: r.json().code }).toEqual({
        status: 409,
        code: 'IDEMPOTENCY_KEY_IN_PROGRESS',
      });
      expect(r.headers['retry-after']).toBe('1');
    }
    expect(await quoteCount(firm)).toBe(1);

    // Once settled, a late retry replays the same success.
    const late = await save(firm.inject, quoteBody(), key);
    expect(late.statusCode).toBe(201);
    expect(late.body).toBe(successes[0].body);
    expect(await quoteCount(firm)).toBe(1);
  });

  it('answers 409 IDEMPOTENCY_KEY_IN_PROGRESS while the first request is still running', async () => {
    const firm = await newFirm();
    const key = newKey();
    const first = await save(firm.inject, quoteBody(), key);
    // As if the first request were still running: its claim is pending.
    await t.dataSource.query(
      `UPDATE idempotency_keys SET status = 'pending', response_status = NULL, response_body = NULL
        WHERE user_id = $1 AND key = $2`,
      [firm.userId, key],
    );
    const busy = await save(firm.inject, quoteBody(), key, {
      headers: { 'accept-language': 'en' },
    });
    expect(busy.statusCode).toBe(409);
    expect(busy.headers['retry-after']).toBe('1');
    expect(busy.json()).toEqual({
      code: 'IDEMPOTENCY_KEY_IN_PROGRESS',
      message:
        'A request with this Idempotency-Key is still being processed; retry later with the same key',
    });
    expect(first.statusCode).toBe(201);
    expect(await quoteCount(firm)).toBe(1);
  });

  it('refuses the key for a different body or path with 422 IDEMPOTENCY_KEY_REUSED, creating nothing', async () => {
    const firm = await newFirm();
    const key = newKey();
    expect((await save(firm.inject, quoteBody(), key)).statusCode).toBe(201);

    const otherBody = await save(firm.inject, quoteBody({ termMonths: 24 }), key, {
      headers: { 'accept-language': 'en' },
    });
    expect(otherBody.statusCode).toBe(422);
    expect(otherBody.headers['idempotent-replayed']).toBeUndefined();
    expect(otherBody.json()).toEqual({
      code: 'IDEMPOTENCY_KEY_REUSED',
      message:
        'This Idempotency-Key was used for a different request; use a new key for a new request',
    });

    const otherPath = await save(firm.inject, quoteBody(), key, {
      url: `${QUOTES_URL}?copy=1`,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(otherPath.statusCode).toBe(422);
    expect(otherPath.json()).toEqual({
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: '该 Idempotency-Key 已用于另一个请求；新的请求请使用新的键',
    });
    expect(await quoteCount(firm)).toBe(1);
  });

  it('replays a refusal (404 for an unknown unit, 400 for an invalid body) to its retry', async () => {
    const firm = await newFirm();
    const key = newKey();
    const refused = await save(firm.inject, quoteBody({ unitId: MISSING_UNIT }), key);
    expect({ status: refused.statusCode, code: refused.json().code }).toEqual({
      status: 404,
      code: 'UNIT_NOT_FOUND',
    });
    const retry = await save(firm.inject, quoteBody({ unitId: MISSING_UNIT }), key);
    expect(retry.statusCode).toBe(404);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toBe(refused.body);

    const invalidKey = newKey();
    const invalid = await save(firm.inject, quoteBody({ termMonths: 'many' }), invalidKey);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().code).toBe('VALIDATION_FAILED');
    const invalidRetry = await save(firm.inject, quoteBody({ termMonths: 'many' }), invalidKey);
    expect(invalidRetry.statusCode).toBe(400);
    expect(invalidRetry.headers['idempotent-replayed']).toBe('true');
    expect(invalidRetry.body).toBe(invalid.body);

    expect(await quoteCount(firm)).toBe(0);
  });

  it('releases the key after a 5xx, so a retry runs again and succeeds', async () => {
    const firm = await newFirm();
    const key = newKey();
    // A failure the API does not expect (an unmapped SQLSTATE) while saving this firm's quote.
    await withQuoteTrigger(
      firm,
      `RAISE EXCEPTION 'simulated failure' USING ERRCODE = 'XX001'`,
      async () => {
        const failed = await save(firm.inject, quoteBody(), key);
        expect({ status: failed.statusCode, code: failed.json().code }).toEqual({
          status: 500,
          code: 'INTERNAL_ERROR',
        });
        expect(await keyRows(firm.userId)).toEqual([]);
      },
    );

    const retry = await save(firm.inject, quoteBody(), key);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await quoteCount(firm)).toBe(1);
  });

  it('scopes keys to the user: the same key of two users (even of one firm) are two requests', async () => {
    const a = await newFirm();
    const b = await t.signIn({ role: 'firm', firmId: a.firmId!, firmRole: 'member' });
    const c = await newFirm();
    const key = newKey();
    const fromA = await save(a.inject, quoteBody(), key);
    const fromB = await save(b.inject, quoteBody(), key);
    const fromC = await save(c.inject, quoteBody({ termMonths: 24 }), key);
    for (const res of [fromA, fromB, fromC]) {
      expect(res.statusCode).toBe(201);
      expect(res.headers['idempotent-replayed']).toBeUndefined();
    }
    expect(new Set([fromA.json().id, fromB.json().id, fromC.json().id]).size).toBe(3);
    expect(await quoteCount(a)).toBe(2);
    expect(await quoteCount(c)).toBe(1);
  });

  it('forgets a key after 24 hours: the next request with it runs as new', async () => {
    const firm = await newFirm();
    const key = newKey();
    const first = await save(firm.inject, quoteBody(), key);
    await t.dataSource.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '24 hours 1 minute'
        WHERE user_id = $1 AND key = $2`,
      [firm.userId, key],
    );
    // Even with another body: the expired key is bound to nothing.
    const again = await save(firm.inject, quoteBody({ termMonths: 24 }), key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(again.json().id).not.toBe(first.json().id);
    expect(await quoteCount(firm)).toBe(2);

    const replay = await save(firm.inject, quoteBody({ termMonths: 24 }), key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(again.json().id);
  });

  it.each([
    ['empty', ''],
    ['201 characters', 'k'.repeat(201)],
    ['non-ASCII', 'clé-1'],
    ['with a space', 'two words'],
  ])(
    'refuses a malformed key (%s) with 400 IDEMPOTENCY_KEY_INVALID before anything runs',
    async (_name, key) => {
      const firm = await newFirm();
      const res = await save(firm.inject, quoteBody(), key, {
        headers: { 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        code: 'IDEMPOTENCY_KEY_INVALID',
        message:
          'The Idempotency-Key header is invalid: use 1–200 visible ASCII characters (no spaces)',
      });
      expect(await quoteCount(firm)).toBe(0);
      expect(await keyRows(firm.userId)).toEqual([]);
    },
  );

  it('accepts a key of exactly 200 characters', async () => {
    const firm = await newFirm();
    const key = `${newKey()}-`.padEnd(200, 'x');
    expect((await save(firm.inject, quoteBody(), key)).statusCode).toBe(201);
    expect((await save(firm.inject, quoteBody(), key)).headers['idempotent-replayed']).toBe('true');
    expect(await quoteCount(firm)).toBe(1);
  });

  it('without the header behaves as before: two requests, two quotes', async () => {
    const firm = await newFirm();
    const first = await save(firm.inject, quoteBody());
    const second = await save(firm.inject, quoteBody());
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.json().id).not.toBe(first.json().id);
    expect(await quoteCount(firm)).toBe(2);
    expect(await keyRows(firm.userId)).toEqual([]);
  });

  it('still refuses a visitor before looking at the key (401), storing nothing', async () => {
    const res = await save(t.anonymous, quoteBody(), newKey());
    expect(res.statusCode).toBe(401);
    const rows: { n: number }[] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM idempotency_keys WHERE response_status = 401',
    );
    expect(rows[0].n).toBe(0);
  });
});
