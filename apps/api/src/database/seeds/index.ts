/**
 * Deterministic demo seed: two zones (高平经开区 with its published figures, and an illustrative
 * 晋城经开区), their parks, buildings, units and one 'create' history entry per unit, the demo
 * accounts, and Gaoping's rent policy (a published version and a draft; see pricing.ts).
 */
import type { DataSource } from 'typeorm';
import { GAOPING_ZONE_CODE, JINCHENG_ZONE_CODE } from './constants';
import { buildDemoDataset } from './dataset';
import { insertDemoAccounts } from './accounts';
import { insertDataset } from './insert';
import { insertDemoRentPolicies } from './pricing';

export * from './constants';
export { buildDemoDataset, sumArea, isoDaysBefore } from './dataset';
export type { DemoDataset, DemoZone, DemoPark, DemoBuilding, DemoUnit } from './dataset';
export { creationChanges, polygonLiteral } from './insert';
export { DEMO_ACCOUNTS, DEMO_FIRMS, DEMO_PASSWORD } from './accounts';
export * from './pricing';

export interface RunSeedOptions {
  logger?: (msg: string) => void;
  /**
   * Seed even though other zones exist. Existing rows are never touched either way, and the seed
   * is still skipped when one of the demo zone codes is already taken.
   */
  force?: boolean;
}

/**
 * Inserts the demo dataset in one transaction. A no-op returning `{ created: false }` when the
 * database already holds any zone (with `force`: when a demo zone code is already taken).
 */
export async function runSeed(
  dataSource: DataSource,
  options: RunSeedOptions = {},
): Promise<{ created: boolean }> {
  const log = options.logger ?? (() => undefined);
  const q = dataSource.createQueryRunner();
  await q.connect();
  try {
    await q.startTransaction();
    // Serialise concurrent seeds (and zone writes) until commit; reads stay free.
    await q.query('LOCK TABLE zones IN SHARE ROW EXCLUSIVE MODE');
    const existing: Array<{ code: string }> = options.force
      ? await q.query('SELECT code FROM zones WHERE code = ANY($1::text[])', [
          [GAOPING_ZONE_CODE, JINCHENG_ZONE_CODE],
        ])
      : await q.query('SELECT code FROM zones LIMIT 1');
    // Demo accounts share a published password: never add them beside real users.
    const realUsers: unknown[] = await q.query('SELECT 1 FROM users WHERE NOT is_demo LIMIT 1');
    if (realUsers.length > 0) {
      await q.rollbackTransaction();
      log(
        'Seed skipped: the database has real (non-demo) users; demo accounts are never added beside them.',
      );
      return { created: false };
    }
    if (existing.length > 0) {
      await q.rollbackTransaction();
      log(
        options.force
          ? `Seed skipped: demo zone "${existing[0]!.code}" already exists.`
          : 'Seed skipped: the database already has zones.',
      );
      return { created: false };
    }
    const data = buildDemoDataset();
    await insertDataset(q, data);
    const accounts = await insertDemoAccounts(q);
    const policies = await insertDemoRentPolicies(q, data);
    await q.commitTransaction();
    log(
      `Seeded ${data.zones.length} zones, ${data.parks.length} parks, ${data.buildings.length} buildings, ` +
        `${data.units.length} units (data as of ${data.referenceDate}), ${accounts} demo accounts, ` +
        `${policies} rent policy versions.`,
    );
    return { created: true };
  } catch (error) {
    if (q.isTransactionActive) await q.rollbackTransaction();
    throw error;
  } finally {
    await q.release();
  }
}
