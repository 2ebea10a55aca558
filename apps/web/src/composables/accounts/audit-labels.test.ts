import { describe, expect, it } from 'vitest';
import {
  AUDIT_EVENT_LABELS,
  AUDIT_EVENT_TYPES,
  auditEventLabel,
  auditOutcomeLabel,
  auditTargetTypeLabel,
  detailEntries,
} from './audit-labels';

describe('audit labels', () => {
  it('has a Chinese and an English label for every event type the API sends', () => {
    expect(AUDIT_EVENT_TYPES).toHaveLength(18);
    for (const type of AUDIT_EVENT_TYPES) {
      expect(AUDIT_EVENT_LABELS[type]['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(AUDIT_EVENT_LABELS[type].en).toMatch(/^[A-Z]/);
    }
  });

  it('labels known types in the current language', () => {
    expect(auditEventLabel('login.failure', 'zh-CN')).toBe('登录失败');
    expect(auditEventLabel('login.failure', 'en')).toBe('Sign-in failed');
    expect(auditEventLabel('firm.member_remove', 'zh-CN')).toBe('移除企业成员');
    expect(auditOutcomeLabel('denied', 'zh-CN')).toBe('已拒绝');
    expect(auditTargetTypeLabel('user', 'en')).toBe('User');
    expect(auditEventLabel('rent_policy.publish', 'zh-CN')).toBe('发布租金政策');
    expect(auditTargetTypeLabel('rent_policy', 'en')).toBe('Rent policy');
  });

  it('shows an unknown type as sent, and does not trip over inherited names', () => {
    expect(auditEventLabel('zone.archive', 'zh-CN')).toBe('zone.archive');
    expect(auditEventLabel('constructor', 'en')).toBe('constructor');
    expect(auditOutcomeLabel('partial', 'en')).toBe('partial');
  });
});

describe('detailEntries', () => {
  it('writes out values, structures as JSON', () => {
    expect(
      detailEntries({ from: 'staff', to: 'zone_admin', reasons: ['x'], count: 2, none: null }),
    ).toEqual([
      ['from', 'staff'],
      ['to', 'zone_admin'],
      ['reasons', '["x"]'],
      ['count', '2'],
      ['none', '—'],
    ]);
    expect(detailEntries(null)).toEqual([]);
  });
});
