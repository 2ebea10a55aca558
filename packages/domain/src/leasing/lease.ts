/**
 * Leases (租约): created as a `draft` from an approved application and its accepted quote, then
 * signed, moved into, and ended by expiry or early termination; a draft or signed lease may be
 * cancelled. The status also says what the lease does to its unit's occupancy.
 */
import type { OccupancyStatus } from '../enums';
import type { Labels } from '../labels';
import { defineMachine } from './machine';

export const LEASE_STATUSES = [
  'draft',
  'signed',
  'active',
  'expired',
  'terminated',
  'cancelled',
] as const;
export type LeaseStatus = (typeof LEASE_STATUSES)[number];

export const LEASE_EVENTS = ['sign', 'move_in', 'expire', 'terminate', 'cancel'] as const;
export type LeaseEvent = (typeof LEASE_EVENTS)[number];

/**
 * Leases in these statuses take part in the no-overlap exclusion constraint on a unit: every
 * status but `cancelled`. An expired or terminated lease keeps its period, cut at its move-out
 * date, so history cannot be double-booked either.
 */
export const LEASE_BLOCKING_STATUSES = [
  'draft',
  'signed',
  'active',
  'expired',
  'terminated',
] as const satisfies readonly LeaseStatus[];

/** The firm is bound to the unit: signed, or moved in. */
export const LEASE_OCCUPYING_STATUSES = [
  'signed',
  'active',
] as const satisfies readonly LeaseStatus[];

export const LEASE_STATUS_LABELS: Labels<LeaseStatus> = {
  draft: { 'zh-CN': '租约草稿', en: 'Draft' },
  signed: { 'zh-CN': '已签约', en: 'Signed' },
  active: { 'zh-CN': '履行中', en: 'Active' },
  expired: { 'zh-CN': '已到期', en: 'Expired' },
  terminated: { 'zh-CN': '已提前终止', en: 'Terminated early' },
  cancelled: { 'zh-CN': '已作废', en: 'Cancelled' },
};

export const LEASE_EVENT_LABELS: Labels<LeaseEvent> = {
  sign: { 'zh-CN': '签约', en: 'Sign' },
  move_in: { 'zh-CN': '确认入驻', en: 'Record move-in' },
  expire: { 'zh-CN': '到期结束', en: 'End at expiry' },
  terminate: { 'zh-CN': '提前终止', en: 'Terminate early' },
  cancel: { 'zh-CN': '作废', en: 'Cancel' },
};

export const LEASE_MACHINE = defineMachine<LeaseStatus, LeaseEvent>({
  name: 'lease',
  states: LEASE_STATUSES,
  events: LEASE_EVENTS,
  initial: 'draft',
  terminal: ['expired', 'terminated', 'cancelled'],
  transitions: [
    { event: 'sign', from: ['draft'], to: 'signed', by: ['staff'] },
    { event: 'move_in', from: ['signed'], to: 'active', by: ['staff'] },
    { event: 'expire', from: ['active'], to: 'expired', by: ['staff', 'system'] },
    { event: 'terminate', from: ['active'], to: 'terminated', by: ['staff'] },
    { event: 'cancel', from: ['draft', 'signed'], to: 'cancelled', by: ['staff'] },
  ],
  stateLabels: LEASE_STATUS_LABELS,
  eventLabels: LEASE_EVENT_LABELS,
  subjectLabel: { 'zh-CN': '租约', en: 'lease' },
  wording: {
    states: {
      draft: { enBefore: 'draft', enIs: 'a draft' },
      signed: { enBefore: 'signed', enIs: 'signed' },
      active: { enBefore: 'active', enIs: 'active' },
      expired: { enBefore: 'expired', enIs: 'expired' },
      terminated: { enBefore: 'terminated', enIs: 'terminated early' },
      cancelled: { enBefore: 'cancelled', enIs: 'cancelled' },
    },
    events: {
      sign: { zhVerb: '签约', enPassive: 'be signed', enActive: 'sign a lease' },
      move_in: {
        zhVerb: '确认入驻',
        enPassive: 'be marked as moved in',
        enActive: 'record a move-in',
      },
      expire: {
        zhVerb: '到期结束',
        enPassive: 'be ended at expiry',
        enActive: 'end a lease at expiry',
      },
      terminate: {
        zhVerb: '提前终止',
        enPassive: 'be terminated early',
        enActive: 'terminate a lease early',
      },
      cancel: { zhVerb: '作废', enPassive: 'be cancelled', enActive: 'cancel a lease' },
    },
  },
});

/** What a lease in each status does to its unit; `null`: nothing (vacant unless another lease holds it). */
export type LeaseOccupancy = Extract<OccupancyStatus, 'reserved' | 'leased'> | null;

const LEASE_OCCUPANCY: Record<LeaseStatus, LeaseOccupancy> = {
  draft: 'reserved',
  signed: 'reserved',
  active: 'leased',
  expired: null,
  terminated: null,
  cancelled: null,
};

/** The unit occupancy a lease status implies: draft and signed reserve the unit, active leases it. */
export function leaseOccupancy(status: LeaseStatus): LeaseOccupancy {
  return LEASE_OCCUPANCY[status];
}

/**
 * The occupancy of a unit given the statuses of all its leases: `leased` if one is active, else
 * `reserved` if one is draft or signed, else `null` (the caller decides between vacant and
 * unavailable, which leases do not determine).
 */
export function unitOccupancyFromLeases(statuses: readonly LeaseStatus[]): LeaseOccupancy {
  const implied = statuses.map(leaseOccupancy);
  if (implied.includes('leased')) return 'leased';
  return implied.includes('reserved') ? 'reserved' : null;
}
