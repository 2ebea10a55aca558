import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { creditCodeCheckCharacter } from '@factoryspace/domain';
import { createAppI18n } from '@/i18n';
import LoginView from './login/index.vue';
import RegisterView from './register/index.vue';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

const fetchMock = vi.fn<(request: Request) => Promise<Response>>();
let pinia: Pinia;
let router: Router;

async function mountAt(path: string, component: object) {
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', component },
      { path: '/register', component },
      { path: '/:rest(.*)*', component: { render: () => null } },
    ],
  });
  await router.push(path);
  const wrapper = mount(component, {
    global: { plugins: [pinia, router, createAppI18n('zh-CN')] },
    attachTo: document.body,
  });
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('login page', () => {
  async function submit(wrapper: Awaited<ReturnType<typeof mountAt>>) {
    await wrapper.find('[data-testid="login-identifier"]').setValue('zhao@example.com');
    await wrapper.find('[data-testid="login-password"]').setValue('some-password-1');
    await wrapper.find('form.form').trigger('submit');
    await flushPromises();
  }

  it('asks for both fields before calling the API', async () => {
    const wrapper = await mountAt('/login', LoginView);
    await wrapper.find('form.form').trigger('submit');
    await flushPromises();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(wrapper.findAll('.field-error').map((e) => e.text())).toEqual([
      '请填写此项',
      '请填写此项',
    ]);
  });

  it('shows one generic message for wrong credentials', async () => {
    fetchMock.mockResolvedValueOnce(
      json(401, { code: 'INVALID_CREDENTIALS', message: 'Unknown user zhao@example.com' }),
    );
    const wrapper = await mountAt('/login', LoginView);
    await submit(wrapper);
    expect(wrapper.find('[data-testid="login-error"]').text()).toBe('账号或密码不正确。');
    expect(wrapper.text()).not.toContain('Unknown user');
  });

  it('offers to resend the verification e-mail when the address is not verified', async () => {
    fetchMock.mockResolvedValueOnce(
      json(403, { code: 'EMAIL_NOT_VERIFIED', message: '邮箱未验证' }),
    );
    const wrapper = await mountAt('/login', LoginView);
    await submit(wrapper);
    const box = wrapper.find('[data-testid="not-verified"]');
    expect(box.text()).toContain('邮箱还没有验证');
    expect((box.find('input[type="email"]').element as HTMLInputElement).value).toBe(
      'zhao@example.com',
    );
    fetchMock.mockResolvedValueOnce(
      json(202, { message: '如果该邮箱已注册且未验证,我们已重新发送。' }),
    );
    await box.find('form').trigger('submit');
    await flushPromises();
    const request = fetchMock.mock.calls[1]![0];
    expect(new URL(request.url).pathname).toBe('/api/v1/auth/email/resend');
    expect(await request.json()).toEqual({ email: 'zhao@example.com' });
    expect(wrapper.find('[data-testid="resent"]').text()).toBe(
      '如果该邮箱已注册且未验证,我们已重新发送。',
    );
  });

  it('says how long to wait when throttled and keeps the button disabled meanwhile', async () => {
    fetchMock.mockResolvedValueOnce(
      json(429, { code: 'TOO_MANY_REQUESTS', message: 'slow down' }, { 'Retry-After': '30' }),
    );
    const wrapper = await mountAt('/login', LoginView);
    await submit(wrapper);
    expect(wrapper.find('[data-testid="login-wait"]').text()).toBe('操作过于频繁,请 30 秒后再试。');
    expect(wrapper.find('[data-testid="login-submit"]').attributes('disabled')).toBeDefined();
  });

  it('goes to the redirect after signing in, or else to the home of the role', async () => {
    const user = { id: 'u', displayName: '王工', role: 'staff', zoneId: 'z' };
    fetchMock.mockResolvedValueOnce(json(200, { user, csrfToken: 'c', expiresAt: '' }));
    const wrapper = await mountAt('/login?redirect=/staff/map', LoginView);
    await submit(wrapper);
    expect(router.currentRoute.value.fullPath).toBe('/staff/map');

    setActivePinia((pinia = createPinia()));
    fetchMock.mockResolvedValueOnce(json(200, { user, csrfToken: 'c', expiresAt: '' }));
    const again = await mountAt('/login?redirect=https://evil.example/', LoginView);
    await submit(again);
    expect(router.currentRoute.value.fullPath).toBe('/staff/inventory');
  });
});

describe('register page', () => {
  const first17 = '91140500MA0K12345';
  const valid = first17 + creditCodeCheckCharacter(first17);

  it('checks the credit code as it is typed', async () => {
    const wrapper = await mountAt('/register', RegisterView);
    const input = wrapper.find('[data-testid="credit-code-input"]');
    await input.setValue(first17 + (valid.endsWith('0') ? '1' : '0'));
    expect(wrapper.find('[data-field="creditCode"] .field-error').text()).toContain('校验位');
    await input.setValue(valid);
    expect(wrapper.find('[data-testid="credit-code-ok"]').exists()).toBe(true);
    expect(wrapper.find('[data-field="creditCode"] .field-error').exists()).toBe(false);
  });

  it('shows the password policy while typing', async () => {
    const wrapper = await mountAt('/register', RegisterView);
    await wrapper.find('#field-email').setValue('zhao.min@example.com');
    await wrapper.find('[data-testid="new-password"]').setValue('zhao.min2026');
    expect(wrapper.find('[data-testid="password-problems"]').text()).toContain('不能包含您的邮箱');
    await wrapper.find('[data-testid="new-password"]').setValue('Kiln-harbour-2026');
    expect(wrapper.find('[data-testid="password-ok"]').exists()).toBe(true);
  });

  it('sends the firm and its first user, then shows the API message', async () => {
    const wrapper = await mountAt('/register', RegisterView);
    await wrapper.find('#field-name').setValue('晋城精密机械有限公司');
    await wrapper.find('[data-testid="credit-code-input"]').setValue(valid.toLowerCase());
    await wrapper.find('#field-legalRepresentative').setValue('李建国');
    await wrapper.find('[data-testid="industry-select"]').setValue('34');
    await wrapper.find('[data-testid="size-select"]').setValue('small');
    await wrapper.find('#field-contactName').setValue('赵敏');
    await wrapper.find('#field-contactPhone').setValue('0356-2221234');
    await wrapper.find('#field-displayName').setValue('赵敏');
    await wrapper.find('#field-email').setValue(' Zhao@Example.com ');
    await wrapper.find('[data-testid="new-password"]').setValue('Kiln-harbour-2026');
    await wrapper.find('[data-testid="new-password-confirm"]').setValue('Kiln-harbour-2026');
    fetchMock.mockResolvedValueOnce(json(202, { message: '请查收邮件完成验证。' }));
    await wrapper.find('form.register').trigger('submit');
    await flushPromises();
    const request = fetchMock.mock.calls[0]![0];
    expect(new URL(request.url).pathname).toBe('/api/v1/auth/register');
    expect(await request.json()).toEqual({
      email: 'zhao@example.com',
      password: 'Kiln-harbour-2026',
      displayName: '赵敏',
      firm: {
        name: '晋城精密机械有限公司',
        creditCode: valid,
        legalRepresentative: '李建国',
        industryCode: '34',
        size: 'small',
        contactName: '赵敏',
        contactPhone: '0356-2221234',
      },
    });
    expect(wrapper.find('[data-testid="register-done"]').text()).toContain('请查收邮件完成验证。');
  });

  it('puts the API field errors under the fields, firm fields included', async () => {
    const wrapper = await mountAt('/register', RegisterView);
    await wrapper.find('#field-name').setValue('晋城精密机械有限公司');
    await wrapper.find('[data-testid="credit-code-input"]').setValue(valid);
    await wrapper.find('#field-legalRepresentative').setValue('李建国');
    await wrapper.find('[data-testid="industry-select"]').setValue('34');
    await wrapper.find('[data-testid="size-select"]').setValue('small');
    await wrapper.find('#field-contactName').setValue('赵敏');
    await wrapper.find('#field-contactPhone').setValue('0356-2221234');
    await wrapper.find('#field-displayName').setValue('赵敏');
    await wrapper.find('#field-email').setValue('zhao@example.com');
    await wrapper.find('[data-testid="new-password"]').setValue('Kiln-harbour-2026');
    await wrapper.find('[data-testid="new-password-confirm"]').setValue('Kiln-harbour-2026');
    fetchMock.mockResolvedValueOnce(
      json(400, {
        code: 'VALIDATION_FAILED',
        message: '请求参数有误',
        details: [
          { field: 'firm.contactPhone', code: 'invalid_phone', message: '联系电话格式不正确' },
        ],
      }),
    );
    await wrapper.find('form.register').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-field="contactPhone"] .field-error').text()).toBe(
      '联系电话格式不正确',
    );
  });
});
