import { MigrationInterface, QueryRunner } from 'typeorm';

const PUBLIC = `deleted_at IS NULL AND is_listed AND occupancy_status IN ('vacant', 'reserved')`;

/** Cells per degree: 0.01° cells, about 1.1 km north–south. Also in search.sql.ts. */
const CELLS_PER_DEGREE = 100;

function contributions(table: string, sign: 1 | -1): string {
  return `SELECT floor(location[0] * ${CELLS_PER_DEGREE})::int AS cx, floor(location[1] * ${CELLS_PER_DEGREE})::int AS cy,
                 ${sign} AS units, ${sign} * gross_area AS gross_area,
                 ${sign} * location[0] AS lng_sum, ${sign} * location[1] AS lat_sum
            FROM ${table} WHERE ${PUBLIC}`;
}

function upsert(source: string): string {
  return `INSERT INTO unit_map_cells AS c (cx, cy, units, gross_area, lng_sum, lat_sum)
          SELECT cx, cy, sum(units), sum(gross_area), sum(lng_sum), sum(lat_sum)
            FROM (${source}) d
           GROUP BY cx, cy
          HAVING sum(units) <> 0 OR sum(gross_area) <> 0
           ORDER BY cx, cy
          ON CONFLICT (cx, cy) DO UPDATE SET
            units = c.units + EXCLUDED.units,
            gross_area = c.gross_area + EXCLUDED.gross_area,
            lng_sum = c.lng_sum + EXCLUDED.lng_sum,
            lat_sum = c.lat_sum + EXCLUDED.lat_sum`;
}

/**
 * Map cells (issue #4): the units on the market summed per 0.01° cell (count, gross area and
 * coordinate sums for the centroid), kept by statement-level triggers with transition tables, so
 * a bulk insert costs one aggregated upsert. The map's low zooms (country, province) cluster
 * these few thousand cells instead of hundreds of thousands of units; filtered maps and high
 * zooms still cluster the units themselves (docs/search.md).
 */
export class MapCells1763971300000 implements MigrationInterface {
  name = 'MapCells1763971300000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE unit_map_cells (
        cx integer NOT NULL,
        cy integer NOT NULL,
        units integer NOT NULL,
        gross_area numeric NOT NULL,
        lng_sum double precision NOT NULL,
        lat_sum double precision NOT NULL,
        -- No CHECK (units >= 0): an upsert's proposed row is a (possibly negative) delta.
        CONSTRAINT unit_map_cells_pk PRIMARY KEY (cx, cy)
      )`);
    await q.query(`
      CREATE FUNCTION unit_map_cells_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${upsert(contributions('new_units', 1))};
        ELSIF TG_OP = 'UPDATE' THEN
          ${upsert(`${contributions('new_units', 1)} UNION ALL ${contributions('old_units', -1)}`)};
        ELSE
          ${upsert(contributions('old_units', -1))};
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER units_map_cells_insert_tg AFTER INSERT ON units
        REFERENCING NEW TABLE AS new_units
        FOR EACH STATEMENT EXECUTE FUNCTION unit_map_cells_sync()`);
    await q.query(`
      CREATE TRIGGER units_map_cells_update_tg AFTER UPDATE ON units
        REFERENCING OLD TABLE AS old_units NEW TABLE AS new_units
        FOR EACH STATEMENT EXECUTE FUNCTION unit_map_cells_sync()`);
    await q.query(`
      CREATE TRIGGER units_map_cells_delete_tg AFTER DELETE ON units
        REFERENCING OLD TABLE AS old_units
        FOR EACH STATEMENT EXECUTE FUNCTION unit_map_cells_sync()`);
    await q.query(upsert(contributions('units', 1)));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER units_map_cells_delete_tg ON units`);
    await q.query(`DROP TRIGGER units_map_cells_update_tg ON units`);
    await q.query(`DROP TRIGGER units_map_cells_insert_tg ON units`);
    await q.query(`DROP FUNCTION unit_map_cells_sync()`);
    await q.query(`DROP TABLE unit_map_cells`);
  }
}
