import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QuoteLine } from '@factoryspace/domain';
import { PUBLIC_UNITS } from '../units/entities/unit.entity';
import type { ApplicationStatus } from './entities/application.entity';
import type { LeaseStatus } from './entities/lease.entity';
import type { LeasingEventActorRole, LeasingSubjectType } from './entities/leasing-event.entity';
import type { ApplicationRow, LeaseRow, LeasingEventRow } from './leasing.mapper';

const APPLICATION_COLUMNS = `a.id, a.zone_id AS "zoneId", a.unit_id AS "unitId", u.code AS "unitCode",
  a.firm_id AS "firmId", f.name AS "firmName", a.status, a.intended_use AS "intendedUse",
  a.industry, a.headcount, a.power_kva::float8 AS "powerKva",
  a.floor_load_kn_m2::float8 AS "floorLoadKnM2", a.needs, a.term_months AS "termMonths",
  to_char(a.desired_move_in, 'YYYY-MM-DD') AS "desiredMoveIn",
  to_char(upper(a.requested_period), 'YYYY-MM-DD') AS "requestedUntil", a.quote_id AS "quoteId",
  a.decision_reason AS "decisionReason", a.submitted_at AS "submittedAt",
  a.decided_at AS "decidedAt", a.created_at AS "createdAt", a.updated_at AS "updatedAt", a.version,
  coalesce((SELECT array_agg(alt.unit_id ORDER BY alt.rank) FROM application_alternatives alt
             WHERE alt.application_id = a.id), '{}') AS alternatives,
  (SELECT l.id FROM leases l WHERE l.application_id = a.id) AS "leaseId"`;

const APPLICATION_FROM = `applications a JOIN units u ON u.id = a.unit_id JOIN firms f ON f.id = a.firm_id`;

const LEASE_COLUMNS = `l.id, l.zone_id AS "zoneId", l.unit_id AS "unitId", u.code AS "unitCode",
  l.firm_id AS "firmId", f.name AS "firmName", l.application_id AS "applicationId",
  l.quote_id AS "quoteId", l.policy_version_id AS "policyVersionId", l.status,
  to_char(lower(l.period), 'YYYY-MM-DD') AS "periodStart",
  to_char(upper(l.period), 'YYYY-MM-DD') AS "periodEnd", l.term_months AS "termMonths",
  l.monthly_rent_schedule AS "monthlyRentSchedule", l.total_due_fen AS "totalDueFen",
  l.deposit_fen AS "depositFen", to_char(l.signed_on, 'YYYY-MM-DD') AS "signedOn",
  l.contract_file AS "contractFile", to_char(l.moved_in_on, 'YYYY-MM-DD') AS "movedInOn",
  to_char(l.moved_out_on, 'YYYY-MM-DD') AS "movedOutOn", l.end_reason AS "endReason",
  l.created_at AS "createdAt", l.updated_at AS "updatedAt", l.version`;

const LEASE_FROM = `leases l JOIN units u ON u.id = l.unit_id JOIN firms f ON f.id = l.firm_id`;

/** The columns of an application a transition needs, read under its row lock. */
export interface LockedApplication {
  id: string;
  zoneId: string;
  unitId: string;
  firmId: string;
  status: ApplicationStatus;
  version: number;
  termMonths: number;
  desiredMoveIn: string;
  requestedPeriod: string;
  quoteId: string | null;
}

export interface LockedLease {
  id: string;
  zoneId: string;
  unitId: string;
  firmId: string;
  status: LeaseStatus;
  periodStart: string;
  periodEnd: string;
  signedOn: string | null;
  movedInOn: string | null;
  version: number;
}

export interface UnitOccupancyRow {
  id: string;
  zoneId: string;
  occupancyStatus: string;
  vacantSince: string | null;
  version: number;
}

export interface ApplicationWrite {
  zoneId: string;
  unitId: string;
  firmId: string;
  intendedUse: string | null;
  industry: string | null;
  headcount: number | null;
  powerKva: number | null;
  floorLoadKnM2: number | null;
  needs: Record<string, boolean>;
  termMonths: number;
  desiredMoveIn: string;
  quoteId: string | null;
}

export interface LeaseWrite {
  zoneId: string;
  unitId: string;
  firmId: string;
  applicationId: string;
  quoteId: string | null;
  policyVersionId: string;
  period: string;
  termMonths: number;
  schedule: QuoteLine[];
  totalDueFen: number;
  depositFen: number;
  createdBy: string;
}

export interface EventWrite {
  subjectType: LeasingSubjectType;
  subjectId: string;
  event: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string | null;
  actorRole: LeasingEventActorRole;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** A unit as an application may name it. */
export interface ApplicableUnit {
  id: string;
  zoneId: string;
  onMarket: boolean;
}

/** The SQL of applications, leases and their timeline (raw rows; the mapper shapes them). */
@Injectable()
export class LeasingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager): DataSource | EntityManager {
    return manager ?? this.dataSource;
  }

  async zoneExists(zoneId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM zones WHERE id = $1', [
      zoneId,
    ]);
    return rows.length > 0;
  }

  // ---- Units -------------------------------------------------------------------------------

  async units(ids: string[], manager?: EntityManager): Promise<ApplicableUnit[]> {
    if (ids.length === 0) return [];
    return this.db(manager).query(
      `SELECT id, zone_id AS "zoneId", (${PUBLIC_UNITS}) AS "onMarket"
         FROM units WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`,
      [ids],
    );
  }

  /**
   * Locks the unit row (FOR UPDATE). Every write that changes a unit's leases or the open
   * applications competing for it takes this lock first, so they run one at a time per unit and
   * always lock unit → lease/application rows in that order (no deadlock between them).
   */
  async lockUnit(manager: EntityManager, unitId: string): Promise<UnitOccupancyRow | null> {
    const rows: UnitOccupancyRow[] = await manager.query(
      `SELECT id, zone_id AS "zoneId", occupancy_status AS "occupancyStatus",
              to_char(vacant_since, 'YYYY-MM-DD') AS "vacantSince", version
         FROM units WHERE id = $1 FOR UPDATE`,
      [unitId],
    );
    return rows[0] ?? null;
  }

  async blockingLeaseStatuses(manager: EntityManager, unitId: string): Promise<LeaseStatus[]> {
    const rows: { status: LeaseStatus }[] = await manager.query(
      `SELECT status FROM leases WHERE unit_id = $1 AND status <> 'cancelled'`,
      [unitId],
    );
    return rows.map((r) => r.status);
  }

  /** Sets the unit's occupancy (a new dossier version) and records it in its history. */
  async setUnitOccupancy(
    manager: EntityManager,
    unit: UnitOccupancyRow,
    next: { occupancyStatus: string; vacantSince: string | null },
    actor: { id: string | null; name: string | null },
    sourceRef: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE units SET occupancy_status = $2, vacant_since = $3::date, version = version + 1,
                        updated_at = now(), updated_by = coalesce($4, updated_by)
        WHERE id = $1`,
      [unit.id, next.occupancyStatus, next.vacantSince, actor.id],
    );
    const changes = [
      { field: 'occupancyStatus', before: unit.occupancyStatus, after: next.occupancyStatus },
      ...(unit.vacantSince !== next.vacantSince
        ? [{ field: 'vacantSince', before: unit.vacantSince, after: next.vacantSince }]
        : []),
    ];
    // As UnitsService records a dossier change ('status_change'), with `source_ref` naming the
    // lease that caused it.
    await manager.query(
      `INSERT INTO unit_history (unit_id, zone_id, version, action, source, source_ref, changes,
                                 actor_id, actor_name)
       VALUES ($1, $2, $3, 'status_change', 'api', $4, $5::jsonb, $6, $7)`,
      [
        unit.id,
        unit.zoneId,
        unit.version + 1,
        sourceRef,
        JSON.stringify(changes),
        actor.id,
        actor.name,
      ],
    );
  }

  // ---- Applications ------------------------------------------------------------------------

  async findApplication(id: string, manager?: EntityManager): Promise<ApplicationRow | null> {
    const rows: ApplicationRow[] = await this.db(manager).query(
      `SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM} WHERE a.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async lockApplication(manager: EntityManager, id: string): Promise<LockedApplication | null> {
    const rows: LockedApplication[] = await manager.query(
      `SELECT id, zone_id AS "zoneId", unit_id AS "unitId", firm_id AS "firmId", status, version,
              term_months AS "termMonths", to_char(desired_move_in, 'YYYY-MM-DD') AS "desiredMoveIn",
              requested_period::text AS "requestedPeriod", quote_id AS "quoteId"
         FROM applications WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async listFirmApplications(firmId: string): Promise<ApplicationRow[]> {
    return this.dataSource.query(
      `SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM}
        WHERE a.firm_id = $1 ORDER BY a.created_at DESC, a.id LIMIT 500`,
      [firmId],
    );
  }

  /** The zone's queue: oldest submission first, keyset on (submitted_at, id). */
  async queue(
    zoneId: string,
    statuses: readonly string[],
    after: { submittedAt: string; id: string } | null,
    limit: number,
  ): Promise<ApplicationRow[]> {
    const params: unknown[] = [zoneId, statuses, limit];
    let keyset = '';
    if (after) {
      params.push(after.submittedAt, after.id);
      keyset = `AND (a.submitted_at, a.id) > ($4::timestamptz, $5::uuid)`;
    }
    return this.dataSource.query(
      `SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM}
        WHERE a.zone_id = $1 AND a.status = ANY($2::text[]) AND a.submitted_at IS NOT NULL ${keyset}
        ORDER BY a.submitted_at, a.id LIMIT $3`,
      params,
    );
  }

  async insertApplication(
    manager: EntityManager,
    values: ApplicationWrite,
    createdBy: string,
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO applications (zone_id, unit_id, firm_id, intended_use, industry, headcount,
                                 power_kva, floor_load_kn_m2, needs, term_months, desired_move_in,
                                 requested_period, quote_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11::date,
               daterange($11::date, ($11::date + make_interval(months => $10))::date, '[)'),
               $12, $13)
       RETURNING id`,
      [
        values.zoneId,
        values.unitId,
        values.firmId,
        values.intendedUse,
        values.industry,
        values.headcount,
        values.powerKva,
        values.floorLoadKnM2,
        JSON.stringify(values.needs),
        values.termMonths,
        values.desiredMoveIn,
        values.quoteId,
        createdBy,
      ],
    );
    return rows[0].id;
  }

  /** Rewrites a draft at `version`; false when the row moved on. */
  async updateDraft(
    manager: EntityManager,
    id: string,
    version: number,
    values: ApplicationWrite,
  ): Promise<boolean> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE applications
          SET zone_id = $3, unit_id = $4, intended_use = $5, industry = $6, headcount = $7,
              power_kva = $8, floor_load_kn_m2 = $9, needs = $10::jsonb, term_months = $11,
              desired_move_in = $12::date,
              requested_period = daterange($12::date, ($12::date + make_interval(months => $11))::date, '[)'),
              quote_id = $13, updated_at = now(), version = version + 1
        WHERE id = $1 AND version = $2 AND status = 'draft'`,
      [
        id,
        version,
        values.zoneId,
        values.unitId,
        values.intendedUse,
        values.industry,
        values.headcount,
        values.powerKva,
        values.floorLoadKnM2,
        JSON.stringify(values.needs),
        values.termMonths,
        values.desiredMoveIn,
        values.quoteId,
      ],
    );
    return affected === 1;
  }

  async replaceAlternatives(manager: EntityManager, id: string, unitIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM application_alternatives WHERE application_id = $1`, [id]);
    if (unitIds.length === 0) return;
    await manager.query(
      `INSERT INTO application_alternatives (application_id, rank, unit_id)
       SELECT $1, t.ord, t.unit_id FROM unnest($2::uuid[]) WITH ORDINALITY AS t(unit_id, ord)`,
      [id, unitIds],
    );
  }

  /** Moves a locked application to `status` (bumping its version). */
  async setApplicationStatus(
    manager: EntityManager,
    id: string,
    status: ApplicationStatus,
    extra: {
      submitted?: true;
      decided?: true;
      decisionReason?: string | null;
      agentId?: string;
    } = {},
  ): Promise<void> {
    await manager.query(
      `UPDATE applications
          SET status = $2,
              submitted_at = CASE WHEN $3 THEN now() ELSE submitted_at END,
              decided_at = CASE WHEN $4 THEN now() ELSE decided_at END,
              decision_reason = CASE WHEN $5 THEN $6 ELSE decision_reason END,
              agent_id = coalesce($7, agent_id),
              updated_at = now(), version = version + 1
        WHERE id = $1`,
      [
        id,
        status,
        extra.submitted === true,
        extra.decided === true,
        extra.decisionReason !== undefined,
        extra.decisionReason ?? null,
        extra.agentId ?? null,
      ],
    );
  }

  /**
   * Locks the other open applications for `unitId` in `statuses` whose requested period overlaps
   * `period` (GiST index applications_unit_period_gist), oldest first.
   */
  async lockOverlappingApplications(
    manager: EntityManager,
    unitId: string,
    period: string,
    exceptId: string | null,
    statuses: readonly ApplicationStatus[],
  ): Promise<{ id: string; status: ApplicationStatus }[]> {
    return manager.query(
      `SELECT id, status FROM applications
        WHERE unit_id = $1 AND requested_period && $2::daterange AND id IS DISTINCT FROM $3::uuid
          AND status = ANY($4::text[])
        ORDER BY id FOR UPDATE`,
      [unitId, period, exceptId, statuses],
    );
  }

  /** Locks the unit's waiting applications no blocking lease overlaps any more. */
  async lockReopenable(
    manager: EntityManager,
    unitId: string,
  ): Promise<{ id: string; status: ApplicationStatus }[]> {
    return manager.query(
      `SELECT a.id, a.status FROM applications a
        WHERE a.unit_id = $1 AND a.status = 'waiting'
          AND NOT EXISTS (SELECT 1 FROM leases l
                           WHERE l.unit_id = a.unit_id AND l.status <> 'cancelled'
                             AND l.period && a.requested_period)
        ORDER BY a.id FOR UPDATE`,
      [unitId],
    );
  }

  // ---- Leases ------------------------------------------------------------------------------

  async findLease(id: string, manager?: EntityManager): Promise<LeaseRow | null> {
    const rows: LeaseRow[] = await this.db(manager).query(
      `SELECT ${LEASE_COLUMNS} FROM ${LEASE_FROM} WHERE l.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async leaseUnit(id: string): Promise<{ unitId: string; zoneId: string; firmId: string } | null> {
    const rows: { unitId: string; zoneId: string; firmId: string }[] = await this.dataSource.query(
      `SELECT unit_id AS "unitId", zone_id AS "zoneId", firm_id AS "firmId" FROM leases WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async lockLease(manager: EntityManager, id: string): Promise<LockedLease | null> {
    const rows: LockedLease[] = await manager.query(
      `SELECT id, zone_id AS "zoneId", unit_id AS "unitId", firm_id AS "firmId", status,
              to_char(lower(period), 'YYYY-MM-DD') AS "periodStart",
              to_char(upper(period), 'YYYY-MM-DD') AS "periodEnd",
              to_char(signed_on, 'YYYY-MM-DD') AS "signedOn",
              to_char(moved_in_on, 'YYYY-MM-DD') AS "movedInOn", version
         FROM leases WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async listLeases(filter: { firmId?: string; zoneId?: string }): Promise<LeaseRow[]> {
    const [column, value] = filter.firmId
      ? ['l.firm_id', filter.firmId]
      : ['l.zone_id', filter.zoneId];
    return this.dataSource.query(
      `SELECT ${LEASE_COLUMNS} FROM ${LEASE_FROM} WHERE ${column} = $1
        ORDER BY l.created_at DESC, l.id LIMIT 500`,
      [value],
    );
  }

  /** Inserts a draft lease; the exclusion constraint leases_no_overlap may refuse it (23P01). */
  async insertLease(manager: EntityManager, values: LeaseWrite): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO leases (zone_id, unit_id, firm_id, application_id, quote_id, policy_version_id,
                           period, term_months, monthly_rent_schedule, total_due_fen, deposit_fen,
                           created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7::daterange, $8, $9::jsonb, $10, $11, $12)
       RETURNING id`,
      [
        values.zoneId,
        values.unitId,
        values.firmId,
        values.applicationId,
        values.quoteId,
        values.policyVersionId,
        values.period,
        values.termMonths,
        JSON.stringify(values.schedule),
        values.totalDueFen,
        values.depositFen,
        values.createdBy,
      ],
    );
    return rows[0].id;
  }

  async updateLease(
    manager: EntityManager,
    id: string,
    status: LeaseStatus,
    values: {
      signedOn?: string;
      contractFile?: string | null;
      movedInOn?: string;
      movedOutOn?: string;
      endReason?: string | null;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE leases
          SET status = $2,
              signed_on = coalesce($3::date, signed_on),
              contract_file = CASE WHEN $4 THEN $5 ELSE contract_file END,
              moved_in_on = coalesce($6::date, moved_in_on),
              moved_out_on = coalesce($7::date, moved_out_on),
              period = CASE WHEN $7::date IS NULL THEN period
                            ELSE daterange(lower(period), $7::date, '[)') END,
              end_reason = CASE WHEN $8 THEN $9 ELSE end_reason END,
              updated_at = now(), version = version + 1
        WHERE id = $1`,
      [
        id,
        status,
        values.signedOn ?? null,
        values.contractFile !== undefined,
        values.contractFile ?? null,
        values.movedInOn ?? null,
        values.movedOutOn ?? null,
        values.endReason !== undefined,
        values.endReason ?? null,
      ],
    );
  }

  // ---- Timeline ----------------------------------------------------------------------------

  /** One timeline row; `clock_timestamp()` keeps the order of rows written in one transaction. */
  async addEvent(manager: EntityManager, e: EventWrite): Promise<void> {
    await manager.query(
      `INSERT INTO leasing_events (subject_type, subject_id, event, from_status, to_status,
                                   actor_id, actor_role, reason, details, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, clock_timestamp())`,
      [
        e.subjectType,
        e.subjectId,
        e.event,
        e.fromStatus,
        e.toStatus,
        e.actorId,
        e.actorRole,
        e.reason ?? null,
        JSON.stringify(e.details ?? {}),
      ],
    );
  }

  async events(subjectType: LeasingSubjectType, subjectId: string): Promise<LeasingEventRow[]> {
    return this.dataSource.query(
      `SELECT e.id, e.event, e.from_status AS "fromStatus", e.to_status AS "toStatus",
              e.actor_id AS "actorId", e.actor_role AS "actorRole", usr.display_name AS "actorName",
              e.reason, e.details, e.occurred_at AS "occurredAt"
         FROM leasing_events e LEFT JOIN users usr ON usr.id = e.actor_id
        WHERE e.subject_type = $1 AND e.subject_id = $2
        ORDER BY e.occurred_at, e.id`,
      [subjectType, subjectId],
    );
  }
}
