import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '@/i18n';
import HighTechExpiryNotice from './HighTechExpiryNotice.vue';

function notice(expiresOn: string | null, locale: 'zh-CN' | 'en' = 'zh-CN') {
  return mount(HighTechExpiryNotice, {
    props: { expiresOn, today: '2025-06-01' },
    global: { plugins: [createAppI18n(locale)] },
  }).find('[data-testid="high-tech-warning"]');
}

describe('HighTechExpiryNotice', () => {
  it('stays silent without a date or with plenty of time left', () => {
    expect(notice(null).exists()).toBe(false);
    expect(notice('2026-01-01').exists()).toBe(false);
  });

  it('warns about a certificate expiring within 90 days', () => {
    const warning = notice('2025-07-01');
    expect(warning.attributes('data-kind')).toBe('expiring');
    expect(warning.classes()).toContain('alert-warning');
    expect(warning.text()).toContain('还剩 30 天');
  });

  it('says so on the last day', () => {
    expect(notice('2025-06-01').text()).toContain('今天(2025-06-01)到期');
  });

  it('flags an expired certificate as an error', () => {
    const warning = notice('2025-05-01', 'en');
    expect(warning.attributes('data-kind')).toBe('expired');
    expect(warning.classes()).toContain('alert-error');
    expect(warning.text()).toContain('expired on 2025-05-01 (31 days ago)');
  });
});
