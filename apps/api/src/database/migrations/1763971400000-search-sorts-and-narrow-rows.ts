import { MigrationInterface, QueryRunner } from 'typeorm';

const PUBLIC = `deleted_at IS NULL AND is_listed AND occupancy_status IN ('vacant', 'reserved')`;

/**
 * Measured on the 1,000,000-unit benchmark (docs/benchmarks.md):
 * - Sorting by a nullable column (rent, idle since) kept units without a value last with
 *   `… OR col IS NULL` in the keyset condition, which stopped the index from bounding the scan:
 *   page 500 cost 2.3 × page 1. The public sorts now order by `coalesce(col, sentinel)` (no rent
 *   → above any rent, or below when descending; no vacant-since date → 9999-12-31), which keeps
 *   the same order with an index that bounds every page.
 * - A unit row carried its ~1.2 kB of search tokens inline (rows just under the 2 kB TOAST
 *   threshold), doubling the heap every filter and count reads. `toast_tuple_target = 256` moves
 *   tokens and descriptions out of line for rows written from now on; an existing large table
 *   needs `VACUUM FULL units` (docs/operations.md) to shrink.
 */
export class SearchSortsAndNarrowRows1763971400000 implements MigrationInterface {
  name = 'SearchSortsAndNarrowRows1763971400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX units_public_rent_idx`);
    await q.query(`DROP INDEX units_public_vacant_since_idx`);
    await q.query(
      `CREATE INDEX units_public_rent_asc_idx ON units ((coalesce(list_rent_fen, 2147483647)), id) WHERE ${PUBLIC}`,
    );
    await q.query(
      `CREATE INDEX units_public_rent_desc_idx ON units ((coalesce(list_rent_fen, -1)), id) WHERE ${PUBLIC}`,
    );
    await q.query(
      `CREATE INDEX units_public_idle_idx ON units ((coalesce(vacant_since, DATE '9999-12-31')), id) WHERE ${PUBLIC}`,
    );
    await q.query(`ALTER TABLE units SET (toast_tuple_target = 256)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE units RESET (toast_tuple_target)`);
    await q.query(`DROP INDEX units_public_idle_idx`);
    await q.query(`DROP INDEX units_public_rent_desc_idx`);
    await q.query(`DROP INDEX units_public_rent_asc_idx`);
    await q.query(
      `CREATE INDEX units_public_vacant_since_idx ON units (vacant_since, id) WHERE ${PUBLIC}`,
    );
    await q.query(
      `CREATE INDEX units_public_rent_idx ON units (list_rent_fen, id) WHERE ${PUBLIC}`,
    );
  }
}
