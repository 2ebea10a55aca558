import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { RouterView, createMemoryHistory, createRouter } from 'vue-router';
import { ApiError } from '@/api/http';
import { getMyFirm, updateMyFirm, type FirmResponse } from '@/api/firms';
import { createAppI18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import FirmView from './index.vue';

vi.mock('@/api/firms', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/firms')>()),
  getMyFirm: vi.fn(),
  updateMyFirm: vi.fn(),
}));

const FIRM: FirmResponse = {
  id: 'f1',
  name: '苏州精工机械有限公司',
  creditCode: '91350100M000100Y43',
  legalRepresentative: '张伟',
  industryCode: '34',
  size: 'small',
  contactName: '李娜',
  contactPhone: '13800000000',
  highTechCertificateNo: null,
  highTechExpiresOn: null,
  specialisedLevel: null,
  version: 2,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-02T00:00:00Z',
};

async function mountPage(firmRole: 'owner' | 'member') {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().user = {
    id: 'u1',
    email: 'zhang@example.cn',
    mobile: null,
    displayName: '张伟',
    role: 'firm',
    zoneId: null,
    zoneName: null,
    firmId: 'f1',
    firmName: FIRM.name,
    firmRole,
    emailVerified: true,
  };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/account/firm', component: FirmView }],
  });
  await router.push('/account/firm');
  await router.isReady();
  // Through <RouterView>, so the page's leave guard has its route record.
  const wrapper = mount(RouterView, {
    global: { plugins: [pinia, router, createAppI18n('zh-CN')] },
    attachTo: document.body,
  });
  await flushPromises();
  return wrapper;
}

describe('/account/firm', () => {
  beforeEach(() => {
    vi.mocked(getMyFirm).mockReset();
    vi.mocked(updateMyFirm).mockReset();
    vi.mocked(getMyFirm).mockResolvedValue(FIRM);
    Element.prototype.scrollIntoView = vi.fn();
  });

  it('shows members the profile read-only, with the note about leading industries', async () => {
    const wrapper = await mountPage('member');
    expect(wrapper.find('form').exists()).toBe(false);
    const facts = wrapper.find('[data-testid="firm-read-only"]').text();
    expect(facts).toContain('91350100M000100Y43');
    expect(facts).toContain('34 ');
    expect(facts).toContain('小型企业');
    expect(wrapper.find('[data-testid="leading-industry-note"]').text()).toContain('平台工作人员');
    wrapper.unmount();
  });

  it('lets the owner save only the changed fields with the version', async () => {
    vi.mocked(updateMyFirm).mockResolvedValue({
      ...FIRM,
      contactPhone: '13900000000',
      version: 3,
    });
    const wrapper = await mountPage('owner');
    await wrapper.find('#field-contactPhone').setValue('13900000000');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(updateMyFirm).toHaveBeenCalledWith({ contactPhone: '13900000000', version: 2 });
    expect(wrapper.find('[data-testid="notice"]').text()).toBe('企业信息已保存。');
    wrapper.unmount();
  });

  it('does not send a form with problems, and says where they are', async () => {
    const wrapper = await mountPage('owner');
    await wrapper.find('#field-legalRepresentative').setValue('');
    await wrapper.find('[data-testid="credit-code-input"]').setValue('91350100M000100Y44');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(updateMyFirm).not.toHaveBeenCalled();
    expect(wrapper.find('[data-testid="form-errors"]').text()).toContain('有 2 处需要修改');
    expect(wrapper.find('[data-field="legalRepresentative"] .field-error').text()).toBe(
      '请填写此项',
    );
    expect(wrapper.find('[data-field="creditCode"] .field-error').text()).toContain('校验位不符');
    wrapper.unmount();
  });

  it('puts API field errors under their fields', async () => {
    vi.mocked(updateMyFirm).mockRejectedValue(
      new ApiError(400, {
        code: 'VALIDATION_FAILED',
        message: '请求数据有误',
        details: [{ field: 'contactPhone', code: 'invalid_format', message: '联系电话格式不正确' }],
      }),
    );
    const wrapper = await mountPage('owner');
    await wrapper.find('#field-contactPhone').setValue('12');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    // A known issue code reads in the domain's words for the current language.
    expect(wrapper.find('[data-field="contactPhone"] .field-error').text()).toBe('格式不正确');
    // The message goes once the field is changed.
    await wrapper.find('#field-contactPhone').setValue('13900000000');
    expect(wrapper.find('[data-field="contactPhone"] .field-error').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows a credit code taken by another firm under the field', async () => {
    vi.mocked(updateMyFirm).mockRejectedValue(
      new ApiError(409, {
        code: 'CREDIT_CODE_TAKEN',
        message: '该统一社会信用代码已被其他企业使用',
      }),
    );
    const wrapper = await mountPage('owner');
    await wrapper.find('[data-testid="credit-code-input"]').setValue('91110000600037341L');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-field="creditCode"] .field-error').text()).toBe(
      '该统一社会信用代码已被其他企业使用',
    );
    expect(wrapper.find('[data-testid="server-error"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('keeps the input after a version conflict and merges it into the latest version', async () => {
    vi.mocked(updateMyFirm).mockRejectedValue(
      new ApiError(409, {
        code: 'VERSION_CONFLICT',
        message: 'stale',
        details: { currentVersion: 3 },
      }),
    );
    const wrapper = await mountPage('owner');
    await wrapper.find('#field-contactPhone').setValue('13900000000');
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(wrapper.find('[data-testid="conflict"]').text()).toContain('当前版本 3');
    expect((wrapper.find('#field-contactPhone').element as HTMLInputElement).value).toBe(
      '13900000000',
    );

    vi.mocked(getMyFirm).mockResolvedValue({ ...FIRM, contactName: '王强', version: 3 });
    vi.mocked(updateMyFirm).mockResolvedValue({
      ...FIRM,
      contactName: '王强',
      contactPhone: '13900000000',
      version: 4,
    });
    await wrapper.find('[data-testid="conflict-reload"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="conflict"]').exists()).toBe(false);
    expect((wrapper.find('#field-contactName').element as HTMLInputElement).value).toBe('王强');
    expect((wrapper.find('#field-contactPhone').element as HTMLInputElement).value).toBe(
      '13900000000',
    );

    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(updateMyFirm).toHaveBeenLastCalledWith({ contactPhone: '13900000000', version: 3 });
    wrapper.unmount();
  });

  it('shows the load error with a retry', async () => {
    vi.mocked(getMyFirm).mockRejectedValue(new ApiError(500, { code: 'X', message: '服务器错误' }));
    const wrapper = await mountPage('owner');
    expect(wrapper.text()).toContain('加载失败:服务器错误');
    vi.mocked(getMyFirm).mockResolvedValue(FIRM);
    await wrapper.find('.state-error button').trigger('click');
    await flushPromises();
    expect(wrapper.find('form').exists()).toBe(true);
    wrapper.unmount();
  });
});
