import { daysBetween, todayInChina, type QuoteLine } from '@factoryspace/domain';
import type { ApplicationStatus } from './entities/application.entity';
import { APPLICATION_OPEN_STATUSES } from './entities/application.entity';
import type { LeaseStatus } from './entities/lease.entity';
import type { ApplicationNeedsDto, ApplicationResponseDto } from './dto/application.dto';
import type { LeaseResponseDto, LeasingEventDto } from './dto/lease.dto';

export interface ApplicationRow {
  id: string;
  zoneId: string;
  unitId: string;
  unitCode: string;
  firmId: string;
  firmName: string;
  status: ApplicationStatus;
  intendedUse: string | null;
  industry: string | null;
  headcount: number | null;
  powerKva: number | null;
  floorLoadKnM2: number | null;
  needs: Record<string, unknown>;
  termMonths: number;
  desiredMoveIn: string;
  requestedUntil: string;
  quoteId: string | null;
  decisionReason: string | null;
  submittedAt: Date | string | null;
  decidedAt: Date | string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  version: number;
  alternatives: string[];
  leaseId: string | null;
}

export interface LeaseRow {
  id: string;
  zoneId: string;
  unitId: string;
  unitCode: string;
  firmId: string;
  firmName: string;
  applicationId: string | null;
  quoteId: string | null;
  policyVersionId: string;
  status: LeaseStatus;
  periodStart: string;
  periodEnd: string;
  termMonths: number;
  monthlyRentSchedule: QuoteLine[];
  totalDueFen: string | number;
  depositFen: string | number;
  signedOn: string | null;
  contractFile: string | null;
  movedInOn: string | null;
  movedOutOn: string | null;
  endReason: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  version: number;
}

export interface LeasingEventRow {
  id: string;
  event: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string | null;
  actorRole: string | null;
  actorName: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  occurredAt: Date | string;
}

const iso = (value: Date | string): string => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null): string | null =>
  value === null ? null : iso(value);

const NEEDS = ['gas', 'water', 'heating', 'sewage', 'fibre'] as const;

function needsOf(needs: Record<string, unknown>): ApplicationNeedsDto {
  const out: ApplicationNeedsDto = {};
  for (const key of NEEDS) if (typeof needs[key] === 'boolean') out[key] = needs[key];
  return out;
}

/** Whole days since submission (China dates) while the application is still open. */
export function daysWaiting(
  status: ApplicationStatus,
  submittedAt: Date | string | null,
  today: string = todayInChina(),
): number | null {
  if (submittedAt === null || !(APPLICATION_OPEN_STATUSES as readonly string[]).includes(status))
    return null;
  return Math.max(0, daysBetween(todayInChina(new Date(submittedAt)), today));
}

export function mapApplication(row: ApplicationRow, today?: string): ApplicationResponseDto {
  return {
    id: row.id,
    zoneId: row.zoneId,
    unitId: row.unitId,
    unitCode: row.unitCode,
    firmId: row.firmId,
    firmName: row.firmName,
    status: row.status,
    alternatives: row.alternatives,
    intendedUse: row.intendedUse,
    industry: row.industry,
    headcount: row.headcount,
    powerKva: row.powerKva,
    floorLoadKnM2: row.floorLoadKnM2,
    needs: needsOf(row.needs),
    termMonths: row.termMonths,
    desiredMoveIn: row.desiredMoveIn,
    requestedUntil: row.requestedUntil,
    quoteId: row.quoteId,
    decisionReason: row.decisionReason,
    submittedAt: isoOrNull(row.submittedAt),
    decidedAt: isoOrNull(row.decidedAt),
    daysWaiting: daysWaiting(row.status, row.submittedAt, today),
    leaseId: row.leaseId,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    version: row.version,
  };
}

export function mapLease(row: LeaseRow): LeaseResponseDto {
  return {
    id: row.id,
    zoneId: row.zoneId,
    unitId: row.unitId,
    unitCode: row.unitCode,
    firmId: row.firmId,
    firmName: row.firmName,
    applicationId: row.applicationId,
    quoteId: row.quoteId,
    policyVersionId: row.policyVersionId,
    status: row.status,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    termMonths: row.termMonths,
    monthlyRentSchedule: row.monthlyRentSchedule,
    totalDueFen: Number(row.totalDueFen),
    depositFen: Number(row.depositFen),
    signedOn: row.signedOn,
    contractFile: row.contractFile,
    movedInOn: row.movedInOn,
    movedOutOn: row.movedOutOn,
    endReason: row.endReason,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    version: row.version,
  };
}

export function mapLeasingEvent(row: LeasingEventRow): LeasingEventDto {
  return {
    id: row.id,
    event: row.event,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    actorId: row.actorId,
    actorRole: row.actorRole,
    actorName: row.actorName,
    reason: row.reason,
    details: row.details,
    occurredAt: iso(row.occurredAt),
  };
}

/** The queue's keyset cursor: base64url of `[submittedAt, id]`. */
export function encodeQueueCursor(row: ApplicationRow): string {
  return Buffer.from(JSON.stringify([iso(row.submittedAt!), row.id])).toString('base64url');
}

export function decodeQueueCursor(cursor: string): { submittedAt: string; id: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      !Number.isNaN(Date.parse(value[0])) &&
      typeof value[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(value[1])
    )
      return { submittedAt: value[0], id: value[1] };
  } catch {
    // fall through
  }
  return null;
}
