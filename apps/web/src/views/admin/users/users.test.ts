import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { SessionUser } from '@/api/auth';
import { listZones } from '@/api/zones';
import {
  createInvitation,
  listInvitations,
  listUsers,
  type InvitationResponse,
  type UserResponse,
} from '@/api/users';
import { createAppI18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import UsersView from './index.vue';

vi.mock('@/api/users', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/users')>()),
  listUsers: vi.fn(),
  listInvitations: vi.fn(),
  createInvitation: vi.fn(),
  revokeInvitation: vi.fn(),
  updateUser: vi.fn(),
  getUser: vi.fn(),
}));
vi.mock('@/api/zones', () => ({ listZones: vi.fn() }));

function user(id: string, role: UserResponse['role'], overrides: Partial<UserResponse> = {}) {
  return {
    id,
    email: `${id}@example.cn`,
    mobile: null,
    displayName: id,
    role,
    zoneId: 'z1',
    zoneName: '苏州工业园区',
    firmId: null,
    firmName: null,
    firmRole: null,
    status: 'active',
    emailVerified: true,
    lastLoginAt: null,
    createdAt: '2025-01-01T00:00:00Z',
    version: 1,
    ...overrides,
  } satisfies UserResponse;
}

const page = <T>(items: T[], nextCursor: string | null = null) => ({
  items,
  nextCursor,
  total: { value: items.length, exact: true },
});

const invitation: InvitationResponse = {
  id: 'i1',
  email: 'new@example.cn',
  role: 'staff',
  zoneId: 'z1',
  zoneName: '苏州工业园区',
  firmId: null,
  firmName: null,
  status: 'pending',
  expiresAt: '2099-01-08T00:00:00Z',
  createdAt: '2099-01-01T00:00:00Z',
  invitedByName: 'me',
};

async function mountPage(me: Partial<SessionUser>, path = '/admin/users') {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().user = {
    id: 'me',
    email: 'me@example.cn',
    mobile: null,
    displayName: 'me',
    role: 'zone_admin',
    zoneId: 'z1',
    zoneName: '苏州工业园区',
    firmId: null,
    firmName: null,
    firmRole: null,
    emailVerified: true,
    ...me,
  };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/admin/users', component: UsersView }],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(UsersView, {
    global: { plugins: [pinia, router, createAppI18n('zh-CN')] },
  });
  await flushPromises();
  return { wrapper, router };
}

describe('/admin/users', () => {
  beforeEach(() => {
    vi.mocked(listUsers).mockReset();
    vi.mocked(listInvitations).mockReset();
    vi.mocked(createInvitation).mockReset();
    vi.mocked(listZones).mockResolvedValue({
      items: [
        { id: 'z1', code: 'SIP', name: '苏州工业园区', platformCompany: 'x', version: 1 },
        { id: 'z2', code: 'WX', name: '无锡高新区', platformCompany: 'y', version: 1 },
      ],
      nextCursor: null,
      total: { value: 2, exact: true },
    });
    vi.mocked(listUsers).mockResolvedValue(
      page([user('me', 'zone_admin'), user('colleague', 'staff')], 'next-1'),
    );
    vi.mocked(listInvitations).mockResolvedValue(page([invitation]));
  });

  it('offers controls on other rows but not on your own', async () => {
    const { wrapper } = await mountPage({});
    const rows = wrapper.findAll('[data-testid="user-row"]');
    expect(rows).toHaveLength(2);
    const own = rows.find((row) => row.attributes('data-user-id') === 'me')!;
    const other = rows.find((row) => row.attributes('data-user-id') === 'colleague')!;
    expect(own.find('[data-testid="role-select"]').exists()).toBe(false);
    expect(own.find('[data-testid="disable-user"]').exists()).toBe(false);
    expect(own.text()).toContain('不能修改自己的角色或状态');
    expect(other.find('[data-testid="role-select"]').exists()).toBe(true);
    expect(other.find('[data-testid="disable-user"]').exists()).toBe(true);
  });

  it('puts filters and pages in the URL and asks the API for them', async () => {
    const { wrapper, router } = await mountPage({});
    expect(listUsers).toHaveBeenLastCalledWith({}, expect.any(AbortSignal));

    await wrapper.find('[data-testid="role-filter"]').setValue('staff');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ role: 'staff' });
    expect(listUsers).toHaveBeenLastCalledWith({ role: 'staff' }, expect.any(AbortSignal));

    const next = wrapper.findAll('.pagination button').at(1)!;
    await next.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ role: 'staff', c: ['next-1'] });
    expect(listUsers).toHaveBeenLastCalledWith(
      { role: 'staff', cursor: 'next-1' },
      expect.any(AbortSignal),
    );
  });

  it('gives zone administrators no zone filter and no zone choice when inviting', async () => {
    const { wrapper } = await mountPage({});
    expect(wrapper.find('[data-testid="zone-filter"]').exists()).toBe(false);
    expect(wrapper.find('#field-invite-zone').exists()).toBe(false);
    expect(wrapper.text()).toContain('邀请加入 苏州工业园区。');
    expect(listZones).not.toHaveBeenCalled();
  });

  it('lets a super administrator filter by zone and invite to a chosen zone', async () => {
    vi.mocked(createInvitation).mockResolvedValue({ ...invitation, zoneId: 'z2' });
    const { wrapper, router } = await mountPage(
      { role: 'super_admin', zoneId: null, zoneName: null },
      '/admin/users?zone=z2',
    );
    expect(listUsers).toHaveBeenLastCalledWith({ zoneId: 'z2' }, expect.any(AbortSignal));
    expect(listInvitations).toHaveBeenLastCalledWith(
      { status: 'pending', zoneId: 'z2', cursor: undefined },
      expect.any(AbortSignal),
    );
    const zoneSelect = wrapper.find<HTMLSelectElement>('#field-invite-zone');
    expect(zoneSelect.element.value).toBe('z2');

    await wrapper.find('#field-invite-email').setValue('New@Example.cn ');
    await wrapper.find('#field-invite-role').setValue('zone_admin');
    await wrapper.find('[data-testid="invite-staff"]').trigger('submit');
    await flushPromises();
    expect(createInvitation).toHaveBeenCalledWith({
      email: 'new@example.cn',
      role: 'zone_admin',
      zoneId: 'z2',
    });
    expect(wrapper.find('[data-testid="action-message"]').text()).toContain('邀请邮件已发送至');
    expect(router.currentRoute.value.query).toEqual({ zone: 'z2' });
  });

  it('checks the invitee address before sending', async () => {
    const { wrapper } = await mountPage({});
    await wrapper.find('#field-invite-email').setValue('not-an-address');
    await wrapper.find('[data-testid="invite-staff"]').trigger('submit');
    await flushPromises();
    expect(createInvitation).not.toHaveBeenCalled();
    expect(wrapper.find('[data-field="invite-email"] .field-error').text()).toBe(
      '请填写有效的邮箱地址',
    );
  });
});
