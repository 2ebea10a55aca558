import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  APPLICATION_MACHINE,
  LEASE_MACHINE,
  nextState,
  todayInChina,
  unitOccupancyFromLeases,
  type ApplicationEvent,
  type LeaseEvent,
  type LeasingActor,
} from '@factoryspace/domain';
import { type Actor, assertInZone } from '../../common/access/actor';
import { invalidCursor } from '../../common/pagination/pagination.errors';
import { PricingErrors } from '../pricing/pricing.errors';
import { PricingService, type LeaseQuote } from '../pricing/pricing.service';
import {
  PG_EXCLUSION_VIOLATION,
  isConstraintViolation,
  versionConflict,
} from '../shared/shared.errors';
import { UnitsErrors } from '../units/units.errors';
import { ZonesErrors } from '../zones/zones.errors';
import type {
  AnswerApplicationDto,
  ApplicationListResponseDto,
  ApplicationPageResponseDto,
  ApplicationResponseDto,
  ApproveApplicationDto,
  CreateApplicationDto,
  ListZoneApplicationsQueryDto,
  ReasonDto,
  UpdateApplicationDto,
  WithdrawApplicationDto,
} from './dto/application.dto';
import type {
  ExpireLeaseDto,
  LeaseListResponseDto,
  LeaseResponseDto,
  LeasingEventListResponseDto,
  MoveInLeaseDto,
  SignLeaseDto,
  TerminateLeaseDto,
} from './dto/lease.dto';
import { APPLICATION_OPEN_STATUSES, type ApplicationStatus } from './entities/application.entity';
import { LEASE_NO_OVERLAP } from './entities/lease.entity';
import type { LeasingEventActorRole } from './entities/leasing-event.entity';
import { LeasingErrors, transition } from './leasing.errors';
import {
  type ApplicationRow,
  decodeQueueCursor,
  encodeQueueCursor,
  mapApplication,
  mapLease,
  mapLeasingEvent,
} from './leasing.mapper';
import {
  type ApplicationWrite,
  type LockedApplication,
  type LockedLease,
  LeasingRepository,
} from './leasing.repository';

/** The applications an approval puts on hold (waiting is already on hold). */
const HOLDABLE: readonly ApplicationStatus[] = ['submitted', 'under_review', 'info_requested'];

const DEFAULT_QUEUE_LIMIT = 50;

/** Who acts, in the machines' terms: firm users are the firm; every zone worker is staff. */
function machineActor(actor: Actor): LeasingActor {
  return actor.role === 'firm' ? 'firm' : 'staff';
}

function eventRole(actor: Actor): LeasingEventActorRole {
  return actor.role;
}

const SYSTEM = { id: null, name: null } as const;

/**
 * Applications (入驻申请) and leases (租约), moved through the domain state machines. Every
 * transition runs in one READ COMMITTED transaction holding row locks (docs/leasing.md):
 * writes that change a unit's leases or its competing applications lock the unit row first, then
 * the lease/application rows; the exclusion constraint `leases_no_overlap` is the backstop that
 * holds whatever the code does. Each transition writes a `leasing_events` row in the same
 * transaction.
 */
@Injectable()
export class LeasingService {
  constructor(
    private readonly repo: LeasingRepository,
    private readonly pricing: PricingService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  // ---- Visibility --------------------------------------------------------------------------

  /** Firm users see their firm's rows; zone workers the rows of their zone; others 404. */
  private assertVisible(
    actor: Actor,
    row: { firmId: string; zoneId: string },
    notFound: () => Error,
  ): void {
    if (actor.role === 'firm') {
      if (!actor.firmId || actor.firmId !== row.firmId) throw notFound();
      return;
    }
    assertInZone(actor, row.zoneId, notFound);
  }

  private async visibleApplication(id: string, actor: Actor): Promise<ApplicationRow> {
    const row = await this.repo.findApplication(id);
    if (!row) throw LeasingErrors.applicationNotFound();
    this.assertVisible(actor, row, LeasingErrors.applicationNotFound);
    return row;
  }

  private firmOf(actor: Actor): string {
    if (!actor.firmId) throw LeasingErrors.applicationNotFound();
    return actor.firmId;
  }

  /** The super administrator reaches any zone: a missing one is 404 (the guard scoped the rest). */
  private async assertZone(zoneId: string): Promise<void> {
    if (!(await this.repo.zoneExists(zoneId))) throw ZonesErrors.notFound();
  }

  // ---- Applications: reads -----------------------------------------------------------------

  async getApplication(id: string, actor: Actor): Promise<ApplicationResponseDto> {
    return mapApplication(await this.visibleApplication(id, actor));
  }

  async listMyApplications(actor: Actor): Promise<ApplicationListResponseDto> {
    const rows = await this.repo.listFirmApplications(this.firmOf(actor));
    return { items: rows.map((row) => mapApplication(row)) };
  }

  /** The zone's queue (the guard has placed the zone in the actor's scope). */
  async queue(
    zoneId: string,
    query: ListZoneApplicationsQueryDto,
  ): Promise<ApplicationPageResponseDto> {
    await this.assertZone(zoneId);
    const limit = query.limit ?? DEFAULT_QUEUE_LIMIT;
    const after = query.cursor ? decodeQueueCursor(query.cursor) : null;
    if (query.cursor && !after) throw invalidCursor();
    const statuses = query.status ? [query.status] : APPLICATION_OPEN_STATUSES;
    const rows = await this.repo.queue(zoneId.toLowerCase(), statuses, after, limit + 1);
    const page = rows.slice(0, limit);
    const today = todayInChina();
    return {
      items: page.map((row) => mapApplication(row, today)),
      nextCursor: rows.length > limit ? encodeQueueCursor(page[page.length - 1]) : null,
    };
  }

  async applicationEvents(id: string, actor: Actor): Promise<LeasingEventListResponseDto> {
    await this.visibleApplication(id, actor);
    return { items: (await this.repo.events('application', id)).map(mapLeasingEvent) };
  }

  // ---- Applications: drafts ----------------------------------------------------------------

  /**
   * The values of a draft after checking its references: the unit on the market, alternatives
   * (other distinct units on the market in the same zone), a move-in date from today, and the
   * firm's own saved quote for that unit, term and start date.
   */
  private async draftValues(
    firmId: string,
    input: Omit<CreateApplicationDto, 'alternatives'>,
    alternatives: string[],
  ): Promise<ApplicationWrite> {
    const today = todayInChina();
    if (input.desiredMoveIn < today) throw LeasingErrors.moveInInPast(today);
    const unitId = input.unitId.toLowerCase();
    const altIds = alternatives.map((id) => id.toLowerCase());
    const units = await this.repo.units([unitId, ...altIds]);
    const unit = units.find((u) => u.id === unitId);
    if (!unit || !unit.onMarket) throw UnitsErrors.notFound();
    if (altIds.includes(unitId)) throw LeasingErrors.invalidAlternatives('same_unit');
    if (new Set(altIds).size !== altIds.length)
      throw LeasingErrors.invalidAlternatives('duplicate');
    for (const id of altIds) {
      const alt = units.find((u) => u.id === id);
      if (!alt || !alt.onMarket) throw LeasingErrors.invalidAlternatives('not_found');
      if (alt.zoneId !== unit.zoneId) throw LeasingErrors.invalidAlternatives('other_zone');
    }
    let quoteId: string | null = null;
    if (input.quoteId) {
      const quote = await this.pricing.savedQuoteForLease(firmId, input.quoteId.toLowerCase());
      if (!quote) throw PricingErrors.quoteNotFound();
      if (
        quote.unitId !== unitId ||
        quote.termMonths !== input.termMonths ||
        quote.startDate !== input.desiredMoveIn
      )
        throw LeasingErrors.quoteMismatch({
          unitId: quote.unitId,
          termMonths: quote.termMonths,
          startDate: quote.startDate,
        });
      quoteId = quote.quoteId;
    }
    return {
      zoneId: unit.zoneId,
      unitId,
      firmId,
      intendedUse: input.intendedUse?.trim() || null,
      industry: input.industry?.trim() || null,
      headcount: input.headcount ?? null,
      powerKva: input.powerKva ?? null,
      floorLoadKnM2: input.floorLoadKnM2 ?? null,
      needs: { ...(input.needs ?? {}) } as Record<string, boolean>,
      termMonths: input.termMonths,
      desiredMoveIn: input.desiredMoveIn,
      quoteId,
    };
  }

  async createApplication(
    dto: CreateApplicationDto,
    actor: Actor,
  ): Promise<ApplicationResponseDto> {
    const firmId = this.firmOf(actor);
    const alternatives = dto.alternatives ?? [];
    const values = await this.draftValues(firmId, dto, alternatives);
    const id = await this.dataSource.transaction(async (manager) => {
      const id = await this.repo.insertApplication(manager, values, actor.userId);
      await this.repo.replaceAlternatives(
        manager,
        id,
        alternatives.map((a) => a.toLowerCase()),
      );
      await this.repo.addEvent(manager, {
        subjectType: 'application',
        subjectId: id,
        event: 'create',
        fromStatus: null,
        toStatus: 'draft',
        actorId: actor.userId,
        actorRole: eventRole(actor),
      });
      return id;
    });
    return mapApplication((await this.repo.findApplication(id))!);
  }

  async updateApplication(
    id: string,
    dto: UpdateApplicationDto,
    actor: Actor,
  ): Promise<ApplicationResponseDto> {
    const current = await this.visibleApplication(id, actor);
    if (current.status !== 'draft') throw LeasingErrors.notEditable(current.status);
    if (current.version !== dto.version) throw versionConflict(current.version);
    const { version, alternatives, ...patch } = dto;
    const merged = {
      unitId: patch.unitId ?? current.unitId,
      intendedUse: patch.intendedUse ?? current.intendedUse ?? '',
      industry: patch.industry ?? current.industry ?? undefined,
      headcount: patch.headcount ?? current.headcount ?? undefined,
      powerKva: patch.powerKva ?? current.powerKva ?? undefined,
      floorLoadKnM2: patch.floorLoadKnM2 ?? current.floorLoadKnM2 ?? undefined,
      needs: patch.needs ?? (current.needs as CreateApplicationDto['needs']),
      termMonths: patch.termMonths ?? current.termMonths,
      desiredMoveIn: patch.desiredMoveIn ?? current.desiredMoveIn,
      quoteId: patch.quoteId ?? current.quoteId ?? undefined,
    };
    const alts = alternatives ?? current.alternatives;
    const values = await this.draftValues(current.firmId, merged, alts);
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.repo.lockApplication(manager, id);
      if (!locked) throw LeasingErrors.applicationNotFound();
      if (locked.status !== 'draft') throw LeasingErrors.notEditable(locked.status);
      if (!(await this.repo.updateDraft(manager, id, version, values)))
        throw versionConflict(locked.version);
      if (alternatives !== undefined)
        await this.repo.replaceAlternatives(
          manager,
          id,
          alts.map((a) => a.toLowerCase()),
        );
    });
    return mapApplication((await this.repo.findApplication(id))!);
  }

  // ---- Applications: transitions -----------------------------------------------------------

  /**
   * One application transition: lock the row, check visibility and the machine, write the new
   * status and the timeline row, in one transaction.
   */
  private async applicationTransition(
    id: string,
    event: ApplicationEvent,
    actor: Actor,
    options: {
      reason?: string | null;
      check?: (locked: LockedApplication) => void;
      extra?: Parameters<LeasingRepository['setApplicationStatus']>[3];
    } = {},
  ): Promise<ApplicationResponseDto> {
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.repo.lockApplication(manager, id);
      if (!locked) throw LeasingErrors.applicationNotFound();
      this.assertVisible(actor, locked, LeasingErrors.applicationNotFound);
      const to = transition(() =>
        nextState(APPLICATION_MACHINE, locked.status, event, machineActor(actor)),
      );
      options.check?.(locked);
      await this.repo.setApplicationStatus(manager, id, to, options.extra);
      await this.repo.addEvent(manager, {
        subjectType: 'application',
        subjectId: id,
        event,
        fromStatus: locked.status,
        toStatus: to,
        actorId: actor.userId,
        actorRole: eventRole(actor),
        reason: options.reason ?? null,
      });
    });
    return mapApplication((await this.repo.findApplication(id))!);
  }

  submit(id: string, actor: Actor): Promise<ApplicationResponseDto> {
    return this.applicationTransition(id, 'submit', actor, {
      check: (locked) => {
        const today = todayInChina();
        if (locked.desiredMoveIn < today) throw LeasingErrors.moveInInPast(today);
      },
      extra: { submitted: true },
    });
  }

  withdraw(id: string, dto: WithdrawApplicationDto, actor: Actor) {
    return this.applicationTransition(id, 'withdraw', actor, { reason: dto.reason ?? null });
  }

  answer(id: string, dto: AnswerApplicationDto, actor: Actor) {
    return this.applicationTransition(id, 'answer', actor, { reason: dto.message });
  }

  startReview(id: string, actor: Actor) {
    return this.applicationTransition(id, 'start_review', actor, {
      extra: { agentId: actor.userId },
    });
  }

  requestInfo(id: string, dto: ReasonDto, actor: Actor) {
    return this.applicationTransition(id, 'request_info', actor, { reason: dto.reason });
  }

  reject(id: string, dto: ReasonDto, actor: Actor) {
    return this.applicationTransition(id, 'reject', actor, {
      reason: dto.reason,
      extra: { decided: true, decisionReason: dto.reason },
    });
  }

  /** The schedule a lease takes over: the accepted quote, or one computed now (current policy). */
  private async leaseQuote(app: ApplicationRow): Promise<LeaseQuote> {
    if (app.quoteId) {
      const saved = await this.pricing.savedQuoteForLease(app.firmId, app.quoteId);
      if (saved) return saved;
    }
    return this.pricing.computeForLease(app.unitId, app.termMonths, app.desiredMoveIn);
  }

  /**
   * Approves an application in ONE READ COMMITTED transaction: lock the unit (serialising every
   * change to the unit's leases), lock the application and check the machine, insert the draft
   * lease (the exclusion constraint refuses an overlap: 409 UNIT_NOT_AVAILABLE), put overlapping
   * competitors on hold, set the unit's occupancy with its dossier history, and write the timeline.
   * The quote is read (or computed) before the transaction: it depends only on columns a
   * submitted application can no longer change.
   */
  async approve(
    id: string,
    dto: ApproveApplicationDto,
    actor: Actor,
  ): Promise<ApplicationResponseDto> {
    const app = await this.visibleApplication(id, actor);
    // Fail fast (the same check runs again under the lock).
    transition(() => nextState(APPLICATION_MACHINE, app.status, 'approve', machineActor(actor)));
    const quote = await this.leaseQuote(app);
    let period = '';
    try {
      await this.dataSource.transaction('READ COMMITTED', async (manager) => {
        const unit = await this.repo.lockUnit(manager, app.unitId);
        if (!unit) throw UnitsErrors.notFound();
        const locked = await this.repo.lockApplication(manager, id);
        if (!locked) throw LeasingErrors.applicationNotFound();
        this.assertVisible(actor, locked, LeasingErrors.applicationNotFound);
        const to = transition(() =>
          nextState(APPLICATION_MACHINE, locked.status, 'approve', machineActor(actor)),
        );
        period = locked.requestedPeriod;
        await this.repo.setApplicationStatus(manager, id, to, {
          decided: true,
          decisionReason: null,
          agentId: actor.userId,
        });
        await this.repo.addEvent(manager, {
          subjectType: 'application',
          subjectId: id,
          event: 'approve',
          fromStatus: locked.status,
          toStatus: to,
          actorId: actor.userId,
          actorRole: eventRole(actor),
        });
        const leaseId = await this.repo.insertLease(manager, {
          zoneId: locked.zoneId,
          unitId: locked.unitId,
          firmId: locked.firmId,
          applicationId: id,
          quoteId: quote.quoteId,
          policyVersionId: quote.policyVersionId,
          period: locked.requestedPeriod,
          termMonths: locked.termMonths,
          schedule: quote.lines,
          totalDueFen: quote.totalDueFen,
          depositFen: dto.depositFen ?? 0,
          createdBy: actor.userId,
        });
        await this.repo.addEvent(manager, {
          subjectType: 'lease',
          subjectId: leaseId,
          event: 'create',
          fromStatus: null,
          toStatus: 'draft',
          actorId: actor.userId,
          actorRole: eventRole(actor),
          details: { applicationId: id, policyVersionId: quote.policyVersionId },
        });
        const competitors = await this.repo.lockOverlappingApplications(
          manager,
          locked.unitId,
          locked.requestedPeriod,
          id,
          HOLDABLE,
        );
        for (const other of competitors) {
          const next = transition(() =>
            nextState(APPLICATION_MACHINE, other.status, 'put_on_hold', 'system'),
          );
          await this.repo.setApplicationStatus(manager, other.id, next);
          await this.repo.addEvent(manager, {
            subjectType: 'application',
            subjectId: other.id,
            event: 'put_on_hold',
            fromStatus: other.status,
            toStatus: next,
            actorId: null,
            actorRole: 'system',
            details: { leaseId, applicationId: id },
          });
        }
        await this.syncUnit(manager, unit.id, leaseId, actor);
      });
    } catch (error) {
      if (isConstraintViolation(error, PG_EXCLUSION_VIOLATION, LEASE_NO_OVERLAP))
        throw LeasingErrors.unitNotAvailable(app.unitId, period);
      throw error;
    }
    return mapApplication((await this.repo.findApplication(id))!);
  }

  // ---- Units -------------------------------------------------------------------------------

  /**
   * Sets the (locked) unit's occupancy from its blocking leases (unitOccupancyFromLeases): leased
   * or reserved as they imply; when none holds it, a reserved or leased unit is vacant again
   * since `vacantSince` (the move-out date; else the date it had, else today). Recorded in the
   * dossier history as coming from the lease.
   */
  private async syncUnit(
    manager: EntityManager,
    unitId: string,
    leaseId: string,
    actor: Actor | null,
    vacantSince?: string,
  ): Promise<void> {
    const unit = await this.repo.lockUnit(manager, unitId);
    if (!unit) return;
    const implied = unitOccupancyFromLeases(await this.repo.blockingLeaseStatuses(manager, unitId));
    let next: { occupancyStatus: string; vacantSince: string | null };
    if (implied === 'leased') next = { occupancyStatus: 'leased', vacantSince: null };
    else if (implied === 'reserved')
      next = { occupancyStatus: 'reserved', vacantSince: unit.vacantSince };
    else if (unit.occupancyStatus === 'reserved' || unit.occupancyStatus === 'leased')
      next = {
        occupancyStatus: 'vacant',
        vacantSince: vacantSince ?? unit.vacantSince ?? todayInChina(),
      };
    else return;
    if (next.occupancyStatus === unit.occupancyStatus && next.vacantSince === unit.vacantSince)
      return;
    await this.repo.setUnitOccupancy(
      manager,
      unit,
      next,
      actor ? { id: actor.userId, name: actor.displayName } : SYSTEM,
      `lease:${leaseId}`,
    );
  }

  /** Reopens (by the system) the unit's waiting applications no blocking lease overlaps now. */
  private async reopenWaiting(manager: EntityManager, unitId: string, leaseId: string) {
    for (const app of await this.repo.lockReopenable(manager, unitId)) {
      const to = transition(() => nextState(APPLICATION_MACHINE, app.status, 'reopen', 'system'));
      await this.repo.setApplicationStatus(manager, app.id, to);
      await this.repo.addEvent(manager, {
        subjectType: 'application',
        subjectId: app.id,
        event: 'reopen',
        fromStatus: app.status,
        toStatus: to,
        actorId: null,
        actorRole: 'system',
        details: { leaseId },
      });
    }
  }

  // ---- Leases ------------------------------------------------------------------------------

  private async visibleLease(id: string, actor: Actor) {
    const row = await this.repo.findLease(id);
    if (!row) throw LeasingErrors.leaseNotFound();
    this.assertVisible(actor, row, LeasingErrors.leaseNotFound);
    return row;
  }

  async getLease(id: string, actor: Actor): Promise<LeaseResponseDto> {
    return mapLease(await this.visibleLease(id, actor));
  }

  async listMyLeases(actor: Actor): Promise<LeaseListResponseDto> {
    const firmId = actor.firmId;
    if (!firmId) return { items: [] };
    return { items: (await this.repo.listLeases({ firmId })).map(mapLease) };
  }

  async listZoneLeases(zoneId: string): Promise<LeaseListResponseDto> {
    await this.assertZone(zoneId);
    return { items: (await this.repo.listLeases({ zoneId: zoneId.toLowerCase() })).map(mapLease) };
  }

  async leaseEvents(id: string, actor: Actor): Promise<LeasingEventListResponseDto> {
    await this.visibleLease(id, actor);
    return { items: (await this.repo.events('lease', id)).map(mapLeasingEvent) };
  }

  /**
   * One lease transition: lock the unit then the lease (the order approve uses), check the
   * machine and `check`, write the lease, the timeline, the unit's occupancy and — when the
   * unit may be free again — reopen its waiting applications.
   */
  private async leaseTransition(
    id: string,
    event: LeaseEvent,
    actor: Actor,
    options: {
      reason?: string | null;
      check?: (lease: LockedLease) => void;
      values: Parameters<LeasingRepository['updateLease']>[3];
      vacantSince?: string;
      reopen?: boolean;
    },
  ): Promise<LeaseResponseDto> {
    const found = await this.repo.leaseUnit(id);
    if (!found) throw LeasingErrors.leaseNotFound();
    this.assertVisible(actor, found, LeasingErrors.leaseNotFound);
    await this.dataSource.transaction('READ COMMITTED', async (manager) => {
      await this.repo.lockUnit(manager, found.unitId);
      const lease = await this.repo.lockLease(manager, id);
      if (!lease) throw LeasingErrors.leaseNotFound();
      const to = transition(() =>
        nextState(LEASE_MACHINE, lease.status, event, machineActor(actor)),
      );
      options.check?.(lease);
      await this.repo.updateLease(manager, id, to, options.values);
      await this.repo.addEvent(manager, {
        subjectType: 'lease',
        subjectId: id,
        event,
        fromStatus: lease.status,
        toStatus: to,
        actorId: actor.userId,
        actorRole: eventRole(actor),
        reason: options.reason ?? null,
        details: { ...options.values },
      });
      await this.syncUnit(manager, lease.unitId, id, actor, options.vacantSince);
      if (options.reopen) await this.reopenWaiting(manager, lease.unitId, id);
    });
    return mapLease((await this.repo.findLease(id))!);
  }

  sign(id: string, dto: SignLeaseDto, actor: Actor) {
    return this.leaseTransition(id, 'sign', actor, {
      check: () => notAfterToday('signedOn', dto.signedOn),
      values: { signedOn: dto.signedOn, contractFile: dto.contractFile ?? null },
    });
  }

  moveIn(id: string, dto: MoveInLeaseDto, actor: Actor) {
    return this.leaseTransition(id, 'move_in', actor, {
      check: (lease) => {
        notAfterToday('movedInOn', dto.movedInOn);
        if (lease.signedOn && dto.movedInOn < lease.signedOn)
          throw LeasingErrors.invalidLeaseDate('movedInOn', lease.signedOn, todayInChina());
      },
      values: { movedInOn: dto.movedInOn },
    });
  }

  terminate(id: string, dto: TerminateLeaseDto, actor: Actor) {
    return this.end(id, 'terminate', dto.movedOutOn, actor, dto.reason);
  }

  expire(id: string, dto: ExpireLeaseDto, actor: Actor) {
    return this.end(id, 'expire', dto.movedOutOn, actor, null);
  }

  /**
   * Ends an active lease: its period is cut at `movedOutOn` (exclusive upper bound, so the unit
   * is free from that day), which must lie after the period's start and the move-in, within the
   * period, and not in the future.
   */
  private end(
    id: string,
    event: 'terminate' | 'expire',
    movedOutOn: string,
    actor: Actor,
    reason: string | null,
  ) {
    return this.leaseTransition(id, event, actor, {
      reason,
      check: (lease) => {
        const today = todayInChina();
        const min = [lease.periodStart, lease.movedInOn ?? lease.periodStart].sort()[1];
        const max = lease.periodEnd < today ? lease.periodEnd : today;
        if (movedOutOn <= lease.periodStart || movedOutOn < min || movedOutOn > max)
          throw LeasingErrors.invalidLeaseDate('movedOutOn', min, max);
      },
      values: { movedOutOn, ...(reason !== null ? { endReason: reason } : {}) },
      vacantSince: movedOutOn,
      reopen: true,
    });
  }

  cancel(id: string, dto: ReasonDto, actor: Actor) {
    return this.leaseTransition(id, 'cancel', actor, {
      reason: dto.reason,
      values: { endReason: dto.reason },
      reopen: true,
    });
  }
}

function notAfterToday(field: string, date: string): void {
  const today = todayInChina();
  if (date > today) throw LeasingErrors.invalidLeaseDate(field, null, today);
}
