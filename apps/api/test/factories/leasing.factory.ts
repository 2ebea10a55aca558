/**
 * Leasing rows for integration tests. The zone, park, building and units go through the real API
 * (dossier factory); the firm, the rent policy version and the leasing rows are inserted with
 * plain SQL (the leasing tables have no API yet), each valid by default and overridden column by
 * column.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { GAOPING_POLICY_RULES } from '../../src/database/seeds/pricing';
import { insertFirm } from '../utils/sign-in';
import { createDossierTree, createUnit } from './dossier.factory';

type Inject = NestFastifyApplication['inject'];
type Row = Record<string, unknown>;

/** A TypeORM DataSource / EntityManager or a node-pg client: anything with `query(sql, params)`. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface LeasingFixture {
  zoneId: string;
  buildingId: string;
  firmId: string;
  /** A published rent policy version of the zone. */
  policyVersionId: string;
  unitIds: string[];
}

/** A zone with one building and `units` units (through the API), a firm and a published policy. */
export async function createLeasingFixture(
  dataSource: DataSource,
  inject: Inject,
  units = 2,
): Promise<LeasingFixture> {
  const tree = await createDossierTree(inject);
  const unitIds: string[] = [];
  for (let i = 0; i < units; i++) unitIds.push((await createUnit(inject, tree.building.id)).id);
  return {
    zoneId: tree.zone.id,
    buildingId: tree.building.id,
    firmId: await insertFirm(dataSource),
    policyVersionId: await insertPublishedPolicy(dataSource, tree.zone.id),
    unitIds,
  };
}

/** Inserts version 1 of the zone's policy, published, effective 2026-01-01; returns its id. */
export async function insertPublishedPolicy(
  dataSource: DataSource,
  zoneId: string,
): Promise<string> {
  const rows: { id: string }[] = await dataSource.query(
    `INSERT INTO rent_policy_versions (zone_id, version_no, name, status, effective_from, rules,
                                       published_at)
     VALUES ($1, 1, '测试政策', 'published', '2026-01-01', $2, now()) RETURNING id`,
    [zoneId, JSON.stringify(GAOPING_POLICY_RULES)],
  );
  return rows[0].id;
}

/** Columns a lease needs in each status to pass the state/date CHECKs. */
export const LEASE_STATUS_COLUMNS: Record<string, Row> = {
  draft: {},
  signed: { signed_on: '2026-12-01' },
  active: { signed_on: '2026-12-01', moved_in_on: '2027-01-01' },
  expired: { signed_on: '2026-12-01', moved_in_on: '2027-01-01', moved_out_on: '2028-01-01' },
  terminated: {
    signed_on: '2026-12-01',
    moved_in_on: '2027-01-01',
    moved_out_on: '2028-01-01',
    end_reason: '企业迁出',
  },
  cancelled: {},
};

/** A valid draft lease of the fixture's first unit, 2027 (twelve months). */
export function leaseValues(f: LeasingFixture, overrides: Row = {}): Row {
  return {
    zone_id: f.zoneId,
    unit_id: f.unitIds[0],
    firm_id: f.firmId,
    policy_version_id: f.policyVersionId,
    status: 'draft',
    period: '[2027-01-01,2028-01-01)',
    term_months: 12,
    monthly_rent_schedule: [{ month: 1, periodStart: '2027-01-01', dueFen: 120_000 }],
    total_due_fen: 1_440_000,
    deposit_fen: 240_000,
    ...overrides,
  };
}

/** A valid draft application for the fixture's first unit from 2027-01-01 for twelve months. */
export function applicationValues(f: LeasingFixture, overrides: Row = {}): Row {
  return {
    zone_id: f.zoneId,
    unit_id: f.unitIds[0],
    firm_id: f.firmId,
    status: 'draft',
    intended_use: '食品加工生产线',
    industry: 'food_processing',
    headcount: 80,
    power_kva: 630,
    floor_load_kn_m2: 25,
    needs: { water: true, gas: false },
    term_months: 12,
    desired_move_in: '2027-01-01',
    requested_period: '[2027-01-01,2028-01-01)',
    ...overrides,
  };
}

/**
 * `INSERT INTO table (…) VALUES (…) RETURNING *`; objects and arrays are sent as JSON (these
 * tables have jsonb columns and no array columns).
 */
export async function insertRow(q: Queryable, table: string, values: Row): Promise<Row> {
  const columns = Object.keys(values);
  const params = Object.values(values).map((v) =>
    v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v,
  );
  const result = await q.query(
    `INSERT INTO ${table} (${columns.join(', ')})
     VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
    params,
  );
  const rows = Array.isArray(result) ? result : (result as { rows: Row[] }).rows;
  return rows[0] as Row;
}

export interface PgFailure {
  code?: string;
  constraint?: string;
}

/** SQLSTATE and constraint of a failed query (TypeORM QueryFailedError or node-pg error). */
export function pgFailure(error: unknown): PgFailure {
  const e = (error as { driverError?: PgFailure }).driverError ?? (error as PgFailure);
  return { code: e.code, constraint: e.constraint };
}

/** How PostgreSQL refused `write`; fails the test when the write was accepted. */
export async function refusal(write: Promise<unknown>): Promise<PgFailure> {
  try {
    await write;
  } catch (error) {
    return pgFailure(error);
  }
  throw new Error('the database accepted the row');
}
