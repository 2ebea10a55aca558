import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { RentPolicyRules } from '@factoryspace/domain';
import { PUBLIC_UNITS } from '../units/entities/unit.entity';
import type {
  CoverageUnitRow,
  RentPolicyRow,
  SavedQuoteRow,
  SavedQuoteSummaryRow,
} from './pricing.mapper';
import type { QuoteUnitSnapshot } from './entities/quote.entity';

const POLICY_COLUMNS = `id, zone_id AS "zoneId", version_no AS "versionNo", name, status,
  to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", published_at AS "publishedAt",
  updated_at AS "updatedAt", version, notes, rules`;

const QUOTE_COLUMNS = `q.id, q.created_at AS "createdAt", q.unit_id AS "unitId", q.zone_id AS "zoneId",
  q.term_months AS "termMonths", to_char(q.start_date, 'YYYY-MM-DD') AS "startDate",
  q.unit_snapshot AS "unitSnapshot", p.id AS "policyId", p.version_no AS "policyVersionNo",
  p.name AS "policyName", to_char(p.effective_from, 'YYYY-MM-DD') AS "policyEffectiveFrom"`;

/** A unit as quotes read it; `onMarket` = what a visitor may see. */
export interface UnitForQuote {
  id: string;
  zoneId: string;
  code: string;
  name: string;
  grossArea: string;
  floorFrom: number;
  listRentFen: number | null;
  onMarket: boolean;
}

export interface PolicyWrite {
  name?: string;
  effectiveFrom?: string | null;
  notes?: string | null;
  rules?: RentPolicyRules;
}

/** The SQL of rent policies and saved quotes (raw rows; the mapper shapes them). */
@Injectable()
export class PricingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager): DataSource | EntityManager {
    return manager ?? this.dataSource;
  }

  async zoneExists(zoneId: string, manager?: EntityManager, lock = false): Promise<boolean> {
    const rows: unknown[] = await this.db(manager).query(
      `SELECT 1 FROM zones WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`,
      [zoneId],
    );
    return rows.length > 0;
  }

  async listPolicies(zoneId: string): Promise<RentPolicyRow[]> {
    return this.dataSource.query(
      `SELECT ${POLICY_COLUMNS} FROM rent_policy_versions WHERE zone_id = $1 ORDER BY version_no DESC`,
      [zoneId],
    );
  }

  async findPolicy(
    id: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<RentPolicyRow | null> {
    const rows: RentPolicyRow[] = await this.db(manager).query(
      `SELECT ${POLICY_COLUMNS} FROM rent_policy_versions WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The published version of the zone in effect on `date` (greatest effective date ≤ date). */
  async effectivePolicy(zoneId: string, date: string): Promise<RentPolicyRow | null> {
    const rows: RentPolicyRow[] = await this.dataSource.query(
      `SELECT ${POLICY_COLUMNS} FROM rent_policy_versions
        WHERE zone_id = $1 AND status = 'published' AND effective_from <= $2::date
        ORDER BY effective_from DESC LIMIT 1`,
      [zoneId, date],
    );
    return rows[0] ?? null;
  }

  async effectivePolicyId(zoneId: string, date: string): Promise<string | null> {
    return (await this.effectivePolicy(zoneId, date))?.id ?? null;
  }

  async effectiveDateTaken(
    manager: EntityManager,
    zoneId: string,
    effectiveFrom: string,
    exceptId: string,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM rent_policy_versions
        WHERE zone_id = $1 AND status = 'published' AND effective_from = $2::date AND id <> $3`,
      [zoneId, effectiveFrom, exceptId],
    );
    return rows.length > 0;
  }

  /** Inserts a draft numbered after the zone's last version (the caller holds the zone lock). */
  async insertDraft(
    manager: EntityManager,
    zoneId: string,
    values: Required<PolicyWrite>,
    userId: string,
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO rent_policy_versions (zone_id, version_no, name, effective_from, notes, rules,
                                         created_by, updated_by)
       SELECT $1, coalesce(max(version_no), 0) + 1, $2, $3::date, $4, $5::jsonb, $6, $6
         FROM rent_policy_versions WHERE zone_id = $1
       RETURNING id`,
      [
        zoneId,
        values.name,
        values.effectiveFrom,
        values.notes,
        JSON.stringify(values.rules),
        userId,
      ],
    );
    return rows[0].id;
  }

  /** Changes a draft at `version`; false when the row moved on. */
  async updateDraft(
    manager: EntityManager,
    id: string,
    version: number,
    values: PolicyWrite,
    userId: string,
  ): Promise<boolean> {
    const sets: string[] = [];
    const params: unknown[] = [id, version, userId];
    const set = (column: string, value: unknown, cast = '') => {
      params.push(value);
      sets.push(`${column} = $${params.length}${cast}`);
    };
    if (values.name !== undefined) set('name', values.name);
    if (values.effectiveFrom !== undefined) set('effective_from', values.effectiveFrom, '::date');
    if (values.notes !== undefined) set('notes', values.notes);
    if (values.rules !== undefined) set('rules', JSON.stringify(values.rules), '::jsonb');
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE rent_policy_versions
          SET ${[...sets, 'updated_by = $3', 'updated_at = now()', 'version = version + 1'].join(', ')}
        WHERE id = $1 AND version = $2 AND status = 'draft'`,
      params,
    );
    return affected === 1;
  }

  async publish(
    manager: EntityManager,
    id: string,
    version: number,
    userId: string,
  ): Promise<boolean> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE rent_policy_versions
          SET status = 'published', published_at = now(), published_by = $3, updated_by = $3,
              updated_at = now(), version = version + 1
        WHERE id = $1 AND version = $2 AND status = 'draft'`,
      [id, version, userId],
    );
    return affected === 1;
  }

  async deleteDraft(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM rent_policy_versions WHERE id = $1 AND status = 'draft'`, [
      id,
    ]);
  }

  async coverageUnits(zoneId: string): Promise<CoverageUnitRow[]> {
    return this.dataSource.query(
      `SELECT u.park_id AS "parkId", p.name AS "parkName", u.floor_from AS "floorFrom",
              u.gross_area AS "grossArea"
         FROM units u JOIN parks p ON p.id = u.park_id
        WHERE u.zone_id = $1 AND u.deleted_at IS NULL`,
      [zoneId],
    );
  }

  async unitForQuote(id: string): Promise<UnitForQuote | null> {
    const rows: UnitForQuote[] = await this.dataSource.query(
      `SELECT id, zone_id AS "zoneId", code, name, gross_area AS "grossArea",
              floor_from AS "floorFrom", list_rent_fen AS "listRentFen",
              (${PUBLIC_UNITS}) AS "onMarket"
         FROM units WHERE id = $1 AND deleted_at IS NULL`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Locks the firm's quotes (one writer per firm) and counts them. */
  async lockAndCountQuotes(manager: EntityManager, firmId: string): Promise<number> {
    await manager.query('SELECT 1 FROM firms WHERE id = $1 FOR NO KEY UPDATE', [firmId]);
    const [{ n }]: { n: number }[] = await manager.query(
      'SELECT count(*)::int AS n FROM quotes WHERE firm_id = $1',
      [firmId],
    );
    return n;
  }

  async insertQuote(
    manager: EntityManager,
    values: {
      firmId: string;
      createdBy: string;
      unitId: string;
      zoneId: string;
      policyVersionId: string;
      termMonths: number;
      startDate: string;
      profile: unknown;
      unitSnapshot: QuoteUnitSnapshot;
      result: unknown;
      totalDueFen: number;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO quotes (firm_id, created_by, unit_id, zone_id, policy_version_id, term_months,
                           start_date, profile, unit_snapshot, result, total_due_fen)
       VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8::jsonb, $9::jsonb, $10::jsonb, $11)
       RETURNING id`,
      [
        values.firmId,
        values.createdBy,
        values.unitId,
        values.zoneId,
        values.policyVersionId,
        values.termMonths,
        values.startDate,
        JSON.stringify(values.profile),
        JSON.stringify(values.unitSnapshot),
        JSON.stringify(values.result),
        values.totalDueFen,
      ],
    );
    return rows[0].id;
  }

  async findQuote(
    firmId: string,
    id: string,
    manager?: EntityManager,
  ): Promise<SavedQuoteRow | null> {
    const rows: SavedQuoteRow[] = await this.db(manager).query(
      `SELECT ${QUOTE_COLUMNS}, q.profile, q.result
         FROM quotes q JOIN rent_policy_versions p ON p.id = q.policy_version_id
        WHERE q.id = $1 AND q.firm_id = $2`,
      [id, firmId],
    );
    return rows[0] ?? null;
  }

  async listQuotes(firmId: string): Promise<SavedQuoteSummaryRow[]> {
    return this.dataSource.query(
      `SELECT ${QUOTE_COLUMNS}, q.result -> 'totals' AS totals
         FROM quotes q JOIN rent_policy_versions p ON p.id = q.policy_version_id
        WHERE q.firm_id = $1
        ORDER BY q.created_at DESC, q.id`,
      [firmId],
    );
  }

  async deleteQuote(firmId: string, id: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      'DELETE FROM quotes WHERE id = $1 AND firm_id = $2',
      [id, firmId],
    );
    return affected === 1;
  }
}
