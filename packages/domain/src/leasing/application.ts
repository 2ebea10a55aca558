/**
 * Applications (入驻/租赁申请): a firm asks to lease a unit. A new application is a `draft`;
 * staff review it, may ask for more information, and approve or reject it. When a competing
 * application for an overlapping period is approved, the system puts the others on hold
 * (`waiting`, 候补); staff or the system reopen them if that lease falls through.
 */
import type { Labels } from '../labels';
import { defineMachine } from './machine';

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'info_requested',
  'waiting',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_EVENTS = [
  'submit',
  'start_review',
  'request_info',
  'answer',
  'approve',
  'reject',
  'withdraw',
  'put_on_hold',
  'reopen',
] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

export const APPLICATION_STATUS_LABELS: Labels<ApplicationStatus> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '已提交', en: 'Submitted' },
  under_review: { 'zh-CN': '审核中', en: 'Under review' },
  info_requested: { 'zh-CN': '待补充材料', en: 'Information requested' },
  waiting: { 'zh-CN': '候补中', en: 'Waiting' },
  approved: { 'zh-CN': '已批准', en: 'Approved' },
  rejected: { 'zh-CN': '未通过', en: 'Rejected' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
};

export const APPLICATION_EVENT_LABELS: Labels<ApplicationEvent> = {
  submit: { 'zh-CN': '提交申请', en: 'Submit' },
  start_review: { 'zh-CN': '开始审核', en: 'Start review' },
  request_info: { 'zh-CN': '要求补充材料', en: 'Request information' },
  answer: { 'zh-CN': '补充材料', en: 'Provide information' },
  approve: { 'zh-CN': '批准', en: 'Approve' },
  reject: { 'zh-CN': '驳回', en: 'Reject' },
  withdraw: { 'zh-CN': '撤回', en: 'Withdraw' },
  put_on_hold: { 'zh-CN': '转为候补', en: 'Put on hold' },
  reopen: { 'zh-CN': '恢复审核', en: 'Reopen' },
};

export const APPLICATION_MACHINE = defineMachine<ApplicationStatus, ApplicationEvent>({
  name: 'application',
  states: APPLICATION_STATUSES,
  events: APPLICATION_EVENTS,
  initial: 'draft',
  terminal: ['approved', 'rejected', 'withdrawn'],
  transitions: [
    { event: 'submit', from: ['draft'], to: 'submitted', by: ['firm'] },
    { event: 'start_review', from: ['submitted'], to: 'under_review', by: ['staff'] },
    { event: 'request_info', from: ['under_review'], to: 'info_requested', by: ['staff'] },
    { event: 'answer', from: ['info_requested'], to: 'under_review', by: ['firm'] },
    { event: 'approve', from: ['under_review'], to: 'approved', by: ['staff'] },
    {
      event: 'reject',
      from: ['submitted', 'under_review', 'info_requested', 'waiting'],
      to: 'rejected',
      by: ['staff'],
    },
    {
      event: 'withdraw',
      from: ['draft', 'submitted', 'under_review', 'info_requested', 'waiting'],
      to: 'withdrawn',
      by: ['firm'],
    },
    {
      event: 'put_on_hold',
      from: ['submitted', 'under_review', 'info_requested'],
      to: 'waiting',
      by: ['system'],
    },
    { event: 'reopen', from: ['waiting'], to: 'under_review', by: ['staff', 'system'] },
  ],
  stateLabels: APPLICATION_STATUS_LABELS,
  eventLabels: APPLICATION_EVENT_LABELS,
  subjectLabel: { 'zh-CN': '申请', en: 'application' },
  wording: {
    states: {
      draft: { enBefore: 'draft', enIs: 'a draft' },
      submitted: { enBefore: 'submitted', enIs: 'submitted' },
      under_review: { enBefore: 'under review', enIs: 'under review' },
      info_requested: { enBefore: 'information requested', enIs: 'awaiting information' },
      waiting: { enBefore: 'waiting', enIs: 'waiting' },
      approved: { enBefore: 'approved', enIs: 'approved' },
      rejected: { enBefore: 'rejected', enIs: 'rejected' },
      withdrawn: { enBefore: 'withdrawn', enIs: 'withdrawn' },
    },
    events: {
      submit: { zhVerb: '提交', enPassive: 'be submitted', enActive: 'submit an application' },
      start_review: {
        zhVerb: '开始审核',
        enPassive: 'be taken into review',
        enActive: 'start reviewing an application',
      },
      request_info: {
        zhVerb: '要求补充材料',
        enPassive: 'be sent back for more information',
        enActive: 'ask for more information on an application',
      },
      answer: {
        zhVerb: '补充材料',
        enPassive: 'have the requested information added',
        enActive: 'add the requested information to an application',
      },
      approve: { zhVerb: '批准', enPassive: 'be approved', enActive: 'approve an application' },
      reject: { zhVerb: '驳回', enPassive: 'be rejected', enActive: 'reject an application' },
      withdraw: {
        zhVerb: '撤回',
        enPassive: 'be withdrawn',
        enActive: 'withdraw an application',
      },
      put_on_hold: {
        zhVerb: '转为候补',
        enPassive: 'be put on hold',
        enActive: 'put an application on hold',
      },
      reopen: { zhVerb: '恢复审核', enPassive: 'be reopened', enActive: 'reopen an application' },
    },
  },
});
