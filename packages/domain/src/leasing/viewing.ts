/**
 * Viewings (看厂预约): a firm books a time to see a unit. Booking creates the viewing in
 * `booked`; it is not a transition. Until it happens either side may move or cancel it; staff
 * record whether the firm came.
 */
import type { Labels } from '../labels';
import { defineMachine } from './machine';

export const VIEWING_STATUSES = ['booked', 'cancelled', 'completed', 'no_show'] as const;
export type ViewingStatus = (typeof VIEWING_STATUSES)[number];

export const VIEWING_EVENTS = ['reschedule', 'cancel', 'complete', 'mark_no_show'] as const;
export type ViewingEvent = (typeof VIEWING_EVENTS)[number];

export const VIEWING_STATUS_LABELS: Labels<ViewingStatus> = {
  booked: { 'zh-CN': '已预约', en: 'Booked' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
  completed: { 'zh-CN': '已看厂', en: 'Completed' },
  no_show: { 'zh-CN': '未到场', en: 'No-show' },
};

export const VIEWING_EVENT_LABELS: Labels<ViewingEvent> = {
  reschedule: { 'zh-CN': '改期', en: 'Reschedule' },
  cancel: { 'zh-CN': '取消预约', en: 'Cancel' },
  complete: { 'zh-CN': '确认已看厂', en: 'Mark as completed' },
  mark_no_show: { 'zh-CN': '标记未到场', en: 'Mark as no-show' },
};

export const VIEWING_MACHINE = defineMachine<ViewingStatus, ViewingEvent>({
  name: 'viewing',
  states: VIEWING_STATUSES,
  events: VIEWING_EVENTS,
  initial: 'booked',
  terminal: ['cancelled', 'completed', 'no_show'],
  transitions: [
    { event: 'reschedule', from: ['booked'], to: 'booked', by: ['firm', 'staff'] },
    { event: 'cancel', from: ['booked'], to: 'cancelled', by: ['firm', 'staff'] },
    { event: 'complete', from: ['booked'], to: 'completed', by: ['staff'] },
    { event: 'mark_no_show', from: ['booked'], to: 'no_show', by: ['staff'] },
  ],
  stateLabels: VIEWING_STATUS_LABELS,
  eventLabels: VIEWING_EVENT_LABELS,
  subjectLabel: { 'zh-CN': '看厂预约', en: 'viewing' },
  wording: {
    states: {
      booked: { enBefore: 'booked', enIs: 'booked' },
      cancelled: { enBefore: 'cancelled', enIs: 'cancelled' },
      completed: { enBefore: 'completed', enIs: 'completed' },
      no_show: { enBefore: 'no-show', enIs: 'a no-show' },
    },
    events: {
      reschedule: {
        zhVerb: '改期',
        enPassive: 'be rescheduled',
        enActive: 'reschedule a viewing',
      },
      cancel: { zhVerb: '取消', enPassive: 'be cancelled', enActive: 'cancel a viewing' },
      complete: {
        zhVerb: '确认已看厂',
        enPassive: 'be marked as completed',
        enActive: 'mark a viewing as completed',
      },
      mark_no_show: {
        zhVerb: '标记未到场',
        enPassive: 'be marked as a no-show',
        enActive: 'mark a viewing as a no-show',
      },
    },
  },
});
