import { ACCEPTANCE_STATUSES, INDUSTRIES, OCCUPANCY_STATUSES, UNIT_CLASSES } from './enums';
import {
  ACCEPTANCE_STATUS_LABELS,
  INDUSTRY_LABELS,
  OCCUPANCY_STATUS_LABELS,
  UNIT_CLASS_LABELS,
  resolveLocale,
} from './labels';
import { ISSUE_CODES, issueMessage } from './validation';

describe('labels and locales', () => {
  it('labels every enum value in both locales', () => {
    const pairs: [readonly string[], Record<string, Record<string, string>>][] = [
      [UNIT_CLASSES, UNIT_CLASS_LABELS],
      [OCCUPANCY_STATUSES, OCCUPANCY_STATUS_LABELS],
      [ACCEPTANCE_STATUSES, ACCEPTANCE_STATUS_LABELS],
      [INDUSTRIES, INDUSTRY_LABELS],
    ];
    for (const [values, labels] of pairs) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const value of values) {
        expect(labels[value]!['zh-CN']).toMatch(/\S/);
        expect(labels[value]!.en).toMatch(/\S/);
      }
    }
  });

  it('resolves Accept-Language to a supported locale', () => {
    expect(resolveLocale(undefined)).toBe('zh-CN');
    expect(resolveLocale('en-US,en;q=0.9')).toBe('en');
    expect(resolveLocale('zh-TW')).toBe('zh-CN');
    expect(resolveLocale('fr-FR, en;q=0.5, zh;q=0.8')).toBe('zh-CN');
    expect(resolveLocale('de')).toBe('zh-CN');
    expect(resolveLocale('en;q=0, zh')).toBe('zh-CN');
  });

  it('fills message parameters and has a message for every issue code', () => {
    expect(issueMessage({ code: 'too_long', params: { max: 32 } }, 'en')).toBe(
      'Must be at most 32 characters',
    );
    expect(issueMessage({ code: 'out_of_range', params: { min: 1, max: 100 } }, 'zh-CN')).toBe(
      '应在 1 至 100 之间',
    );
    for (const code of ISSUE_CODES) {
      expect(issueMessage({ code }, 'zh-CN')).not.toMatch(/\{/);
    }
  });
});
