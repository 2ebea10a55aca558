import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, sessions and the security baseline (issue #3, docs/accounts.md):
 * firms and their users, platform staff and administrators, sessions (only a SHA-256 of the
 * cookie token is stored), single-use tokens, invitations, per-identifier login back-off, the
 * mail outbox and the audit log. Who-did-it columns of the dossier now reference users.
 *
 * Role/scope consistency is a CHECK: a firm user has a firm and no zone, staff and zone
 * administrators a zone and no firm, the super administrator neither.
 */
export class Accounts1763884800000 implements MigrationInterface {
  name = 'Accounts1763884800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE firms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        credit_code text NOT NULL,
        legal_representative text NOT NULL,
        industry_code text NOT NULL,
        size text NOT NULL,
        contact_name text NOT NULL,
        contact_phone text NOT NULL,
        high_tech_certificate_no text,
        high_tech_expires_on date,
        specialised_level text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT firms_credit_code_uq UNIQUE (credit_code),
        CONSTRAINT firms_credit_code_ck CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
        CONSTRAINT firms_name_ck CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        CONSTRAINT firms_size_ck CHECK (size IN ('large', 'medium', 'small', 'micro')),
        CONSTRAINT firms_specialised_level_ck CHECK (specialised_level IS NULL OR specialised_level IN ('municipal', 'provincial', 'national_little_giant')),
        CONSTRAINT firms_industry_code_ck CHECK (industry_code ~ '^([A-T]|[0-9]{2})$'),
        CONSTRAINT firms_high_tech_ck CHECK (high_tech_expires_on IS NULL OR high_tech_certificate_no IS NOT NULL)
      )`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        mobile text,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL,
        zone_id uuid REFERENCES zones (id) ON DELETE RESTRICT,
        firm_id uuid REFERENCES firms (id) ON DELETE RESTRICT,
        firm_role text,
        status text NOT NULL DEFAULT 'active',
        email_verified_at timestamptz,
        last_login_at timestamptz,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        is_demo boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_uq UNIQUE (email),
        CONSTRAINT users_email_ck CHECK (email = lower(email) AND email ~ '^[^@[:space:]]+@[^@[:space:]]+[.][^@[:space:]]+$'),
        CONSTRAINT users_mobile_ck CHECK (mobile IS NULL OR mobile ~ '^1[3-9][0-9]{9}$'),
        CONSTRAINT users_display_name_ck CHECK (length(btrim(display_name)) BETWEEN 1 AND 60),
        CONSTRAINT users_role_ck CHECK (role IN ('firm', 'staff', 'zone_admin', 'super_admin')),
        CONSTRAINT users_status_ck CHECK (status IN ('active', 'disabled')),
        CONSTRAINT users_scope_ck CHECK ((role = 'firm' AND firm_id IS NOT NULL AND firm_role IN ('owner', 'member') AND zone_id IS NULL) OR (role IN ('staff', 'zone_admin') AND zone_id IS NOT NULL AND firm_id IS NULL AND firm_role IS NULL) OR (role = 'super_admin' AND zone_id IS NULL AND firm_id IS NULL AND firm_role IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX users_mobile_uq ON users (mobile) WHERE mobile IS NOT NULL`);
    await q.query(`CREATE INDEX users_zone_idx ON users (zone_id, created_at, id)`);
    await q.query(`CREATE INDEX users_firm_idx ON users (firm_id)`);
    await q.query(`CREATE INDEX users_created_idx ON users (created_at, id)`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL,
        csrf_token text NOT NULL,
        ip text,
        user_agent text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        CONSTRAINT sessions_token_hash_uq UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE auth_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        purpose text NOT NULL,
        token_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT auth_tokens_token_hash_uq UNIQUE (token_hash),
        CONSTRAINT auth_tokens_purpose_ck CHECK (purpose IN ('verify_email', 'reset_password'))
      )`);
    await q.query(`CREATE INDEX auth_tokens_user_idx ON auth_tokens (user_id, purpose)`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        role text NOT NULL,
        zone_id uuid REFERENCES zones (id) ON DELETE CASCADE,
        firm_id uuid REFERENCES firms (id) ON DELETE CASCADE,
        invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
        token_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT invitations_token_hash_uq UNIQUE (token_hash),
        CONSTRAINT invitations_email_ck CHECK (email = lower(email)),
        CONSTRAINT invitations_scope_ck CHECK ((role IN ('staff', 'zone_admin') AND zone_id IS NOT NULL AND firm_id IS NULL) OR (role = 'firm_member' AND firm_id IS NOT NULL AND zone_id IS NULL))
      )`);
    await q.query(`CREATE INDEX invitations_zone_idx ON invitations (zone_id, created_at, id)`);
    await q.query(`CREATE INDEX invitations_firm_idx ON invitations (firm_id, created_at, id)`);
    await q.query(`CREATE INDEX invitations_created_idx ON invitations (created_at, id)`);

    await q.query(`
      CREATE TABLE login_attempts (
        identifier text PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        last_failure_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz
      )`);

    await q.query(`
      CREATE TABLE outbox_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        to_address text NOT NULL,
        subject text NOT NULL,
        body_text text NOT NULL,
        zone_id uuid,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT outbox_messages_status_ck CHECK (status IN ('pending', 'sent'))
      )`);
    await q.query(
      `CREATE INDEX outbox_messages_due_idx ON outbox_messages (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(`CREATE INDEX outbox_messages_created_idx ON outbox_messages (created_at, id)`);
    await q.query(
      `CREATE INDEX outbox_messages_zone_idx ON outbox_messages (zone_id, created_at, id)`,
    );

    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        type text NOT NULL,
        outcome text NOT NULL,
        actor_id uuid,
        actor_label text,
        actor_role text,
        zone_id uuid,
        ip text,
        user_agent text,
        target_type text,
        target_id text,
        target_label text,
        details jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT audit_events_outcome_ck CHECK (outcome IN ('success', 'failure', 'denied'))
      )`);
    await q.query(`CREATE INDEX audit_events_occurred_idx ON audit_events (occurred_at, id)`);
    await q.query(`CREATE INDEX audit_events_zone_idx ON audit_events (zone_id, occurred_at, id)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, occurred_at)`);

    await q.query(
      `ALTER TABLE units ADD CONSTRAINT units_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL`,
    );
    await q.query(
      `ALTER TABLE units ADD CONSTRAINT units_updated_by_fk FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL`,
    );
    await q.query(
      `ALTER TABLE unit_history ADD CONSTRAINT unit_history_actor_fk FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE unit_history DROP CONSTRAINT unit_history_actor_fk`);
    await q.query(`ALTER TABLE units DROP CONSTRAINT units_updated_by_fk`);
    await q.query(`ALTER TABLE units DROP CONSTRAINT units_created_by_fk`);
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP TABLE outbox_messages`);
    await q.query(`DROP TABLE login_attempts`);
    await q.query(`DROP TABLE invitations`);
    await q.query(`DROP TABLE auth_tokens`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE firms`);
  }
}
