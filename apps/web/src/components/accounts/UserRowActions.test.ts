import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { ApiError } from '@/api/http';
import { getUser, updateUser, type UserResponse } from '@/api/users';
import { createAppI18n } from '@/i18n';
import { userActions } from '@/composables/accounts/user-permissions';
import UserRowActions from './UserRowActions.vue';

vi.mock('@/api/users', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/users')>()),
  getUser: vi.fn(),
  updateUser: vi.fn(),
}));

const ADMIN = { id: 'admin', role: 'zone_admin' as const, zoneId: 'z1' };

function user(overrides: Partial<UserResponse> = {}): UserResponse {
  return {
    id: 'u1',
    email: 'wang@example.cn',
    mobile: null,
    displayName: '王芳',
    role: 'staff',
    zoneId: 'z1',
    zoneName: '苏州工业园区',
    firmId: null,
    firmName: null,
    firmRole: null,
    status: 'active',
    emailVerified: true,
    lastLoginAt: null,
    createdAt: '2025-01-01T00:00:00Z',
    version: 3,
    ...overrides,
  };
}

function mountRow(target: UserResponse) {
  return mount(UserRowActions, {
    props: { user: target, actions: userActions(ADMIN, target) },
    global: { plugins: [createAppI18n('zh-CN')] },
  });
}

describe('UserRowActions', () => {
  beforeEach(() => {
    vi.mocked(updateUser).mockReset();
    vi.mocked(getUser).mockReset();
  });

  it('changes the role with the row version', async () => {
    vi.mocked(updateUser).mockResolvedValue(user({ role: 'zone_admin', version: 4 }));
    const wrapper = mountRow(user());
    expect(wrapper.find('[data-testid="save-role"]').exists()).toBe(false);
    await wrapper.find('select').setValue('zone_admin');
    await wrapper.find('[data-testid="save-role"]').trigger('click');
    await flushPromises();
    expect(updateUser).toHaveBeenCalledWith('u1', { role: 'zone_admin', version: 3 });
    const [updated, message] = wrapper.emitted('updated')![0] as [UserResponse, string];
    expect(updated.version).toBe(4);
    expect(message).toBe('王芳 的角色已改为开发区管理员。');
  });

  it('disables only after the confirm, and says it signs the user out everywhere', async () => {
    vi.mocked(updateUser).mockResolvedValue(user({ status: 'disabled', version: 4 }));
    const wrapper = mountRow(user());
    await wrapper.find('[data-testid="confirm-open"]').trigger('click');
    expect(updateUser).not.toHaveBeenCalled();
    expect(wrapper.find('[data-testid="confirm-question"]').text()).toContain(
      '在所有设备上的登录会立即失效',
    );
    await wrapper.find('[data-testid="confirm-yes"]').trigger('click');
    await flushPromises();
    expect(updateUser).toHaveBeenCalledWith('u1', { status: 'disabled', version: 3 });
  });

  it('enables a disabled user without asking', async () => {
    vi.mocked(updateUser).mockResolvedValue(user({ status: 'active', version: 5 }));
    const wrapper = mountRow(user({ status: 'disabled', version: 4 }));
    await wrapper.find('[data-testid="enable-user"]').trigger('click');
    await flushPromises();
    expect(updateUser).toHaveBeenCalledWith('u1', { status: 'active', version: 4 });
  });

  it('keeps the chosen role after a version conflict and offers to load the latest', async () => {
    vi.mocked(updateUser).mockRejectedValue(
      new ApiError(409, {
        code: 'VERSION_CONFLICT',
        message: 'stale',
        details: { currentVersion: 4 },
      }),
    );
    const latest = user({ displayName: '王芳芳', version: 4 });
    vi.mocked(getUser).mockResolvedValue(latest);
    const wrapper = mountRow(user());
    await wrapper.find('select').setValue('zone_admin');
    await wrapper.find('[data-testid="save-role"]').trigger('click');
    await flushPromises();

    expect(wrapper.find('[data-testid="row-conflict"]').exists()).toBe(true);
    expect((wrapper.find('select').element as HTMLSelectElement).value).toBe('zone_admin');

    await wrapper.find('[data-testid="row-conflict"] button').trigger('click');
    await flushPromises();
    expect(getUser).toHaveBeenCalledWith('u1');
    expect(wrapper.emitted('updated')![0]).toEqual([latest, null]);
    await wrapper.setProps({ user: latest });
    expect(wrapper.find('[data-testid="row-conflict"]').exists()).toBe(false);
    expect((wrapper.find('select').element as HTMLSelectElement).value).toBe('zone_admin');
    expect(wrapper.find('[data-testid="save-role"]').exists()).toBe(true);
  });

  it('offers no controls on your own row', () => {
    const wrapper = mountRow(user({ id: 'admin', role: 'zone_admin' }));
    expect(wrapper.find('select').exists()).toBe(false);
    expect(wrapper.find('button').exists()).toBe(false);
    expect(wrapper.text()).toContain('不能修改自己的角色或状态');
  });
});
