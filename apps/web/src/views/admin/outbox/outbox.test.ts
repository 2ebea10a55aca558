import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { listOutbox, type OutboxMessage } from '@/api/outbox';
import { createAppI18n } from '@/i18n';
import OutboxView from './index.vue';

vi.mock('@/api/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/outbox')>()),
  listOutbox: vi.fn(),
}));

const LINK = 'http://localhost:4173/verify-email?token=AbC123_-x';

const message: OutboxMessage = {
  id: 'm1',
  kind: 'verify_email',
  toAddress: 'owner@example.cn',
  subject: '请验证您的邮箱',
  bodyText: `您好:\n请打开以下链接验证邮箱:\n${LINK}\n<b>不是 HTML</b>`,
  status: 'pending',
  attempts: 2,
  lastError: 'SMTP not configured',
  nextAttemptAt: '2025-01-01T01:00:00Z',
  sentAt: null,
  createdAt: '2025-01-01T00:00:00Z',
  zoneId: null,
};

async function mountPage(path = '/admin/outbox') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/admin/outbox', component: OutboxView }],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(OutboxView, { global: { plugins: [router, createAppI18n('zh-CN')] } });
  await flushPromises();
  return { wrapper, router };
}

describe('/admin/outbox', () => {
  beforeEach(() => {
    vi.mocked(listOutbox).mockReset();
    vi.mocked(listOutbox).mockResolvedValue({
      items: [message],
      nextCursor: null,
      total: { value: 1, exact: true },
      smtpConfigured: false,
    });
  });

  it('lists mails with their delivery state and explains the SMTP fallback', async () => {
    const { wrapper } = await mountPage();
    const row = wrapper.find('[data-testid="outbox-message"]');
    expect(row.text()).toContain('邮箱验证');
    expect(row.text()).toContain('owner@example.cn');
    expect(row.text()).toContain('待发送');
    expect(row.text()).toContain('SMTP not configured');
    const notice = wrapper.find('[data-testid="smtp-notice"]');
    expect(notice.attributes('data-smtp')).toBe('false');
    expect(notice.text()).toContain('当前未配置 SMTP');
    expect(notice.text()).toContain('配置 SMTP 后会自动重试发送');
    expect(wrapper.find('[data-testid="outbox-body"]').exists()).toBe(false);
  });

  it('opens a mail to show its text with the link clickable and the rest as text', async () => {
    const { wrapper } = await mountPage();
    await wrapper.find('[data-testid="outbox-message"] button').trigger('click');
    const body = wrapper.find('[data-testid="outbox-body"]');
    expect(body.text()).toContain(LINK);
    const link = body.find('a');
    expect(link.attributes('href')).toBe(LINK);
    expect(body.find('b').exists()).toBe(false);
    expect(body.text()).toContain('<b>不是 HTML</b>');

    await wrapper.find('[data-testid="outbox-message"] button').trigger('click');
    expect(wrapper.find('[data-testid="outbox-body"]').exists()).toBe(false);
  });

  it('filters by status through the URL', async () => {
    const { wrapper, router } = await mountPage();
    await wrapper.find('[data-testid="outbox-status-filter"]').setValue('sent');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ status: 'sent' });
    expect(listOutbox).toHaveBeenLastCalledWith(
      { status: 'sent', cursor: undefined },
      expect.any(AbortSignal),
    );
  });

  it('shows the empty state, and that SMTP is configured', async () => {
    vi.mocked(listOutbox).mockResolvedValue({
      items: [],
      nextCursor: null,
      total: { value: 0, exact: true },
      smtpConfigured: true,
    });
    const { wrapper } = await mountPage();
    expect(wrapper.text()).toContain('发件箱里没有邮件');
    expect(wrapper.find('[data-testid="smtp-notice"]').text()).toContain('已配置 SMTP');
  });
});
