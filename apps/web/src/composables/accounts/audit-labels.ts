/**
 * Labels for the audit log (docs/accounts.md, "Outbox and audit"): event types, outcomes and
 * target types in Chinese and English, and the details object as label/value pairs. The label
 * tables are typed by the API's enums, so a new event type fails the typecheck until it has a
 * label; until then (an older web app) it shows as sent.
 */
import type { Labels, Locale } from '@factoryspace/domain';
import type { AuditEventType, AuditOutcome } from '@/api/audit';

/** The event types, in the order the filter lists them. */
export const AUDIT_EVENT_TYPES = [
  'login.success',
  'login.failure',
  'logout',
  'password.change',
  'password.reset',
  'user.register',
  'email.verify',
  'invitation.create',
  'invitation.accept',
  'invitation.revoke',
  'user.role_change',
  'user.disable',
  'user.enable',
  'access.denied',
  'firm.member_remove',
  'zone.create',
  'rent_policy.publish',
  'rent_policy.delete',
] as const satisfies readonly AuditEventType[];

export const AUDIT_EVENT_LABELS: Labels<AuditEventType> = {
  'login.success': { 'zh-CN': '登录成功', en: 'Signed in' },
  'login.failure': { 'zh-CN': '登录失败', en: 'Sign-in failed' },
  logout: { 'zh-CN': '退出登录', en: 'Signed out' },
  'password.change': { 'zh-CN': '修改密码', en: 'Password changed' },
  'password.reset': { 'zh-CN': '重置密码', en: 'Password reset' },
  'user.register': { 'zh-CN': '企业注册', en: 'Firm registered' },
  'email.verify': { 'zh-CN': '验证邮箱', en: 'E-mail verified' },
  'invitation.create': { 'zh-CN': '发出邀请', en: 'Invitation sent' },
  'invitation.accept': { 'zh-CN': '接受邀请', en: 'Invitation accepted' },
  'invitation.revoke': { 'zh-CN': '撤销邀请', en: 'Invitation revoked' },
  'user.role_change': { 'zh-CN': '变更角色', en: 'Role changed' },
  'user.disable': { 'zh-CN': '停用账号', en: 'Account disabled' },
  'user.enable': { 'zh-CN': '启用账号', en: 'Account enabled' },
  'access.denied': { 'zh-CN': '越权访问被拒绝', en: 'Access denied' },
  'firm.member_remove': { 'zh-CN': '移除企业成员', en: 'Firm member removed' },
  'zone.create': { 'zh-CN': '创建开发区', en: 'Zone created' },
  'rent_policy.publish': { 'zh-CN': '发布租金政策', en: 'Rent policy published' },
  'rent_policy.delete': { 'zh-CN': '删除租金政策草稿', en: 'Rent policy draft deleted' },
};

export const AUDIT_OUTCOMES = [
  'success',
  'failure',
  'denied',
] as const satisfies readonly AuditOutcome[];

export const AUDIT_OUTCOME_LABELS: Labels<AuditOutcome> = {
  success: { 'zh-CN': '成功', en: 'Success' },
  failure: { 'zh-CN': '失败', en: 'Failure' },
  denied: { 'zh-CN': '已拒绝', en: 'Denied' },
};

const TARGET_TYPE_LABELS: Record<string, Record<Locale, string>> = {
  user: { 'zh-CN': '用户', en: 'User' },
  firm: { 'zh-CN': '企业', en: 'Firm' },
  invitation: { 'zh-CN': '邀请', en: 'Invitation' },
  zone: { 'zh-CN': '开发区', en: 'Zone' },
  park: { 'zh-CN': '园区', en: 'Park' },
  building: { 'zh-CN': '楼栋', en: 'Building' },
  unit: { 'zh-CN': '厂房', en: 'Unit' },
  session: { 'zh-CN': '会话', en: 'Session' },
  route: { 'zh-CN': '接口', en: 'Route' },
  rent_policy: { 'zh-CN': '租金政策', en: 'Rent policy' },
};

function lookup(table: Record<string, Record<Locale, string>>, key: string, locale: Locale) {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key]![locale] : key;
}

/** The label of an event type; an unknown type is shown as sent. */
export function auditEventLabel(type: string, locale: Locale): string {
  return lookup(AUDIT_EVENT_LABELS, type, locale);
}

export function auditOutcomeLabel(outcome: string, locale: Locale): string {
  return lookup(AUDIT_OUTCOME_LABELS, outcome, locale);
}

export function auditTargetTypeLabel(targetType: string, locale: Locale): string {
  return lookup(TARGET_TYPE_LABELS, targetType, locale);
}

/** The details object as label/value pairs, values written out (JSON for structures). */
export function detailEntries(
  details: Record<string, unknown> | null | undefined,
): [string, string][] {
  if (!details || typeof details !== 'object') return [];
  return Object.entries(details)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => [
      key,
      value === null ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value),
    ]);
}
