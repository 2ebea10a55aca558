import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { listAuditEvents, type AuditEvent } from '@/api/audit';
import { createAppI18n } from '@/i18n';
import AuditView from './index.vue';

vi.mock('@/api/audit', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/audit')>()),
  listAuditEvents: vi.fn(),
}));

const EVENT: AuditEvent = {
  id: 'e1',
  occurredAt: '2025-03-01T02:00:00Z',
  type: 'user.role_change',
  outcome: 'success',
  actorId: 'a1',
  actorLabel: '管理员 王芳',
  actorRole: 'zone_admin',
  zoneId: 'z1',
  ip: '10.0.0.8',
  userAgent: 'Mozilla/5.0',
  targetType: 'user',
  targetId: 'u2',
  targetLabel: 'li@example.cn',
  details: { from: 'staff', to: 'zone_admin' },
};

async function mountPage(path: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/admin/audit', component: AuditView }],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(AuditView, { global: { plugins: [router, createAppI18n(locale)] } });
  await flushPromises();
  return { wrapper, router };
}

describe('/admin/audit', () => {
  beforeEach(() => {
    vi.mocked(listAuditEvents)
      .mockReset()
      .mockResolvedValue({
        items: [EVENT],
        nextCursor: 'n1',
        total: { value: 51, exact: true },
      });
  });

  it('shows each event with its label, outcome, actor, IP, target and details', async () => {
    const { wrapper } = await mountPage('/admin/audit');
    const row = wrapper.find('[data-testid="audit-event"]').text();
    expect(row).toContain('变更角色');
    expect(row).toContain('成功');
    expect(row).toContain('管理员 王芳');
    expect(row).toContain('开发区管理员');
    expect(row).toContain('10.0.0.8');
    expect(row).toContain('用户 · li@example.cn');
    expect(row).toContain('zone_admin');
  });

  it('labels events in English too', async () => {
    const { wrapper } = await mountPage('/admin/audit', 'en');
    expect(wrapper.find('[data-testid="audit-event"]').text()).toContain('Role changed');
  });

  it('sends the filters from the URL, dates as calendar days', async () => {
    await mountPage(
      '/admin/audit?type=login.failure&outcome=failure&from=2025-03-01&to=2025-03-02',
    );
    expect(listAuditEvents).toHaveBeenLastCalledWith(
      {
        type: 'login.failure',
        outcome: 'failure',
        from: '2025-03-01',
        to: '2025-03-02',
        cursor: undefined,
      },
      expect.any(AbortSignal),
    );
  });

  it('ignores unknown filter values and refuses a reversed date range', async () => {
    const { wrapper } = await mountPage('/admin/audit?type=bogus&from=2025-03-05&to=2025-03-01');
    expect(wrapper.find('[data-testid="invalid-range"]').exists()).toBe(true);
    expect(listAuditEvents).not.toHaveBeenCalled();
  });

  it('pages with the keyset cursor', async () => {
    const { wrapper, router } = await mountPage('/admin/audit?outcome=denied');
    await wrapper.findAll('.pagination button').at(1)!.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ outcome: 'denied', c: ['n1'] });
    expect(listAuditEvents).toHaveBeenLastCalledWith(
      expect.objectContaining({ outcome: 'denied', cursor: 'n1' }),
      expect.any(AbortSignal),
    );
  });
});
