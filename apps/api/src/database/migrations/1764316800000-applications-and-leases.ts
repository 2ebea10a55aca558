import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applications and leases (issue #6, docs/database.md):
 * - `applications`: a firm's application (入驻申请) for a unit over a requested period, moving
 *   draft → submitted → under review / info requested / waiting → approved / rejected, or
 *   withdrawn. `requested_period` is `[desired_move_in, desired_move_in + term_months)`, stored
 *   and held to exactly that by a CHECK (the writer computes it; see the note on the column).
 *   A GiST index on `(unit_id, requested_period)` (btree_gist) finds competing applications.
 * - `application_alternatives`: up to five other units the firm would accept, ranked.
 * - `leases`: the legal record, locked to the rent policy version and the schedule it was
 *   signed with. The one guarantee a leasing system must never break is enforced by
 *   PostgreSQL itself: `leases_no_overlap` excludes two non-cancelled leases of the same unit
 *   whose periods overlap (SQLSTATE 23P01), whatever the caller, the transaction isolation or
 *   the concurrency. An ended lease has its period cut at the move-out date by the service, so
 *   it stops blocking the rest of the original term.
 * - `leasing_events`: the timeline of every transition of a viewing, application or lease.
 * - `idempotency_keys`: the stored outcome of a client's Idempotency-Key per user.
 *
 * `requested_period` is not a generated column although its expression is immutable: TypeORM
 * keeps a generated column's expression in its own `typeorm_metadata` table keyed by the database
 * name, so `schema:check` would report a difference on any copy of the database (each test file
 * copies a migrated template). The CHECK gives the same guarantee without that table.
 *
 * The btree_gist extension (trusted since PostgreSQL 13) lets a GiST index or exclusion
 * constraint compare uuid with `=`. `down` leaves it installed (other objects may use it).
 */
export class ApplicationsAndLeases1764316800000 implements MigrationInterface {
  name = 'ApplicationsAndLeases1764316800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        zone_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        firm_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'draft',
        intended_use text,
        industry text,
        headcount integer,
        power_kva numeric(10,2),
        floor_load_kn_m2 numeric(8,2),
        needs jsonb NOT NULL DEFAULT '{}',
        term_months integer NOT NULL,
        desired_move_in date NOT NULL,
        requested_period daterange NOT NULL,
        quote_id uuid,
        agent_id uuid,
        decision_reason text,
        submitted_at timestamptz,
        decided_at timestamptz,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT applications_zone_fk FOREIGN KEY (zone_id) REFERENCES zones (id) ON DELETE RESTRICT,
        CONSTRAINT applications_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE RESTRICT,
        CONSTRAINT applications_firm_fk FOREIGN KEY (firm_id) REFERENCES firms (id) ON DELETE CASCADE,
        CONSTRAINT applications_quote_fk FOREIGN KEY (quote_id) REFERENCES quotes (id) ON DELETE SET NULL,
        CONSTRAINT applications_agent_fk FOREIGN KEY (agent_id) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT applications_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT applications_status_ck CHECK (status IN ('draft', 'submitted', 'under_review', 'info_requested', 'waiting', 'approved', 'rejected', 'withdrawn')),
        CONSTRAINT applications_intended_use_ck CHECK (intended_use IS NULL OR length(btrim(intended_use)) BETWEEN 1 AND 500),
        CONSTRAINT applications_industry_ck CHECK (industry IS NULL OR length(btrim(industry)) BETWEEN 1 AND 100),
        CONSTRAINT applications_headcount_ck CHECK (headcount IS NULL OR headcount >= 0),
        CONSTRAINT applications_power_ck CHECK (power_kva IS NULL OR power_kva >= 0),
        CONSTRAINT applications_floor_load_ck CHECK (floor_load_kn_m2 IS NULL OR floor_load_kn_m2 >= 0),
        CONSTRAINT applications_needs_ck CHECK (jsonb_typeof(needs) = 'object'),
        CONSTRAINT applications_term_ck CHECK (term_months BETWEEN 1 AND 240),
        CONSTRAINT applications_requested_period_ck CHECK (requested_period = daterange(desired_move_in, (desired_move_in + make_interval(months => term_months))::date, '[)')),
        CONSTRAINT applications_decision_reason_ck CHECK (decision_reason IS NULL OR length(decision_reason) <= 2000),
        CONSTRAINT applications_submitted_ck CHECK (status IN ('draft', 'withdrawn') OR submitted_at IS NOT NULL),
        CONSTRAINT applications_decided_ck CHECK (status NOT IN ('approved', 'rejected') OR decided_at IS NOT NULL),
        CONSTRAINT applications_version_ck CHECK (version >= 1)
      )`);
    await q.query(
      `CREATE INDEX applications_queue_idx ON applications (zone_id, status, submitted_at)`,
    );
    await q.query(
      `CREATE INDEX applications_firm_created_idx ON applications (firm_id, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX applications_unit_open_idx ON applications (unit_id) WHERE status IN ('submitted', 'under_review', 'info_requested', 'waiting')`,
    );
    await q.query(
      `CREATE INDEX applications_unit_period_gist ON applications USING gist (unit_id, requested_period)`,
    );
    await q.query(
      `CREATE INDEX applications_agent_idx ON applications (agent_id) WHERE agent_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX applications_quote_idx ON applications (quote_id) WHERE quote_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE application_alternatives (
        application_id uuid NOT NULL,
        rank smallint NOT NULL,
        unit_id uuid NOT NULL,
        CONSTRAINT application_alternatives_pk PRIMARY KEY (application_id, rank),
        CONSTRAINT application_alternatives_application_fk FOREIGN KEY (application_id) REFERENCES applications (id) ON DELETE CASCADE,
        CONSTRAINT application_alternatives_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE RESTRICT,
        CONSTRAINT application_alternatives_unit_uq UNIQUE (application_id, unit_id),
        CONSTRAINT application_alternatives_rank_ck CHECK (rank BETWEEN 1 AND 5)
      )`);
    await q.query(
      `CREATE INDEX application_alternatives_unit_idx ON application_alternatives (unit_id)`,
    );

    await q.query(`
      CREATE TABLE leases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        zone_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        firm_id uuid NOT NULL,
        application_id uuid,
        quote_id uuid,
        policy_version_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'draft',
        period daterange NOT NULL,
        term_months integer NOT NULL,
        monthly_rent_schedule jsonb NOT NULL,
        total_due_fen bigint NOT NULL,
        deposit_fen bigint NOT NULL DEFAULT 0,
        signed_on date,
        contract_file text,
        moved_in_on date,
        moved_out_on date,
        end_reason text,
        renewed_from_id uuid,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT leases_zone_fk FOREIGN KEY (zone_id) REFERENCES zones (id) ON DELETE RESTRICT,
        CONSTRAINT leases_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE RESTRICT,
        CONSTRAINT leases_firm_fk FOREIGN KEY (firm_id) REFERENCES firms (id) ON DELETE RESTRICT,
        CONSTRAINT leases_application_fk FOREIGN KEY (application_id) REFERENCES applications (id) ON DELETE SET NULL,
        CONSTRAINT leases_quote_fk FOREIGN KEY (quote_id) REFERENCES quotes (id) ON DELETE SET NULL,
        CONSTRAINT leases_policy_version_fk FOREIGN KEY (policy_version_id) REFERENCES rent_policy_versions (id) ON DELETE RESTRICT,
        CONSTRAINT leases_renewed_from_fk FOREIGN KEY (renewed_from_id) REFERENCES leases (id) ON DELETE SET NULL,
        CONSTRAINT leases_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT leases_application_uq UNIQUE (application_id),
        CONSTRAINT leases_status_ck CHECK (status IN ('draft', 'signed', 'active', 'expired', 'terminated', 'cancelled')),
        CONSTRAINT leases_period_ck CHECK (NOT isempty(period) AND lower_inc(period) AND NOT upper_inf(period) AND NOT lower_inf(period)),
        CONSTRAINT leases_term_ck CHECK (term_months BETWEEN 1 AND 240),
        CONSTRAINT leases_schedule_ck CHECK (jsonb_typeof(monthly_rent_schedule) = 'array'),
        CONSTRAINT leases_total_due_ck CHECK (total_due_fen >= 0),
        CONSTRAINT leases_deposit_ck CHECK (deposit_fen >= 0),
        CONSTRAINT leases_signed_on_ck CHECK (status NOT IN ('signed', 'active', 'expired', 'terminated') OR signed_on IS NOT NULL),
        CONSTRAINT leases_moved_in_ck CHECK (status NOT IN ('active', 'expired', 'terminated') OR moved_in_on IS NOT NULL),
        CONSTRAINT leases_moved_out_ck CHECK (status NOT IN ('expired', 'terminated') OR moved_out_on IS NOT NULL),
        CONSTRAINT leases_move_dates_ck CHECK (moved_out_on IS NULL OR (moved_in_on IS NOT NULL AND moved_out_on >= moved_in_on)),
        CONSTRAINT leases_end_reason_ck CHECK ((status <> 'terminated' OR length(btrim(coalesce(end_reason, ''))) > 0) AND (end_reason IS NULL OR length(end_reason) <= 2000)),
        CONSTRAINT leases_contract_file_ck CHECK (contract_file IS NULL OR length(contract_file) BETWEEN 1 AND 500),
        CONSTRAINT leases_renewed_from_ck CHECK (renewed_from_id IS NULL OR renewed_from_id <> id),
        CONSTRAINT leases_version_ck CHECK (version >= 1),
        CONSTRAINT leases_no_overlap EXCLUDE USING gist (unit_id WITH =, period WITH &&) WHERE (status <> 'cancelled')
      )`);
    await q.query(`CREATE INDEX leases_zone_status_idx ON leases (zone_id, status)`);
    await q.query(`CREATE INDEX leases_firm_created_idx ON leases (firm_id, created_at DESC)`);
    await q.query(`CREATE INDEX leases_policy_version_idx ON leases (policy_version_id)`);
    await q.query(`CREATE INDEX leases_quote_idx ON leases (quote_id) WHERE quote_id IS NOT NULL`);
    await q.query(
      `CREATE INDEX leases_renewed_from_idx ON leases (renewed_from_id) WHERE renewed_from_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE leasing_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        event text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_id uuid,
        actor_role text,
        reason text,
        details jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT leasing_events_actor_fk FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT leasing_events_subject_type_ck CHECK (subject_type IN ('viewing', 'application', 'lease')),
        CONSTRAINT leasing_events_event_ck CHECK (event ~ '^[a-z][a-z0-9_]{0,63}$'),
        CONSTRAINT leasing_events_actor_role_ck CHECK (actor_role IS NULL OR actor_role IN ('firm', 'staff', 'zone_admin', 'super_admin', 'system')),
        CONSTRAINT leasing_events_reason_ck CHECK (reason IS NULL OR length(reason) <= 2000),
        CONSTRAINT leasing_events_details_ck CHECK (jsonb_typeof(details) = 'object')
      )`);
    await q.query(
      `CREATE INDEX leasing_events_subject_idx ON leasing_events (subject_type, subject_id, occurred_at)`,
    );
    await q.query(
      `CREATE INDEX leasing_events_actor_idx ON leasing_events (actor_id, occurred_at) WHERE actor_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        request_hash text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        response_status integer,
        response_body text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT idempotency_keys_pk PRIMARY KEY (user_id, key),
        CONSTRAINT idempotency_keys_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT idempotency_keys_key_ck CHECK (length(key) BETWEEN 1 AND 200),
        CONSTRAINT idempotency_keys_method_ck CHECK (method IN ('POST', 'PUT', 'PATCH', 'DELETE')),
        CONSTRAINT idempotency_keys_path_ck CHECK (length(path) BETWEEN 1 AND 2000),
        CONSTRAINT idempotency_keys_request_hash_ck CHECK (length(request_hash) BETWEEN 1 AND 200),
        CONSTRAINT idempotency_keys_status_ck CHECK (status IN ('pending', 'done')),
        CONSTRAINT idempotency_keys_response_ck CHECK ((status = 'done') = (response_status IS NOT NULL) AND (response_status IS NULL OR response_status BETWEEN 100 AND 599))
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE leasing_events`);
    await q.query(`DROP TABLE leases`);
    await q.query(`DROP TABLE application_alternatives`);
    await q.query(`DROP TABLE applications`);
    // btree_gist stays: other objects may depend on it, and it costs nothing installed.
  }
}
