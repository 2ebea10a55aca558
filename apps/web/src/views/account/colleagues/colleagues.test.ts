import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { ApiError } from '@/api/http';
import {
  inviteColleague,
  listMyInvitations,
  listMyMembers,
  removeMember,
  type FirmMemberResponse,
} from '@/api/firms';
import { createAppI18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import ColleaguesView from './index.vue';

vi.mock('@/api/firms', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/firms')>()),
  listMyMembers: vi.fn(),
  listMyInvitations: vi.fn(),
  inviteColleague: vi.fn(),
  removeMember: vi.fn(),
  revokeMyInvitation: vi.fn(),
}));

const members: FirmMemberResponse[] = [
  {
    userId: 'owner',
    displayName: '张伟',
    email: 'zhang@example.cn',
    firmRole: 'owner',
    status: 'active',
    createdAt: '2025-01-01T00:00:00Z',
  },
  {
    userId: 'member',
    displayName: '李娜',
    email: 'li@example.cn',
    firmRole: 'member',
    status: 'active',
    createdAt: '2025-02-01T00:00:00Z',
  },
];

async function mountPage(firmRole: 'owner' | 'member', id = firmRole) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().user = {
    id,
    email: 'x@example.cn',
    mobile: null,
    displayName: 'x',
    role: 'firm',
    zoneId: null,
    zoneName: null,
    firmId: 'f1',
    firmName: '苏州精工',
    firmRole,
    emailVerified: true,
  };
  const wrapper = mount(ColleaguesView, { global: { plugins: [pinia, createAppI18n('zh-CN')] } });
  await flushPromises();
  return wrapper;
}

describe('/account/colleagues', () => {
  beforeEach(() => {
    vi.mocked(listMyMembers).mockReset().mockResolvedValue(members);
    vi.mocked(listMyInvitations).mockReset().mockResolvedValue([]);
    vi.mocked(inviteColleague).mockReset();
    vi.mocked(removeMember).mockReset();
  });

  it('lets the owner remove a colleague after confirming, but not themselves', async () => {
    vi.mocked(removeMember).mockResolvedValue(undefined);
    const wrapper = await mountPage('owner');
    const rows = wrapper.findAll('[data-testid="member-row"]');
    expect(rows[0]!.find('[data-testid="confirm-open"]').exists()).toBe(false);
    await rows[1]!.find('[data-testid="confirm-open"]').trigger('click');
    expect(removeMember).not.toHaveBeenCalled();
    expect(rows[1]!.text()).toContain('在所有设备上立即退出登录');
    await rows[1]!.find('[data-testid="confirm-yes"]').trigger('click');
    await flushPromises();
    expect(removeMember).toHaveBeenCalledWith('member');
    expect(wrapper.find('[data-testid="action-message"]').text()).toBe('已移除 李娜。');
  });

  it('shows members the list without invitation or removal controls', async () => {
    const wrapper = await mountPage('member');
    expect(wrapper.find('[data-testid="invite-colleague"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="confirm-open"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="owner-only"]').exists()).toBe(true);
    expect(listMyInvitations).not.toHaveBeenCalled();
  });

  it('invites a colleague and shows an API refusal under the address', async () => {
    vi.mocked(inviteColleague).mockRejectedValueOnce(
      new ApiError(409, { code: 'ALREADY_INVITED', message: '该邮箱已有待接受的邀请' }),
    );
    const wrapper = await mountPage('owner');
    await wrapper.find('#field-invite-email').setValue('wang@example.cn');
    await wrapper.find('[data-testid="invite-colleague"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-field="invite-email"] .field-error').text()).toBe(
      '该邮箱已有待接受的邀请',
    );

    vi.mocked(inviteColleague).mockResolvedValueOnce({
      id: 'i1',
      email: 'wang2@example.cn',
      role: 'firm_member',
      zoneId: null,
      zoneName: null,
      firmId: 'f1',
      firmName: '苏州精工',
      status: 'pending',
      expiresAt: '2099-01-01T00:00:00Z',
      createdAt: '2098-12-25T00:00:00Z',
      invitedByName: '张伟',
    });
    await wrapper.find('#field-invite-email').setValue('wang2@example.cn');
    await wrapper.find('[data-testid="invite-colleague"]').trigger('submit');
    await flushPromises();
    expect(inviteColleague).toHaveBeenLastCalledWith('wang2@example.cn');
    expect(wrapper.find('[data-testid="action-message"]').text()).toBe(
      '邀请邮件已发送至 wang2@example.cn。',
    );
    expect(listMyInvitations).toHaveBeenCalledTimes(2);
  });
});
