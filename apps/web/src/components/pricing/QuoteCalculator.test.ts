import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { QuoteResult, RentPolicyRules } from '@factoryspace/domain';
import { createAppI18n } from '@/i18n';
import { ApiError } from '@/api/http';
import * as pricing from '@/api/pricing';
import { useSessionStore } from '@/stores/session';
import QuoteCalculator from './QuoteCalculator.vue';

vi.mock('@/api/pricing', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/api/pricing')>();
  return { ...actual, getCurrentRentPolicy: vi.fn(), createQuote: vi.fn(), saveQuote: vi.fn() };
});
vi.mock('@/api/firms', () => ({
  getMyFirm: vi.fn(async () => ({
    highTechCertificateNo: 'GR1',
    highTechExpiresOn: '2099-12-31',
    specialisedLevel: 'provincial',
  })),
}));

const api = vi.mocked(pricing);

const rules: RentPolicyRules = {
  floorTiers: [{ fromFloor: 1, toFloor: null, discountPct: 0 }],
  areaTiers: null,
  incentives: [
    {
      qualification: 'high_tech',
      yearDiscountPcts: [30],
      rentFreeMonths: 0,
      deferral: null,
      maxTermMonths: 96,
    },
  ],
  stacking: { mode: 'best_of' },
  minRentFenPerM2: 0,
  minTermMonths: 12,
  standardMaxTermMonths: 60,
};

const policy: pricing.PublicRentPolicy = {
  id: 'p1',
  zoneId: 'z1',
  versionNo: 1,
  name: '高平经开区空置厂房入驻专项优惠政策(2026版)',
  effectiveFrom: '2026-01-01',
  rules,
};

function quote(term: number): pricing.QuoteResponse {
  const result: QuoteResult = {
    termMonths: term,
    startDate: '2026-12-01',
    maxTermMonths: 60,
    appliedQualifications: [],
    lines: [],
    totals: {
      listFen: 100,
      discountFen: 0,
      rentFen: 100,
      deferredFen: 0,
      repaidFen: 0,
      dueFen: 100,
      savingsFen: 0,
      effectiveRentFenPerM2: 1,
      savingsPct: 0,
    },
    explanation: [],
  };
  return {
    unit: {
      id: 'u1',
      code: 'A1',
      name: 'A1',
      zoneId: 'z1',
      grossArea: 100,
      floor: 1,
      listRentFenPerM2: 1000,
    },
    policy: { id: 'p1', versionNo: 1, name: policy.name, effectiveFrom: '2026-01-01' },
    profile: { leadingIndustry: false, highTech: false, specialisedLevel: null },
    result,
  };
}

/** The result panel draws ECharts; the calculator's own behaviour is what is tested here. */
const ResultPanelStub = defineComponent({
  props: { quote: { type: Object, required: true } },
  setup(props, { slots }) {
    return () =>
      h('div', { 'data-testid': 'panel' }, [
        `term ${(props.quote as pricing.QuoteResponse).result.termMonths}`,
        slots.actions?.(),
      ]);
  },
});

function render(listRentFen: number | null = 1000) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)*', component: { render: () => null } }],
  });
  return mount(QuoteCalculator, {
    props: { unit: { id: 'u1', zoneId: 'z1', listRentFen } },
    global: {
      plugins: [createAppI18n('zh-CN'), router],
      stubs: { QuoteResultPanel: ResultPanelStub },
    },
  });
}

beforeEach(() => {
  setActivePinia(createPinia());
  vi.useFakeTimers();
  api.getCurrentRentPolicy.mockReset().mockResolvedValue(policy);
  api.createQuote.mockReset().mockImplementation(async (body) => quote(body.termMonths));
  api.saveQuote.mockReset();
});

afterEach(() => {
  vi.useRealTimers();
});

async function settle(): Promise<void> {
  await flushPromises();
  await vi.advanceTimersByTimeAsync(400);
  await flushPromises();
}

describe('QuoteCalculator', () => {
  it('offers the policy’s terms and extends them when a qualification allows', async () => {
    const wrapper = render();
    await settle();
    const terms = () =>
      wrapper
        .findAll('.chip-btn')
        .map((b) => Number(b.attributes('data-testid')!.split('-').pop()));
    expect(terms()).toEqual([12, 24, 36, 48, 60]);
    expect(wrapper.get('[data-testid="quote-term"]').attributes('max')).toBe('60');
    await wrapper.get('[data-testid="quote-qual-high-tech"]').setValue(true);
    await settle();
    expect(terms()).toEqual([12, 24, 36, 48, 60, 72, 96]);
    expect(wrapper.text()).toContain('符合条件可延长至 96 个月');
  });

  it('asks once per change, debounced, with the chosen term and profile', async () => {
    const wrapper = render();
    await settle();
    expect(api.createQuote).toHaveBeenCalledTimes(1);
    expect(api.createQuote.mock.calls[0]![0]).toMatchObject({
      unitId: 'u1',
      termMonths: 36,
      profile: { leadingIndustry: false, highTech: false, specialisedLevel: null },
    });
    await wrapper.get('[data-testid="quote-term-24"]').trigger('click');
    await wrapper.get('[data-testid="quote-specialised-level"]').setValue('national_little_giant');
    await settle();
    expect(api.createQuote).toHaveBeenCalledTimes(2);
    expect(api.createQuote.mock.calls[1]![0]).toMatchObject({
      termMonths: 24,
      profile: { specialisedLevel: 'national_little_giant' },
    });
    expect(wrapper.get('[data-testid="panel"]').text()).toContain('term 24');
  });

  it('pulls the term back when a qualification that allowed it is unticked', async () => {
    const wrapper = render();
    await settle();
    await wrapper.get('[data-testid="quote-qual-high-tech"]').setValue(true);
    await settle();
    await wrapper.get('[data-testid="quote-term-96"]').trigger('click');
    await settle();
    await wrapper.get('[data-testid="quote-qual-high-tech"]').setValue(false);
    await settle();
    expect((wrapper.get('[data-testid="quote-term"]').element as HTMLInputElement).value).toBe(
      '60',
    );
    expect(wrapper.get('[data-testid="quote-term-note"]').text()).toContain('60');
  });

  it('does not ask for a term outside the range and says why', async () => {
    const wrapper = render();
    await settle();
    await wrapper.get('[data-testid="quote-term"]').setValue('200');
    await settle();
    expect(api.createQuote).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="quote-term"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('租期须在 12–60 个月之间');
  });

  it('shows the server’s message when the quote fails', async () => {
    api.createQuote.mockRejectedValue(
      new ApiError(409, { code: 'UNIT_RENT_NOT_SET', message: '该厂房租金面议,无法测算' }),
    );
    const wrapper = render();
    await settle();
    expect(wrapper.get('[data-testid="quote-error"]').text()).toContain('该厂房租金面议,无法测算');
  });

  it('says when the zone has no policy, and asks nothing for a unit with rent on request', async () => {
    api.getCurrentRentPolicy.mockRejectedValue(
      new ApiError(404, { code: 'RENT_POLICY_NOT_FOUND', message: 'none' }),
    );
    const none = render();
    await settle();
    expect(none.find('[data-testid="quote-no-policy"]').exists()).toBe(true);
    expect(api.createQuote).not.toHaveBeenCalled();

    api.getCurrentRentPolicy.mockClear();
    const negotiable = render(null);
    await settle();
    expect(negotiable.find('[data-testid="quote-rent-on-request"]').exists()).toBe(true);
    expect(api.getCurrentRentPolicy).not.toHaveBeenCalled();
  });

  it('pre-fills the profile of a signed-in firm and lets it save the quote', async () => {
    const session = useSessionStore();
    session.user = {
      id: 'user-1',
      role: 'firm',
      displayName: '王建国',
    } as unknown as typeof session.user;
    api.saveQuote.mockResolvedValue({ ...quote(36), id: 'q1', createdAt: '2026-11-22T00:00:00Z' });
    const wrapper = render();
    await settle();
    expect(
      (wrapper.get('[data-testid="quote-qual-high-tech"]').element as HTMLInputElement).checked,
    ).toBe(true);
    expect(
      (wrapper.get('[data-testid="quote-specialised-level"]').element as HTMLSelectElement).value,
    ).toBe('provincial');
    await wrapper.get('[data-testid="quote-save"]').trigger('click');
    await flushPromises();
    expect(api.saveQuote).toHaveBeenCalledWith(
      expect.objectContaining({ profile: expect.objectContaining({ highTech: true }) }),
    );
    expect(wrapper.get('[data-testid="quote-save-message"]').text()).toContain('报价已保存');
  });
});
