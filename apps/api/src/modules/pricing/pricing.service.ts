import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  QuoteInputError,
  computeQuote,
  todayInChina,
  validateRentPolicy,
  type QuoteLine,
  type QuoteResult,
  type RentPolicyRules,
} from '@factoryspace/domain';
import { type Actor, type RequestOrigin, assertInZone } from '../../common/access/actor';
import { AuditService } from '../audit/audit.service';
import {
  PG_CHECK_VIOLATION,
  PG_UNIQUE_VIOLATION,
  isConstraintViolation,
  versionConflict,
} from '../shared/shared.errors';
import { parseNumeric } from '../shared/columns';
import { UnitsErrors } from '../units/units.errors';
import { ZonesErrors } from '../zones/zones.errors';
import type {
  CreateQuoteDto,
  QuoteResponseDto,
  SavedQuoteDto,
  SavedQuoteListResponseDto,
} from './dto/quote.dto';
import type {
  CreateRentPolicyDto,
  PublicRentPolicyDto,
  PublishRentPolicyDto,
  RentPolicyCoverageDto,
  RentPolicyVersionDto,
  RentPolicyVersionListResponseDto,
  UpdateRentPolicyDto,
} from './dto/rent-policy.dto';
import {
  RENT_POLICY_EFFECTIVE_UNIQUE,
  RENT_POLICY_IMMUTABLE_CONSTRAINT,
} from './entities/rent-policy-version.entity';
import {
  type QuotableUnit,
  type RentPolicyRow,
  mapPolicy,
  mapPolicySummary,
  mapPublicPolicy,
  mapSavedQuote,
  mapSavedQuoteSummary,
  profileOf,
  quotePolicyOf,
  quoteUnitOf,
  startDateWindow,
  summarizeCoverage,
} from './pricing.mapper';
import { MAX_SAVED_QUOTES, MAX_START_YEARS_AHEAD, PricingErrors } from './pricing.errors';
import { PricingRepository, type UnitForQuote } from './pricing.repository';

/** Database refusals the API explains: the immutability trigger and the effective-date index. */
function translateWriteError(error: unknown, effectiveFrom?: string | null): never {
  if (isConstraintViolation(error, PG_CHECK_VIOLATION, RENT_POLICY_IMMUTABLE_CONSTRAINT))
    throw PricingErrors.published();
  if (isConstraintViolation(error, PG_UNIQUE_VIOLATION, RENT_POLICY_EFFECTIVE_UNIQUE))
    throw PricingErrors.effectiveDateTaken(effectiveFrom ?? '');
  throw error;
}

/** A quote as a lease takes it over: its policy version and monthly schedule. */
export interface LeaseQuote {
  /** The saved quote, or null when computed for the lease. */
  quoteId: string | null;
  unitId: string;
  policyVersionId: string;
  termMonths: number;
  startDate: string;
  lines: QuoteLine[];
  totalDueFen: number;
}

function assertValidRules(rules: unknown): asserts rules is RentPolicyRules {
  const issues = validateRentPolicy(rules);
  if (issues.length > 0) throw PricingErrors.invalidPolicy(issues);
}

/**
 * Rent policy versions (draft → published, immutable once published) and quotes computed with
 * the domain engine. The engine is pure; this service finds the unit and the policy version,
 * enforces who may see what, and stores saved quotes exactly as computed.
 */
@Injectable()
export class PricingService {
  constructor(
    private readonly repo: PricingRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  // ---- Policies ----------------------------------------------------------------------------

  async currentPublic(zoneId: string, date?: string): Promise<PublicRentPolicyDto> {
    const on = date ?? todayInChina();
    const row = await this.repo.effectivePolicy(zoneId, on);
    if (!row) throw PricingErrors.noEffectivePolicy(zoneId, on);
    return mapPublicPolicy(row);
  }

  async list(zoneId: string): Promise<RentPolicyVersionListResponseDto> {
    if (!(await this.repo.zoneExists(zoneId))) throw ZonesErrors.notFound();
    const [rows, currentId] = await Promise.all([
      this.repo.listPolicies(zoneId),
      this.repo.effectivePolicyId(zoneId, todayInChina()),
    ]);
    return { items: rows.map((row) => mapPolicySummary(row, currentId)) };
  }

  /** A policy version of the actor's zone (another zone's answers like a missing one). */
  private async visiblePolicy(id: string, actor: Actor): Promise<RentPolicyRow> {
    const row = await this.repo.findPolicy(id);
    if (!row) throw PricingErrors.policyNotFound();
    assertInZone(actor, row.zoneId, PricingErrors.policyNotFound);
    return row;
  }

  private async withCurrent(row: RentPolicyRow): Promise<RentPolicyVersionDto> {
    return mapPolicy(row, await this.repo.effectivePolicyId(row.zoneId, todayInChina()));
  }

  async get(id: string, actor: Actor): Promise<RentPolicyVersionDto> {
    return this.withCurrent(await this.visiblePolicy(id, actor));
  }

  async create(
    zoneId: string,
    dto: CreateRentPolicyDto,
    actor: Actor,
  ): Promise<RentPolicyVersionDto> {
    assertInZone(actor, zoneId, ZonesErrors.notFound);
    const id = await this.dataSource.transaction(async (manager) => {
      // The zone lock numbers versions one at a time (version_no = max + 1).
      if (!(await this.repo.zoneExists(zoneId, manager, true))) throw ZonesErrors.notFound();
      assertValidRules(dto.rules);
      return this.repo.insertDraft(
        manager,
        zoneId,
        {
          name: dto.name,
          effectiveFrom: dto.effectiveFrom ?? null,
          notes: dto.notes ?? null,
          rules: dto.rules,
        },
        actor.userId,
      );
    });
    return this.withCurrent((await this.repo.findPolicy(id))!);
  }

  async update(id: string, dto: UpdateRentPolicyDto, actor: Actor): Promise<RentPolicyVersionDto> {
    const { version, ...patch } = dto;
    try {
      await this.dataSource.transaction(async (manager) => {
        const row = await this.repo.findPolicy(id, manager, true);
        if (!row) throw PricingErrors.policyNotFound();
        assertInZone(actor, row.zoneId, PricingErrors.policyNotFound);
        if (row.status === 'published') throw PricingErrors.published();
        if (row.version !== version) throw versionConflict(row.version);
        if (patch.rules !== undefined) assertValidRules(patch.rules);
        if (!(await this.repo.updateDraft(manager, id, version, patch, actor.userId)))
          throw versionConflict(row.version);
      });
    } catch (error) {
      translateWriteError(error);
    }
    return this.withCurrent((await this.repo.findPolicy(id))!);
  }

  /** Deletes a draft; the audit log keeps who deleted which version (same transaction). */
  async remove(id: string, actor: Actor, origin?: RequestOrigin): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const row = await this.repo.findPolicy(id, manager, true);
        if (!row) throw PricingErrors.policyNotFound();
        assertInZone(actor, row.zoneId, PricingErrors.policyNotFound);
        if (row.status === 'published') throw PricingErrors.published();
        await this.repo.deleteDraft(manager, id);
        await this.audit.record(
          {
            type: 'rent_policy.delete',
            outcome: 'success',
            actor,
            zoneId: row.zoneId,
            origin,
            target: { type: 'rent_policy', id, label: `v${row.versionNo} ${row.name}` },
          },
          manager,
        );
      });
    } catch (error) {
      translateWriteError(error);
    }
  }

  /** Publishes a draft; the audit log records it in the same transaction. */
  async publish(
    id: string,
    dto: PublishRentPolicyDto,
    actor: Actor,
    origin?: RequestOrigin,
  ): Promise<RentPolicyVersionDto> {
    let effectiveFrom: string | null = null;
    try {
      await this.dataSource.transaction(async (manager) => {
        const row = await this.repo.findPolicy(id, manager, true);
        if (!row) throw PricingErrors.policyNotFound();
        assertInZone(actor, row.zoneId, PricingErrors.policyNotFound);
        if (row.status === 'published') throw PricingErrors.published();
        if (row.version !== dto.version) throw versionConflict(row.version);
        effectiveFrom = row.effectiveFrom;
        if (effectiveFrom === null) throw PricingErrors.effectiveDateRequired();
        const today = todayInChina();
        if (effectiveFrom < today) throw PricingErrors.effectiveDateInPast(effectiveFrom, today);
        assertValidRules(row.rules);
        // The partial unique index settles a race between two publishes (see translateWriteError).
        if (await this.repo.effectiveDateTaken(manager, row.zoneId, effectiveFrom, id))
          throw PricingErrors.effectiveDateTaken(effectiveFrom);
        if (!(await this.repo.publish(manager, id, dto.version, actor.userId)))
          throw versionConflict(row.version);
        await this.audit.record(
          {
            type: 'rent_policy.publish',
            outcome: 'success',
            actor,
            zoneId: row.zoneId,
            origin,
            target: { type: 'rent_policy', id, label: `v${row.versionNo} ${row.name}` },
            details: { effectiveFrom },
          },
          manager,
        );
      });
    } catch (error) {
      translateWriteError(error, effectiveFrom);
    }
    return this.withCurrent((await this.repo.findPolicy(id))!);
  }

  async coverage(id: string, actor: Actor): Promise<RentPolicyCoverageDto> {
    const row = await this.visiblePolicy(id, actor);
    return summarizeCoverage(row.rules, await this.repo.coverageUnits(row.zoneId));
  }

  // ---- Quotes ------------------------------------------------------------------------------

  /** A unit with its list rent (409 UNIT_RENT_NOT_SET when the rent is on request). */
  private quotable(unit: UnitForQuote): QuotableUnit {
    if (unit.listRentFen === null) throw PricingErrors.rentNotSet();
    return {
      id: unit.id,
      zoneId: unit.zoneId,
      code: unit.code,
      name: unit.name,
      grossArea: parseNumeric(unit.grossArea)!,
      floorFrom: unit.floorFrom,
      listRentFen: unit.listRentFen,
    };
  }

  private compute(
    unit: QuotableUnit,
    policy: RentPolicyRow,
    dto: CreateQuoteDto,
  ): QuoteResponseDto {
    const profile = profileOf(dto.profile);
    try {
      const result = computeQuote({
        unit: { listRentFenPerM2: unit.listRentFen, areaM2: unit.grossArea, floor: unit.floorFrom },
        rules: policy.rules,
        profile,
        termMonths: dto.termMonths,
        startDate: dto.startDate,
      });
      return { unit: quoteUnitOf(unit), policy: quotePolicyOf(policy), profile, result };
    } catch (error) {
      if (error instanceof QuoteInputError) throw PricingErrors.fromQuoteInput(error);
      throw error;
    }
  }

  /** The public quote: a unit on the market, the policy in effect on the start date. */
  async quote(dto: CreateQuoteDto): Promise<QuoteResponseDto> {
    const found = await this.repo.unitForQuote(dto.unitId);
    if (!found || !found.onMarket) throw UnitsErrors.notFound();
    const unit = this.quotable(found);
    const { min, max } = startDateWindow(todayInChina(), MAX_START_YEARS_AHEAD);
    if (dto.startDate < min || dto.startDate > max) throw PricingErrors.invalidStartDate(min, max);
    const policy = await this.repo.effectivePolicy(unit.zoneId, dto.startDate);
    if (!policy) throw PricingErrors.noEffectivePolicy(unit.zoneId, dto.startDate);
    return this.compute(unit, policy, dto);
  }

  /** Staff preview: this version (draft or published), any unit of its zone, any start date. */
  async preview(id: string, dto: CreateQuoteDto, actor: Actor): Promise<QuoteResponseDto> {
    const policy = await this.visiblePolicy(id, actor);
    const found = await this.repo.unitForQuote(dto.unitId);
    if (!found || found.zoneId !== policy.zoneId) throw UnitsErrors.notFound();
    return this.compute(this.quotable(found), policy, dto);
  }

  private firmOf(actor: Actor): string {
    if (!actor.firmId) throw PricingErrors.quoteNotFound();
    return actor.firmId;
  }

  async saveQuote(dto: CreateQuoteDto, actor: Actor): Promise<SavedQuoteDto> {
    const firmId = this.firmOf(actor);
    const quote = await this.quote(dto);
    const id = await this.dataSource.transaction(async (manager) => {
      if ((await this.repo.lockAndCountQuotes(manager, firmId)) >= MAX_SAVED_QUOTES)
        throw PricingErrors.quotesFull();
      return this.repo.insertQuote(manager, {
        firmId,
        createdBy: actor.userId,
        unitId: quote.unit.id,
        zoneId: quote.unit.zoneId,
        policyVersionId: quote.policy.id,
        termMonths: dto.termMonths,
        startDate: dto.startDate,
        profile: quote.profile,
        unitSnapshot: {
          listRentFenPerM2: quote.unit.listRentFenPerM2,
          areaM2: quote.unit.grossArea,
          floor: quote.unit.floor,
          code: quote.unit.code,
          name: quote.unit.name,
        },
        result: quote.result,
        totalDueFen: quote.result.totals.dueFen,
      });
    });
    // Answered as stored, so the response equals every later GET of it.
    return this.getQuote(id, actor);
  }

  async listQuotes(actor: Actor): Promise<SavedQuoteListResponseDto> {
    const rows = await this.repo.listQuotes(this.firmOf(actor));
    return { items: rows.map(mapSavedQuoteSummary) };
  }

  async getQuote(id: string, actor: Actor): Promise<SavedQuoteDto> {
    const row = await this.repo.findQuote(this.firmOf(actor), id);
    if (!row) throw PricingErrors.quoteNotFound();
    return mapSavedQuote(row);
  }

  /**
   * What a lease is locked to (LeasingModule): the firm's saved quote exactly as saved, or null
   * when it does not exist (or is another firm's).
   */
  async savedQuoteForLease(firmId: string, quoteId: string): Promise<LeaseQuote | null> {
    const row = await this.repo.findQuote(firmId, quoteId);
    if (!row) return null;
    const result: QuoteResult = row.result;
    return {
      quoteId: row.id,
      unitId: row.unitId,
      policyVersionId: row.policyId,
      termMonths: row.termMonths,
      startDate: row.startDate,
      lines: result.lines,
      totalDueFen: result.totals.dueFen,
    };
  }

  /**
   * A quote computed now for a lease without an accepted quote: the unit (on the market or not),
   * the zone's policy in effect on `on` (today), no qualification claimed. 409 UNIT_RENT_NOT_SET,
   * 404 RENT_POLICY_NOT_FOUND.
   */
  async computeForLease(
    unitId: string,
    termMonths: number,
    startDate: string,
    on: string = todayInChina(),
  ): Promise<LeaseQuote> {
    const found = await this.repo.unitForQuote(unitId);
    if (!found) throw UnitsErrors.notFound();
    const unit = this.quotable(found);
    const policy = await this.repo.effectivePolicy(unit.zoneId, on);
    if (!policy) throw PricingErrors.noEffectivePolicy(unit.zoneId, on);
    const quote = this.compute(unit, policy, {
      unitId,
      termMonths,
      startDate,
      profile: { leadingIndustry: false, highTech: false, specialisedLevel: null },
    });
    return {
      quoteId: null,
      unitId,
      policyVersionId: policy.id,
      termMonths,
      startDate,
      lines: quote.result.lines,
      totalDueFen: quote.result.totals.dueFen,
    };
  }

  async deleteQuote(id: string, actor: Actor): Promise<void> {
    if (!(await this.repo.deleteQuote(this.firmOf(actor), id))) throw PricingErrors.quoteNotFound();
  }
}
