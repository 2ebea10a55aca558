import { MigrationInterface, QueryRunner } from 'typeorm';

/** The units a visitor may find: listed, not deleted, vacant or reserved. */
const PUBLIC = `deleted_at IS NULL AND is_listed AND occupancy_status IN ('vacant', 'reserved')`;

/** CJK ideographs (Extension A, the basic block, compatibility ideographs). */
const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff';

/**
 * Industry labels (zh-CN and en, from packages/domain/src/labels.ts at the time of writing) so
 * that "食品" or "food" finds units suited to food processing.
 */
const INDUSTRY_WORDS: Record<string, string> = {
  equipment_manufacturing: '装备制造 equipment manufacturing',
  opto_mechatronics: '光机电 光电 机电 opto mechatronics',
  new_materials: '新材料 new materials',
  food_processing: '食品加工 食品 food processing',
  biomedicine: '生物医药 医药 biomedicine pharmaceutical',
  electronics: '电子信息 电子 electronics',
  surface_treatment: '表面处理 电镀 surface treatment',
  textiles_apparel: '纺织服装 纺织 服装 textiles apparel',
  new_energy: '新能源 new energy',
  logistics_warehousing: '物流仓储 仓储 物流 logistics warehousing',
  light_industry: '轻工 light industry',
  other: '',
};

/**
 * Search and the marketplace (issue #4):
 * - `units.search_tokens`: the words of a unit's own text and of its park, zone and building
 *   names, as a GIN-indexed text[]. Chinese is cut into single characters and overlapping
 *   two-character pairs (bigrams), Latin words and numbers into lower-case prefixes, so a
 *   two-character word like 海峡 or 食品 is one exact token (pg_trgm cannot index a two-character
 *   pattern; docs/adr/0014). A query is cut the same way (bigrams only, or the single character)
 *   and matched with `search_tokens @> query_tokens`.
 * - `units.published_at`: when the unit last came onto the market (became public); the
 *   "newest" sort and saved-search alerts use it.
 * Both are kept by a trigger, so every write path (API, import, seed, generator) agrees; renaming
 * a park, zone or building refreshes its units' tokens.
 * - Partial indexes over public units for every public sort, the tokens, the industries and the
 *   location.
 * - `favourites` and `saved_searches` of firm users.
 */
export class Search1763971200000 implements MigrationInterface {
  name = 'Search1763971200000';

  public async up(q: QueryRunner): Promise<void> {
    const industryCases = Object.entries(INDUSTRY_WORDS)
      .map(([code, words]) => `WHEN '${code}' THEN '${words}'`)
      .join(' ');
    await q.query(`
      CREATE FUNCTION fs_industry_words(industries text[]) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(string_agg(CASE i ${industryCases} ELSE '' END, ' '), '')
          FROM unnest(industries) AS i
      $$`);

    await q.query(`
      CREATE FUNCTION fs_search_tokens(doc text, is_query boolean) RETURNS text[]
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT t.token), '{}'::text[])
          FROM regexp_matches(lower(normalize(doc, NFKC)), '([${HAN}]+|[a-z0-9]+)', 'g') AS m(run)
          CROSS JOIN LATERAL (
            -- Chinese: overlapping pairs …
            SELECT substr(m.run[1], i, 2)
              FROM generate_series(1, char_length(m.run[1]) - 1) AS i
             WHERE m.run[1] ~ '^[${HAN}]'
            UNION ALL
            -- … and single characters (a query only when it is one character long).
            SELECT substr(m.run[1], i, 1)
              FROM generate_series(1, char_length(m.run[1])) AS i
             WHERE m.run[1] ~ '^[${HAN}]' AND (NOT is_query OR char_length(m.run[1]) = 1)
            UNION ALL
            -- Latin words and numbers: a query word (its first 12 characters) …
            SELECT left(m.run[1], 12) WHERE m.run[1] !~ '^[${HAN}]' AND is_query
            UNION ALL
            -- … matches a document word it starts (prefixes up to 12 characters, and the word).
            SELECT left(m.run[1], n)
              FROM generate_series(1, least(char_length(m.run[1]), 12)) AS n
             WHERE m.run[1] !~ '^[${HAN}]' AND NOT is_query
            UNION ALL
            SELECT m.run[1]
             WHERE m.run[1] !~ '^[${HAN}]' AND NOT is_query AND char_length(m.run[1]) > 12
          ) AS t(token)
      $$`);

    await q.query(`
      ALTER TABLE units
        ADD COLUMN search_tokens text[] NOT NULL DEFAULT '{}',
        ADD COLUMN published_at timestamptz`);

    await q.query(`
      CREATE FUNCTION units_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        is_public boolean := NEW.deleted_at IS NULL AND NEW.is_listed
          AND NEW.occupancy_status IN ('vacant', 'reserved');
        was_public boolean := TG_OP = 'UPDATE' AND OLD.deleted_at IS NULL AND OLD.is_listed
          AND OLD.occupancy_status IN ('vacant', 'reserved');
      BEGIN
        NEW.search_tokens := fs_search_tokens(concat_ws(' ',
          NEW.code, NEW.name, NEW.address, NEW.description,
          fs_industry_words(NEW.suitable_industries),
          (SELECT concat_ws(' ', p.name, p.name_en) FROM parks p WHERE p.id = NEW.park_id),
          (SELECT concat_ws(' ', pp.name, pp.name_en) FROM parks p
             JOIN parks pp ON pp.id = p.parent_park_id WHERE p.id = NEW.park_id),
          (SELECT concat_ws(' ', z.name, z.name_en, z.city, z.province) FROM zones z
            WHERE z.id = NEW.zone_id),
          (SELECT b.name FROM buildings b WHERE b.id = NEW.building_id)), false);
        IF NOT is_public THEN
          NEW.published_at := NULL;
        ELSIF NOT was_public OR NEW.published_at IS NULL THEN
          NEW.published_at := now();
        END IF;
        RETURN NEW;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER units_search_refresh_tg BEFORE INSERT OR UPDATE ON units
        FOR EACH ROW EXECUTE FUNCTION units_search_refresh()`);

    // A renamed park (or parent park), zone or building: its units' tokens are refreshed by
    // touching the rows (the BEFORE trigger recomputes them; version and updated_at stay).
    await q.query(`
      CREATE FUNCTION units_search_touch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'parks' THEN
          UPDATE units SET search_tokens = '{}'
           WHERE park_id = NEW.id OR park_id IN (SELECT id FROM parks WHERE parent_park_id = NEW.id);
        ELSIF TG_TABLE_NAME = 'zones' THEN
          UPDATE units SET search_tokens = '{}' WHERE zone_id = NEW.id;
        ELSE
          UPDATE units SET search_tokens = '{}' WHERE building_id = NEW.id;
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER parks_search_touch_tg AFTER UPDATE OF name, name_en ON parks
        FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.name_en IS DISTINCT FROM NEW.name_en)
        EXECUTE FUNCTION units_search_touch()`);
    await q.query(`
      CREATE TRIGGER zones_search_touch_tg AFTER UPDATE OF name, name_en, city, province ON zones
        FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.name_en IS DISTINCT FROM NEW.name_en
          OR OLD.city IS DISTINCT FROM NEW.city OR OLD.province IS DISTINCT FROM NEW.province)
        EXECUTE FUNCTION units_search_touch()`);
    await q.query(`
      CREATE TRIGGER buildings_search_touch_tg AFTER UPDATE OF name ON buildings
        FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
        EXECUTE FUNCTION units_search_touch()`);

    // Existing rows: tokens from the trigger; on the market since they were created.
    await q.query(`UPDATE units SET published_at = CASE WHEN ${PUBLIC} THEN created_at END`);

    await q.query(
      `CREATE INDEX units_public_published_idx ON units (published_at, id) WHERE ${PUBLIC}`,
    );
    await q.query(
      `CREATE INDEX units_public_rent_idx ON units (list_rent_fen, id) WHERE ${PUBLIC}`,
    );
    await q.query(`CREATE INDEX units_public_area_idx ON units (gross_area, id) WHERE ${PUBLIC}`);
    await q.query(
      `CREATE INDEX units_public_vacant_since_idx ON units (vacant_since, id) WHERE ${PUBLIC}`,
    );
    await q.query(
      `CREATE INDEX units_public_zone_published_idx ON units (zone_id, published_at, id) WHERE ${PUBLIC}`,
    );
    await q.query(
      `CREATE INDEX units_public_tokens_gin ON units USING gin (search_tokens) WHERE ${PUBLIC}`,
    );
    await q.query(
      `CREATE INDEX units_public_industries_gin ON units USING gin (suitable_industries) WHERE ${PUBLIC}`,
    );
    await q.query(
      `CREATE INDEX units_public_location_gist ON units USING gist (location) INCLUDE (gross_area) WHERE ${PUBLIC}`,
    );
    await q.query(`CREATE INDEX units_park_idx ON units (park_id) WHERE ${PUBLIC}`);

    await q.query(`
      CREATE TABLE favourites (
        user_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT favourites_pk PRIMARY KEY (user_id, unit_id),
        CONSTRAINT favourites_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT favourites_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX favourites_unit_idx ON favourites (unit_id)`);

    await q.query(`
      CREATE TABLE saved_searches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        name text NOT NULL,
        query text NOT NULL,
        alerts_enabled boolean NOT NULL DEFAULT true,
        last_alerted_at timestamptz,
        checked_until timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT saved_searches_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT saved_searches_name_ck CHECK (length(btrim(name)) BETWEEN 1 AND 60),
        CONSTRAINT saved_searches_query_ck CHECK (length(query) <= 2000)
      )`);
    await q.query(`CREATE INDEX saved_searches_user_idx ON saved_searches (user_id, created_at)`);
    await q.query(
      `CREATE INDEX saved_searches_due_idx ON saved_searches (checked_until) WHERE alerts_enabled`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE saved_searches`);
    await q.query(`DROP TABLE favourites`);
    for (const index of [
      'units_public_published_idx',
      'units_public_rent_idx',
      'units_public_area_idx',
      'units_public_vacant_since_idx',
      'units_public_zone_published_idx',
      'units_public_tokens_gin',
      'units_public_industries_gin',
      'units_public_location_gist',
      'units_park_idx',
    ]) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.query(`DROP TRIGGER buildings_search_touch_tg ON buildings`);
    await q.query(`DROP TRIGGER zones_search_touch_tg ON zones`);
    await q.query(`DROP TRIGGER parks_search_touch_tg ON parks`);
    await q.query(`DROP FUNCTION units_search_touch()`);
    await q.query(`DROP TRIGGER units_search_refresh_tg ON units`);
    await q.query(`DROP FUNCTION units_search_refresh()`);
    await q.query(`ALTER TABLE units DROP COLUMN search_tokens, DROP COLUMN published_at`);
    await q.query(`DROP FUNCTION fs_search_tokens(text, boolean)`);
    await q.query(`DROP FUNCTION fs_industry_words(text[])`);
  }
}
