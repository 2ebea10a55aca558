import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { SessionUser } from '@/api/auth';
import { ApiError } from '@/api/http';
import { listParks } from '@/api/parks';
import type { Zone } from '@/api/types';
import { listUnits } from '@/api/units';
import { createInvitation, type InvitationResponse } from '@/api/users';
import { createZone, listZones } from '@/api/zones';
import { createAppI18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import ZonesView from './index.vue';

vi.mock('@/api/zones', () => ({ listZones: vi.fn(), createZone: vi.fn() }));
vi.mock('@/api/users', () => ({ createInvitation: vi.fn() }));
vi.mock('@/api/parks', () => ({ listParks: vi.fn() }));
vi.mock('@/api/units', () => ({ listUnits: vi.fn() }));

const existing: Zone = {
  id: 'z1',
  code: 'sip',
  name: '苏州工业园区',
  platformCompany: '园区管委会',
  version: 1,
};
const created: Zone = {
  id: 'z-new',
  code: 'gaoping',
  name: '高平经济技术开发区',
  nameEn: null,
  platformCompany: '恒通集团',
  version: 1,
};
const invitation: InvitationResponse = {
  id: 'i1',
  email: 'chief@example.cn',
  role: 'zone_admin',
  zoneId: 'z-new',
  zoneName: created.name,
  firmId: null,
  firmName: null,
  status: 'pending',
  expiresAt: '2099-01-08T00:00:00Z',
  createdAt: '2099-01-01T00:00:00Z',
  invitedByName: '平台管理员',
};

const page = <T>(items: T[]) => ({
  items,
  nextCursor: null,
  total: { value: items.length, exact: true },
});

let wrapper: VueWrapper | null = null;

async function mountPage(role: SessionUser['role']) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().user = {
    id: 'me',
    email: 'me@example.cn',
    mobile: null,
    displayName: 'me',
    role,
    zoneId: role === 'super_admin' ? null : 'z1',
    zoneName: role === 'super_admin' ? null : '苏州工业园区',
    firmId: null,
    firmName: null,
    firmRole: null,
    emailVerified: true,
  };
  const empty = { template: '<div />' };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/admin/zones', component: ZonesView },
      { path: '/admin/users', component: empty },
      { path: '/admin/outbox', component: empty },
      { path: '/staff/inventory', name: 'inventory', component: empty },
    ],
  });
  await router.push('/admin/zones');
  await router.isReady();
  wrapper = mount(ZonesView, {
    attachTo: document.body,
    global: { plugins: [pinia, router, createAppI18n('zh-CN')] },
  });
  await flushPromises();
  return wrapper;
}

async function fill(w: VueWrapper, values: Record<string, string>) {
  for (const [field, value] of Object.entries(values)) {
    await w.find(`[data-testid="zone-${field}"]`).setValue(value);
  }
}

function errorsOf(w: VueWrapper, field: string): string {
  return w.find(`[data-field="zone-${field}"] .field-error`).text();
}

describe('/admin/zones: creating a zone', () => {
  beforeEach(() => {
    Element.prototype.scrollIntoView = vi.fn();
    vi.mocked(listZones).mockResolvedValue(page([existing]));
    vi.mocked(listParks).mockResolvedValue(page([]));
    vi.mocked(listUnits).mockResolvedValue(page([]));
  });

  afterEach(() => {
    wrapper?.unmount();
    wrapper = null;
  });

  it('offers the button to the super administrator only', async () => {
    const admin = await mountPage('zone_admin');
    expect(admin.find('[data-testid="new-zone"]').exists()).toBe(false);
    admin.unmount();

    const superAdmin = await mountPage('super_admin');
    const button = superAdmin.find('[data-testid="new-zone"]');
    expect(button.text()).toContain('新建开发区');
    expect(superAdmin.find('[data-testid="create-zone-form"]').exists()).toBe(false);
    await button.trigger('click');
    await flushPromises();
    const form = superAdmin.find('[data-testid="create-zone-form"]');
    expect(form.exists()).toBe(true);
    expect(form.text()).toContain('开发区名称');
    expect(form.text()).toContain('小写字母、数字、- 或 _,如 gaoping');
    expect(superAdmin.find('[data-testid="new-zone"]').exists()).toBe(false);
    expect(document.activeElement?.id).toBe('field-zone-name');
  });

  it('shows the missing fields on submit and sends nothing', async () => {
    const w = await mountPage('super_admin');
    await w.find('[data-testid="new-zone"]').trigger('click');
    await fill(w, { code: 'Gao Ping', adminEmail: 'nope' });
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(createZone).not.toHaveBeenCalled();
    expect(errorsOf(w, 'name')).toBe('此项为必填项');
    expect(errorsOf(w, 'platformCompany')).toBe('此项为必填项');
    expect(errorsOf(w, 'code')).toContain('只能使用小写字母');
    expect(errorsOf(w, 'adminEmail')).toBe('请输入有效的邮箱地址');
    expect(w.find('[data-testid="create-zone-errors"]').text()).toContain('有 4 处需要修改');
    expect(w.find('[data-testid="zone-code"]').attributes('aria-invalid')).toBe('true');
  });

  it('creates the zone, invites the administrator, says so and refreshes the list', async () => {
    vi.mocked(createZone).mockResolvedValue(created);
    vi.mocked(createInvitation).mockResolvedValue(invitation);
    const w = await mountPage('super_admin');
    expect(listZones).toHaveBeenCalledTimes(1);
    await w.find('[data-testid="new-zone"]').trigger('click');
    await fill(w, {
      name: '高平经济技术开发区',
      code: 'GaoPing',
      platformCompany: '恒通集团',
      latitude: '35.8',
      longitude: '112.92',
      adminEmail: 'chief@example.cn',
    });
    vi.mocked(listZones).mockResolvedValue(page([created, existing]));
    await w.find('form').trigger('submit');
    await flushPromises();

    expect(createZone).toHaveBeenCalledWith({
      code: 'gaoping',
      name: '高平经济技术开发区',
      platformCompany: '恒通集团',
      center: { latitude: 35.8, longitude: 112.92 },
    });
    expect(createInvitation).toHaveBeenCalledWith({
      email: 'chief@example.cn',
      role: 'zone_admin',
      zoneId: 'z-new',
    });
    const result = w.find('[data-testid="create-result"]');
    expect(result.classes()).toContain('alert-success');
    expect(result.text()).toContain('已创建开发区 高平经济技术开发区(gaoping)');
    expect(result.text()).toContain(
      '已向 chief@example.cn 发送管理员邀请,邀请 7 天内有效;未配置 SMTP 时可在发件箱查看',
    );
    expect(result.find('[data-testid="open-outbox"]').attributes('href')).toBe('/admin/outbox');
    expect(w.find('[data-testid="create-zone-form"]').exists()).toBe(false);
    expect(listZones).toHaveBeenCalledTimes(2);
    expect(w.find('tr[data-zone-code="gaoping"]').classes()).toContain('is-new');
  });

  it('creates a zone without an invitation when no e-mail is given', async () => {
    vi.mocked(createZone).mockResolvedValue(created);
    const w = await mountPage('super_admin');
    await w.find('[data-testid="new-zone"]').trigger('click');
    await fill(w, { name: '高平经济技术开发区', code: 'gaoping', platformCompany: '恒通集团' });
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(createInvitation).not.toHaveBeenCalled();
    const result = w.find('[data-testid="create-result"]');
    expect(result.text()).toBe('已创建开发区 高平经济技术开发区(gaoping)。');
  });

  it('keeps the input and shows ZONE_CODE_TAKEN and field errors under the fields', async () => {
    vi.mocked(createZone).mockRejectedValueOnce(
      new ApiError(409, { code: 'ZONE_CODE_TAKEN', message: '开发区代码已被使用' }),
    );
    const w = await mountPage('super_admin');
    await w.find('[data-testid="new-zone"]').trigger('click');
    await fill(w, {
      name: '高平经济技术开发区',
      code: 'sip',
      platformCompany: '恒通集团',
      adminEmail: 'chief@example.cn',
    });
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(createInvitation).not.toHaveBeenCalled();
    expect(errorsOf(w, 'code')).toBe('该开发区代码已被使用,请换一个');
    expect((w.find('[data-testid="zone-name"]').element as HTMLInputElement).value).toBe(
      '高平经济技术开发区',
    );
    expect((w.find('[data-testid="zone-adminEmail"]').element as HTMLInputElement).value).toBe(
      'chief@example.cn',
    );
    expect(w.find('[data-testid="create-result"]').exists()).toBe(false);

    // Typing in the field clears the server's message.
    await w.find('[data-testid="zone-code"]').setValue('sip2');
    expect(w.find('[data-field="zone-code"] .field-error').exists()).toBe(false);

    vi.mocked(createZone).mockRejectedValueOnce(
      new ApiError(400, {
        code: 'VALIDATION_FAILED',
        message: '提交的数据有误,请检查标出的字段',
        details: [{ field: 'platformCompany', code: 'invalid_format', message: '格式不正确' }],
      }),
    );
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(errorsOf(w, 'platformCompany')).toBe('格式不正确');
  });

  it('says the zone exists and points to user management when the invitation fails', async () => {
    vi.mocked(createZone).mockResolvedValue(created);
    vi.mocked(createInvitation).mockRejectedValue(
      new ApiError(409, { code: 'EMAIL_TAKEN', message: '该邮箱已有账号,请直接登录' }),
    );
    const w = await mountPage('super_admin');
    await w.find('[data-testid="new-zone"]').trigger('click');
    await fill(w, {
      name: '高平经济技术开发区',
      code: 'gaoping',
      platformCompany: '恒通集团',
      adminEmail: 'chief@example.cn',
    });
    await w.find('form').trigger('submit');
    await flushPromises();
    const result = w.find('[data-testid="create-result"]');
    expect(result.classes()).toContain('alert-warning');
    expect(result.attributes('role')).toBe('alert');
    expect(result.text()).toContain('开发区 高平经济技术开发区 已创建');
    expect(result.text()).toContain('chief@example.cn');
    expect(result.text()).toContain('该邮箱已有账号,请直接登录');
    const link = result.find('[data-testid="retry-invite"]');
    expect(link.text()).toBe('到用户管理重新邀请');
    expect(link.attributes('href')).toBe('/admin/users?zone=z-new');
    expect(w.find('[data-testid="create-zone-form"]').exists()).toBe(false);
    expect(listZones).toHaveBeenCalledTimes(2);
  });

  it('shows other failures above the form', async () => {
    vi.mocked(createZone).mockRejectedValue(
      new ApiError(403, { code: 'FORBIDDEN', message: '没有权限执行此操作' }),
    );
    const w = await mountPage('super_admin');
    await w.find('[data-testid="new-zone"]').trigger('click');
    await fill(w, { name: '高平', code: 'gaoping', platformCompany: '恒通集团' });
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(w.find('[data-testid="create-zone-failure"]').text()).toBe(
      '未能创建开发区:没有权限执行此操作',
    );
    expect(w.find('[data-testid="create-zone-form"]').exists()).toBe(true);
  });

  it('closes the form on cancel and gives the focus back to the button', async () => {
    const w = await mountPage('super_admin');
    await w.find('[data-testid="new-zone"]').trigger('click');
    await flushPromises();
    const cancel = w.findAll('[data-testid="create-zone-form"] button').find((b) => {
      return b.text() === '取消';
    })!;
    await cancel.trigger('click');
    await flushPromises();
    expect(w.find('[data-testid="create-zone-form"]').exists()).toBe(false);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('new-zone');
  });
});
