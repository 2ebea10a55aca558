/**
 * Applications and leases (issue #6) at the database level, with plain SQL that bypasses the app:
 * the exclusion constraint `leases_no_overlap` (also under 50 concurrent writers), every CHECK,
 * the foreign-key rules, the idempotency key, and entities that describe the migrated schema
 * exactly.
 */
import { computeQuote } from '@factoryspace/domain';
import { Pool, type PoolClient } from 'pg';
import { randomUUID } from 'node:crypto';
import { GAOPING_POLICY_RULES } from '../../src/database/seeds/pricing';
import { APPLICATION_REQUESTED_PERIOD_SQL } from '../../src/modules/leasing/entities/application.entity';
import { createUnit } from '../factories/dossier.factory';
import {
  LEASE_STATUS_COLUMNS,
  applicationValues,
  createLeasingFixture,
  insertRow,
  leaseValues,
  pgFailure,
  refusal,
  type LeasingFixture,
  type PgFailure,
  type Queryable,
} from '../factories/leasing.factory';
import { insertFirm } from '../utils/sign-in';
import { createTestApp, type TestApp } from '../utils/create-test-app';

type Row = Record<string, unknown>;

const OVERLAP: PgFailure = { code: '23P01', constraint: 'leases_no_overlap' };
const BLOCKING_STATUSES = ['draft', 'signed', 'active', 'expired', 'terminated'] as const;

/** Pairs of non-cancelled leases of the same unit whose periods overlap (must always be 0). */
const OVERLAPPING_PAIRS_SQL = `
  SELECT count(*)::int AS n
    FROM leases a
    JOIN leases b ON b.unit_id = a.unit_id AND a.id < b.id AND a.period && b.period
   WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'`;

/**
 * ON DELETE RESTRICT: PostgreSQL 18 (the embedded server) reports restrict_violation 23001,
 * earlier servers (CI's second run) foreign_key_violation 23503.
 */
const RESTRICTED = expect.stringMatching(/^(23001|23503)$/);

describe('leasing constraints (integration, direct SQL)', () => {
  let t: TestApp;
  let f: LeasingFixture;
  let userId: string;

  const db = (): Queryable => t.dataSource;
  const insertLease = (overrides: Row = {}, q: Queryable = db()) =>
    insertRow(q, 'leases', leaseValues(f, overrides));
  const insertApplication = (overrides: Row = {}) =>
    insertRow(db(), 'applications', applicationValues(f, overrides));
  const leasesOf = async (unitId: string): Promise<{ period: string; status: string }[]> =>
    t.dataSource.query(
      `SELECT period::text AS period, status FROM leases WHERE unit_id = $1 ORDER BY lower(period)`,
      [unitId],
    );
  const overlappingPairs = async (): Promise<number> =>
    ((await t.dataSource.query(OVERLAPPING_PAIRS_SQL)) as { n: number }[])[0].n;

  beforeAll(async () => {
    t = await createTestApp({ as: 'super_admin' });
    f = await createLeasingFixture(t.dataSource, t.inject, 3);
    userId = t.session!.userId;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('leases_no_overlap', () => {
    beforeEach(async () => {
      await t.dataSource.query('DELETE FROM leases');
    });

    it.each(BLOCKING_STATUSES)(
      'a %s lease blocks any overlapping lease of the same unit',
      async (status) => {
        await insertLease({ status, ...LEASE_STATUS_COLUMNS[status] });
        // Overlapping by one day at either end, inside, and around.
        for (const period of [
          '[2026-06-01,2027-01-02)',
          '[2027-12-31,2028-06-01)',
          '[2027-03-01,2027-04-01)',
          '[2026-01-01,2029-01-01)',
        ]) {
          expect(await refusal(insertLease({ period }))).toEqual(OVERLAP);
        }
        expect(await leasesOf(f.unitIds[0])).toEqual([
          { period: '[2027-01-01,2028-01-01)', status },
        ]);
      },
    );

    it.each(BLOCKING_STATUSES)('an overlapping lease is refused in status %s', async (status) => {
      await insertLease();
      expect(
        await refusal(
          insertLease({
            status,
            ...LEASE_STATUS_COLUMNS[status],
            period: '[2027-06-01,2028-06-01)',
          }),
        ),
      ).toEqual(OVERLAP);
    });

    it('allows adjacent periods (the end is exclusive)', async () => {
      await insertLease({ period: '[2027-01-01,2028-01-01)' });
      await insertLease({ period: '[2028-01-01,2029-01-01)' });
      await insertLease({ period: '[2026-01-01,2027-01-01)' });
      expect((await leasesOf(f.unitIds[0])).map((l) => l.period)).toEqual([
        '[2026-01-01,2027-01-01)',
        '[2027-01-01,2028-01-01)',
        '[2028-01-01,2029-01-01)',
      ]);
    });

    it('leaves another unit unaffected', async () => {
      await insertLease({ status: 'active', ...LEASE_STATUS_COLUMNS.active });
      await insertLease({ unit_id: f.unitIds[1] });
      expect(await leasesOf(f.unitIds[1])).toEqual([
        { period: '[2027-01-01,2028-01-01)', status: 'draft' },
      ]);
    });

    it('ignores cancelled leases, and refuses reviving one over a live lease', async () => {
      const cancelled = await insertLease({ status: 'cancelled' });
      await insertLease({ status: 'cancelled', period: '[2027-06-01,2028-06-01)' });
      const live = await insertLease({ period: '[2027-03-01,2028-03-01)' });
      expect(
        await refusal(
          t.dataSource.query(`UPDATE leases SET status = 'draft' WHERE id = $1`, [cancelled.id]),
        ),
      ).toEqual(OVERLAP);
      // Cancelling the live lease frees the unit for the other one.
      await t.dataSource.query(`UPDATE leases SET status = 'cancelled' WHERE id = $1`, [live.id]);
      await t.dataSource.query(`UPDATE leases SET status = 'draft' WHERE id = $1`, [cancelled.id]);
      expect(await overlappingPairs()).toBe(0);
    });

    it('refuses stretching a lease over the next one', async () => {
      const first = await insertLease({ period: '[2027-01-01,2028-01-01)' });
      await insertLease({ period: '[2028-01-01,2029-01-01)' });
      expect(
        await refusal(
          t.dataSource.query(
            `UPDATE leases SET period = daterange('2027-01-01', '2028-02-01') WHERE id = $1`,
            [first.id],
          ),
        ),
      ).toEqual(OVERLAP);
    });

    it('frees the rest of the term once a terminated lease is cut at its move-out date', async () => {
      const lease = await insertLease({
        ...LEASE_STATUS_COLUMNS.active,
        status: 'active',
        period: '[2027-01-01,2030-01-01)',
        term_months: 36,
      });
      const next = { period: '[2028-07-01,2030-01-01)', term_months: 18 };
      expect(await refusal(insertLease(next))).toEqual(OVERLAP);

      // The status alone frees nothing: the period still covers the whole original term.
      await t.dataSource.query(
        `UPDATE leases SET status = 'terminated', moved_out_on = '2028-07-01', end_reason = '企业迁出'
          WHERE id = $1`,
        [lease.id],
      );
      expect(await refusal(insertLease(next))).toEqual(OVERLAP);

      // The cut: [start, move-out). The move-out day itself is free.
      await t.dataSource.query(
        `UPDATE leases SET period = daterange(lower(period), moved_out_on) WHERE id = $1`,
        [lease.id],
      );
      expect(await refusal(insertLease({ period: '[2028-06-30,2029-01-01)' }))).toEqual(OVERLAP);
      await insertLease(next);
      expect(await leasesOf(f.unitIds[0])).toEqual([
        { period: '[2027-01-01,2028-07-01)', status: 'terminated' },
        { period: '[2028-07-01,2030-01-01)', status: 'draft' },
      ]);
    });

    it('refuses a cut on the first day (an empty period); such a lease is cancelled instead', async () => {
      const lease = await insertLease({ ...LEASE_STATUS_COLUMNS.signed, status: 'signed' });
      expect(
        await refusal(
          t.dataSource.query(
            `UPDATE leases SET period = daterange(lower(period), lower(period)) WHERE id = $1`,
            [lease.id],
          ),
        ),
      ).toEqual({ code: '23514', constraint: 'leases_period_ck' });
    });
  });

  describe('50 concurrent overlapping inserts of one unit', () => {
    const WRITERS = 50;
    let pool: Pool;

    beforeAll(() => {
      pool = new Pool({ connectionString: t.databaseUrl, max: WRITERS });
    });
    afterAll(async () => {
      await pool.end();
    });

    /** Every writer's lease overlaps every other's: periods shifted by i days within one year. */
    function racingLease(unitId: string, i: number): Row {
      const status = (['draft', 'signed', 'active'] as const)[i % 3];
      const day = (n: number) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10);
      return leaseValues(f, {
        unit_id: unitId,
        status,
        ...LEASE_STATUS_COLUMNS[status],
        period: `[${day(i)},${day(i + 365)})`,
      });
    }

    /**
     * A new unit, then 50 pooled connections each with its transaction open (so all 50 race),
     * each inserting an overlapping lease of it and committing. `prelude` runs first in every
     * transaction. Returns the unit and the error of every writer whose lease was refused.
     */
    async function race(prelude: (client: PoolClient, unitId: string) => Promise<unknown>) {
      const unitId = (await createUnit(t.inject, f.buildingId)).id;
      const clients = await Promise.all(Array.from({ length: WRITERS }, () => pool.connect()));
      try {
        await Promise.all(clients.map((c) => c.query('BEGIN')));
        const outcomes = await Promise.all(
          clients.map(async (client, i): Promise<PgFailure | null> => {
            try {
              await prelude(client, unitId);
              await insertRow(client, 'leases', racingLease(unitId, i));
              await client.query('COMMIT');
              return null;
            } catch (error) {
              await client.query('ROLLBACK');
              return pgFailure(error);
            }
          }),
        );
        return { unitId, failures: outcomes.filter((o): o is PgFailure => o !== null) };
      } finally {
        for (const client of clients) client.release();
      }
    }

    it.each([1, 2, 3])(
      'round %i, each writer locking the unit row first (the service pattern): one lease, 49 × 23P01',
      async () => {
        const { unitId, failures } = await race((client, id) =>
          client.query('SELECT 1 FROM units WHERE id = $1 FOR NO KEY UPDATE', [id]),
        );
        expect(failures).toEqual(Array.from({ length: WRITERS - 1 }, () => OVERLAP));
        expect(await leasesOf(unitId)).toHaveLength(1);
        expect(await overlappingPairs()).toBe(0);
      },
    );

    /**
     * Without the lock, two writers inserting at the same instant can each wait for the other's
     * uncommitted row: PostgreSQL aborts one with 40P01 (deadlock_detected) after
     * deadlock_timeout (1 s), and with 50 writers such waits can chain for tens of seconds.
     * `lock_timeout` bounds the test; a writer that gives up fails with 55P03. Whatever happens,
     * no two overlapping leases are ever committed.
     */
    it.each([1, 2, 3])(
      'round %i, bare inserts with no lock: never two overlapping leases, every loser refused',
      async () => {
        const { unitId, failures } = await race((client) =>
          client.query(`SET LOCAL lock_timeout = '500ms'`),
        );
        const inserted = await leasesOf(unitId);
        expect(inserted.length).toBeLessThanOrEqual(1);
        expect(failures).toHaveLength(WRITERS - inserted.length);
        // 23P01 on leases_no_overlap, or a writer aborted while waiting (40P01, 55P03).
        const reasons = failures.map((e) => (e.code === '23P01' ? e.constraint : e.code));
        expect(
          reasons.filter((r) => !['leases_no_overlap', '40P01', '55P03'].includes(r!)),
        ).toEqual([]);
        expect(await overlappingPairs()).toBe(0);
      },
    );
  });

  describe('CHECK constraints', () => {
    beforeEach(async () => {
      await t.dataSource.query('DELETE FROM leases');
      await t.dataSource.query('DELETE FROM applications');
    });

    it('accepts a valid row of every table (the control)', async () => {
      const application = await insertApplication();
      await insertRow(db(), 'application_alternatives', {
        application_id: application.id,
        rank: 1,
        unit_id: f.unitIds[1],
      });
      await insertLease({ application_id: application.id });
      await insertRow(db(), 'leasing_events', {
        subject_type: 'application',
        subject_id: application.id,
        event: 'submit',
        from_status: 'draft',
        to_status: 'submitted',
        actor_id: userId,
        actor_role: 'firm',
      });
      await insertRow(db(), 'idempotency_keys', idempotencyValues());
      await t.dataSource.query('DELETE FROM idempotency_keys');
    });

    const LONG = 'x'.repeat(2001);
    const LEASE_CASES: [string, Row, string][] = [
      ['an unknown status', { status: 'pending' }, 'leases_status_ck'],
      ['an empty period', { period: 'empty' }, 'leases_period_ck'],
      ['a period without an end', { period: '[2027-01-01,)' }, 'leases_period_ck'],
      ['a period without a start', { period: '(,2028-01-01)' }, 'leases_period_ck'],
      ['term 0', { term_months: 0 }, 'leases_term_ck'],
      ['term 241', { term_months: 241 }, 'leases_term_ck'],
      ['a schedule that is not an array', { monthly_rent_schedule: {} }, 'leases_schedule_ck'],
      ['a negative total', { total_due_fen: -1 }, 'leases_total_due_ck'],
      ['a negative deposit', { deposit_fen: -1 }, 'leases_deposit_ck'],
      ['a signed lease without signed_on', { status: 'signed' }, 'leases_signed_on_ck'],
      [
        'an active lease without moved_in_on',
        { status: 'active', signed_on: '2026-12-01' },
        'leases_moved_in_ck',
      ],
      [
        'an expired lease without moved_out_on',
        { ...LEASE_STATUS_COLUMNS.expired, status: 'expired', moved_out_on: null },
        'leases_moved_out_ck',
      ],
      [
        'a terminated lease without end_reason',
        { ...LEASE_STATUS_COLUMNS.terminated, status: 'terminated', end_reason: null },
        'leases_end_reason_ck',
      ],
      [
        'a terminated lease with a blank end_reason',
        { ...LEASE_STATUS_COLUMNS.terminated, status: 'terminated', end_reason: '  ' },
        'leases_end_reason_ck',
      ],
      ['an end reason of 2,001 characters', { end_reason: LONG }, 'leases_end_reason_ck'],
      [
        'a move-out before the move-in',
        { moved_in_on: '2027-01-01', moved_out_on: '2026-12-31' },
        'leases_move_dates_ck',
      ],
      ['a move-out without a move-in', { moved_out_on: '2027-06-01' }, 'leases_move_dates_ck'],
      ['an empty contract file name', { contract_file: '' }, 'leases_contract_file_ck'],
      ['version 0', { version: 0 }, 'leases_version_ck'],
    ];
    it.each(LEASE_CASES)('leases refuse %s', async (_, overrides, constraint) => {
      expect(await refusal(insertLease(overrides))).toEqual({ code: '23514', constraint });
    });

    it('leases refuse a lease renewed from itself', async () => {
      const id = randomUUID();
      expect(await refusal(insertLease({ id, renewed_from_id: id }))).toEqual({
        code: '23514',
        constraint: 'leases_renewed_from_ck',
      });
    });

    const APPLICATION_CASES: [string, Row, string][] = [
      ['an unknown status', { status: 'pending' }, 'applications_status_ck'],
      ['a blank intended use', { intended_use: '   ' }, 'applications_intended_use_ck'],
      [
        'an intended use of 501 characters',
        { intended_use: 'x'.repeat(501) },
        'applications_intended_use_ck',
      ],
      ['an empty industry', { industry: '' }, 'applications_industry_ck'],
      ['a negative headcount', { headcount: -1 }, 'applications_headcount_ck'],
      ['a negative power', { power_kva: -0.01 }, 'applications_power_ck'],
      ['a negative floor load', { floor_load_kn_m2: -1 }, 'applications_floor_load_ck'],
      ['needs that are not an object', { needs: ['water'] }, 'applications_needs_ck'],
      [
        'term 0',
        // daterange(d, d + 0 months) is empty: only the term CHECK fails.
        { term_months: 0, requested_period: 'empty' },
        'applications_term_ck',
      ],
      [
        'term 241',
        { term_months: 241, requested_period: '[2027-01-01,2047-02-01)' },
        'applications_term_ck',
      ],
      [
        'a requested period shorter than the term',
        { requested_period: '[2027-01-01,2027-12-31)' },
        'applications_requested_period_ck',
      ],
      [
        'a requested period not starting on the move-in date',
        { requested_period: '[2027-01-02,2028-01-01)' },
        'applications_requested_period_ck',
      ],
      [
        'a submitted application without submitted_at',
        { status: 'submitted' },
        'applications_submitted_ck',
      ],
      [
        'an approved application without decided_at',
        { status: 'approved', submitted_at: '2026-12-01T02:00:00Z' },
        'applications_decided_ck',
      ],
      [
        'a decision reason of 2,001 characters',
        { decision_reason: LONG },
        'applications_decision_reason_ck',
      ],
      ['version 0', { version: 0 }, 'applications_version_ck'],
    ];
    it.each(APPLICATION_CASES)('applications refuse %s', async (_, overrides, constraint) => {
      expect(await refusal(insertApplication(overrides))).toEqual({ code: '23514', constraint });
    });

    it('holds requested_period to [move-in, move-in + term months), month ends clamped', async () => {
      for (const [moveIn, term, end] of [
        ['2027-01-31', 1, '2027-02-28'],
        ['2028-01-31', 1, '2028-02-29'],
        ['2027-03-31', 11, '2028-02-29'],
        ['2027-01-15', 240, '2047-01-15'],
      ] as const) {
        await insertApplication({
          term_months: term,
          desired_move_in: moveIn,
          requested_period: `[${moveIn},${end})`,
        });
      }
      // The exported SQL computes the same value from the row's own columns.
      const rows: { ok: boolean }[] = await t.dataSource.query(
        `SELECT requested_period = ${APPLICATION_REQUESTED_PERIOD_SQL} AS ok FROM applications`,
      );
      expect(rows.map((r) => r.ok)).toEqual([true, true, true, true]);
    });

    it('counts months like the rent engine: month i starts move-in + (i − 1) months', async () => {
      const startDate = '2027-01-31';
      const quote = computeQuote({
        unit: { listRentFenPerM2: 1200, areaM2: 3000, floor: 1 },
        rules: GAOPING_POLICY_RULES,
        profile: { leadingIndustry: false, highTech: false, specialisedLevel: null },
        termMonths: 36,
        startDate,
      });
      const rows: { start: string }[] = await t.dataSource.query(
        `SELECT (($1::date + make_interval(months => g))::date)::text AS start
           FROM generate_series(0, 35) AS g ORDER BY g`,
        [startDate],
      );
      expect(rows.map((r) => r.start)).toEqual(quote.lines.map((l) => l.periodStart));
    });

    it.each([
      ['rank 0', { rank: 0 }, 'application_alternatives_rank_ck'],
      ['rank 6', { rank: 6 }, 'application_alternatives_rank_ck'],
    ])('application_alternatives refuse %s', async (_, overrides, constraint) => {
      const application = await insertApplication();
      expect(
        await refusal(
          insertRow(db(), 'application_alternatives', {
            application_id: application.id,
            unit_id: f.unitIds[1],
            ...overrides,
          }),
        ),
      ).toEqual({ code: '23514', constraint });
    });

    it.each([
      ['an unknown subject type', { subject_type: 'unit' }, 'leasing_events_subject_type_ck'],
      ['an event that is not a code', { event: 'Submit!' }, 'leasing_events_event_ck'],
      ['an unknown actor role', { actor_role: 'admin' }, 'leasing_events_actor_role_ck'],
      ['details that are not an object', { details: [] }, 'leasing_events_details_ck'],
      ['a reason of 2,001 characters', { reason: LONG }, 'leasing_events_reason_ck'],
    ])('leasing_events refuse %s', async (_, overrides, constraint) => {
      expect(
        await refusal(
          insertRow(db(), 'leasing_events', {
            subject_type: 'lease',
            subject_id: randomUUID(),
            event: 'sign',
            from_status: 'draft',
            to_status: 'signed',
            ...overrides,
          }),
        ),
      ).toEqual({ code: '23514', constraint });
    });

    function idempotencyValues(overrides: Row = {}): Row {
      return {
        user_id: userId,
        key: randomUUID(),
        method: 'POST',
        path: '/api/v1/applications',
        request_hash: 'sha256:0f1e2d',
        ...overrides,
      };
    }

    it.each([
      ['an empty key', { key: '' }, 'idempotency_keys_key_ck'],
      ['a key of 201 characters', { key: 'k'.repeat(201) }, 'idempotency_keys_key_ck'],
      ['a safe method', { method: 'GET' }, 'idempotency_keys_method_ck'],
      ['an empty path', { path: '' }, 'idempotency_keys_path_ck'],
      ['an empty request hash', { request_hash: '' }, 'idempotency_keys_request_hash_ck'],
      ['an unknown status', { status: 'failed' }, 'idempotency_keys_status_ck'],
      ['done without a response status', { status: 'done' }, 'idempotency_keys_response_ck'],
      ['a response status while pending', { response_status: 201 }, 'idempotency_keys_response_ck'],
      [
        'a response status out of range',
        { status: 'done', response_status: 99 },
        'idempotency_keys_response_ck',
      ],
    ])('idempotency_keys refuse %s', async (_, overrides, constraint) => {
      expect(
        await refusal(insertRow(db(), 'idempotency_keys', idempotencyValues(overrides))),
      ).toEqual({ code: '23514', constraint });
    });
  });

  describe('keys and references', () => {
    beforeEach(async () => {
      await t.dataSource.query('DELETE FROM leases');
      await t.dataSource.query('DELETE FROM applications');
    });

    it('refuses a second (user, key) in idempotency_keys, for the same user only', async () => {
      const values = {
        user_id: userId,
        key: 'order-42',
        method: 'POST',
        path: '/api/v1/applications',
        request_hash: 'sha256:aa',
      };
      await insertRow(db(), 'idempotency_keys', values);
      expect(
        await refusal(
          insertRow(db(), 'idempotency_keys', { ...values, request_hash: 'sha256:bb' }),
        ),
      ).toEqual({ code: '23505', constraint: 'idempotency_keys_pk' });
      const other = await t.signIn({ role: 'firm' });
      await insertRow(db(), 'idempotency_keys', { ...values, user_id: other.userId });
      // Removing a user removes their keys.
      await t.dataSource.query('DELETE FROM sessions WHERE user_id = $1', [other.userId]);
      await t.dataSource.query('DELETE FROM users WHERE id = $1', [other.userId]);
      const left: { n: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'order-42'`,
      );
      expect(left[0].n).toBe(1);
    });

    it('allows one lease per application', async () => {
      const application = await insertApplication();
      await insertLease({ application_id: application.id });
      expect(
        await refusal(
          insertLease({
            application_id: application.id,
            unit_id: f.unitIds[1],
          }),
        ),
      ).toEqual({ code: '23505', constraint: 'leases_application_uq' });
    });

    it('keeps an alternative unit once per application and each rank once', async () => {
      const application = await insertApplication();
      const alternative = { application_id: application.id, rank: 1, unit_id: f.unitIds[1] };
      await insertRow(db(), 'application_alternatives', alternative);
      expect(
        await refusal(insertRow(db(), 'application_alternatives', { ...alternative, rank: 2 })),
      ).toEqual({ code: '23505', constraint: 'application_alternatives_unit_uq' });
      expect(
        await refusal(
          insertRow(db(), 'application_alternatives', { ...alternative, unit_id: f.unitIds[2] }),
        ),
      ).toEqual({ code: '23505', constraint: 'application_alternatives_pk' });
    });

    it('keeps a firm with a lease (a legal record); a firm with only applications goes with them', async () => {
      const firmWithLease = await insertFirm(t.dataSource);
      await insertLease({ firm_id: firmWithLease });
      expect(
        await refusal(t.dataSource.query('DELETE FROM firms WHERE id = $1', [firmWithLease])),
      ).toEqual({ code: RESTRICTED, constraint: 'leases_firm_fk' });

      const firmWithApplication = await insertFirm(t.dataSource);
      const application = await insertApplication({ firm_id: firmWithApplication });
      await insertRow(db(), 'application_alternatives', {
        application_id: application.id,
        rank: 1,
        unit_id: f.unitIds[1],
      });
      await t.dataSource.query('DELETE FROM firms WHERE id = $1', [firmWithApplication]);
      const left: { n: number }[] = await t.dataSource.query(
        `SELECT (SELECT count(*) FROM applications WHERE id = $1)
              + (SELECT count(*) FROM application_alternatives WHERE application_id = $1) AS n`,
        [application.id],
      );
      expect(Number(left[0].n)).toBe(0);
    });

    // ON DELETE RESTRICT answers 23001 (restrict_violation), not 23503.
    it('refuses deleting a unit or the policy version a lease is locked to', async () => {
      await insertLease();
      expect(
        await refusal(t.dataSource.query('DELETE FROM units WHERE id = $1', [f.unitIds[0]])),
      ).toEqual({ code: RESTRICTED, constraint: 'leases_unit_fk' });
      // The policy is published, so its own trigger refuses first; a draft shows the foreign key.
      const draft: { id: string }[] = await t.dataSource.query(
        `INSERT INTO rent_policy_versions (zone_id, version_no, name, rules)
         VALUES ($1, 2, '草稿', '{}') RETURNING id`,
        [f.zoneId],
      );
      await insertLease({ unit_id: f.unitIds[1], policy_version_id: draft[0].id });
      expect(
        await refusal(
          t.dataSource.query('DELETE FROM rent_policy_versions WHERE id = $1', [draft[0].id]),
        ),
      ).toEqual({ code: RESTRICTED, constraint: 'leases_policy_version_fk' });
    });
  });

  it('has entities that match the migrated schema exactly (empty schema diff)', async () => {
    const { upQueries } = await t.dataSource.driver.createSchemaBuilder().log();
    expect(upQueries.map((q) => q.query)).toEqual([]);
  });
});
