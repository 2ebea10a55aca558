import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rent policies and quotes (issue #5, docs/pricing.md):
 * - `rent_policy_versions`: each zone's rent policy (梯度优惠) as numbered versions; a draft is
 *   edited freely, a published version has an effective date and never changes again. The
 *   effective policy on a date is the published version with the greatest effective date on or
 *   before it; two published versions of a zone never share an effective date (partial unique
 *   index). Immutability is enforced by PostgreSQL: a trigger refuses any UPDATE or DELETE of a
 *   published row (check_violation on `rent_policy_versions_published_immutable`), except the
 *   ON DELETE SET NULL of a removed user on the who-columns.
 * - `quotes`: a firm's saved quotes, each locked to the policy version it was computed with
 *   (the result is stored exactly as returned and never recomputed).
 */
export class RentPoliciesAndQuotes1764057600000 implements MigrationInterface {
  name = 'RentPoliciesAndQuotes1764057600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rent_policy_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        zone_id uuid NOT NULL,
        version_no integer NOT NULL,
        name text NOT NULL,
        status text NOT NULL DEFAULT 'draft',
        effective_from date,
        rules jsonb NOT NULL,
        notes text,
        created_by uuid,
        updated_by uuid,
        published_by uuid,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT rent_policy_versions_zone_fk FOREIGN KEY (zone_id) REFERENCES zones (id) ON DELETE RESTRICT,
        CONSTRAINT rent_policy_versions_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT rent_policy_versions_updated_by_fk FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT rent_policy_versions_published_by_fk FOREIGN KEY (published_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT rent_policy_versions_zone_version_uq UNIQUE (zone_id, version_no),
        CONSTRAINT rent_policy_versions_version_no_ck CHECK (version_no >= 1),
        CONSTRAINT rent_policy_versions_name_ck CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        CONSTRAINT rent_policy_versions_status_ck CHECK (status IN ('draft', 'published')),
        CONSTRAINT rent_policy_versions_effective_ck CHECK (status <> 'published' OR effective_from IS NOT NULL),
        CONSTRAINT rent_policy_versions_published_at_ck CHECK ((status = 'published') = (published_at IS NOT NULL)),
        CONSTRAINT rent_policy_versions_rules_ck CHECK (jsonb_typeof(rules) = 'object'),
        CONSTRAINT rent_policy_versions_notes_ck CHECK (notes IS NULL OR length(notes) <= 2000),
        CONSTRAINT rent_policy_versions_version_ck CHECK (version >= 1)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX rent_policy_versions_effective_uq ON rent_policy_versions (zone_id, effective_from) WHERE status = 'published'`,
    );
    await q.query(`
      CREATE FUNCTION rent_policy_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'published' THEN
          -- A removed user (ON DELETE SET NULL) may clear the who-columns; nothing else changes.
          IF TG_OP = 'UPDATE'
             AND (to_jsonb(NEW) - ARRAY['created_by', 'updated_by', 'published_by'])
               = (to_jsonb(OLD) - ARRAY['created_by', 'updated_by', 'published_by'])
             AND (NEW.created_by IS NULL OR NEW.created_by = OLD.created_by)
             AND (NEW.updated_by IS NULL OR NEW.updated_by = OLD.updated_by)
             AND (NEW.published_by IS NULL OR NEW.published_by = OLD.published_by) THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION 'rent policy version % is published and cannot be changed or deleted', OLD.id
            USING ERRCODE = 'check_violation',
                  CONSTRAINT = 'rent_policy_versions_published_immutable',
                  TABLE = 'rent_policy_versions';
        END IF;
        IF TG_OP = 'DELETE' THEN
          RETURN OLD;
        END IF;
        RETURN NEW;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER rent_policy_versions_immutable_tg BEFORE UPDATE OR DELETE ON rent_policy_versions
        FOR EACH ROW EXECUTE FUNCTION rent_policy_versions_immutable()`);

    await q.query(`
      CREATE TABLE quotes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL,
        created_by uuid,
        unit_id uuid NOT NULL,
        zone_id uuid NOT NULL,
        policy_version_id uuid NOT NULL,
        term_months integer NOT NULL,
        start_date date NOT NULL,
        profile jsonb NOT NULL,
        unit_snapshot jsonb NOT NULL,
        result jsonb NOT NULL,
        total_due_fen bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT quotes_firm_fk FOREIGN KEY (firm_id) REFERENCES firms (id) ON DELETE CASCADE,
        CONSTRAINT quotes_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT quotes_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE RESTRICT,
        CONSTRAINT quotes_zone_fk FOREIGN KEY (zone_id) REFERENCES zones (id) ON DELETE RESTRICT,
        CONSTRAINT quotes_policy_version_fk FOREIGN KEY (policy_version_id) REFERENCES rent_policy_versions (id) ON DELETE RESTRICT,
        CONSTRAINT quotes_term_ck CHECK (term_months BETWEEN 1 AND 240),
        CONSTRAINT quotes_total_due_ck CHECK (total_due_fen >= 0),
        CONSTRAINT quotes_profile_ck CHECK (jsonb_typeof(profile) = 'object'),
        CONSTRAINT quotes_unit_snapshot_ck CHECK (jsonb_typeof(unit_snapshot) = 'object'),
        CONSTRAINT quotes_result_ck CHECK (jsonb_typeof(result) = 'object')
      )`);
    await q.query(`CREATE INDEX quotes_firm_created_idx ON quotes (firm_id, created_at DESC)`);
    await q.query(`CREATE INDEX quotes_policy_version_idx ON quotes (policy_version_id)`);
    await q.query(`CREATE INDEX quotes_unit_idx ON quotes (unit_id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quotes`);
    await q.query(`DROP TRIGGER rent_policy_versions_immutable_tg ON rent_policy_versions`);
    await q.query(`DROP FUNCTION rent_policy_versions_immutable()`);
    await q.query(`DROP TABLE rent_policy_versions`);
  }
}
