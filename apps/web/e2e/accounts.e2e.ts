import { expect, test, type Page } from '@playwright/test';
import { createRequire } from 'node:module';
import type * as Domain from '@factoryspace/domain';
import { DEMO_PASSWORD, GAOPING_STAFF, SUPER_ADMIN, login, shot, urlWith } from './helpers';

// The domain package is CommonJS: an ES `import` of it from this ES module does not see its named
// exports under Playwright, a require does.
const { CREDIT_CODE_CHARSET, creditCodeCheckCharacter } = createRequire(import.meta.url)(
  '@factoryspace/domain',
) as typeof Domain;

/** A valid, run-unique unified social credit code: a Jincheng-style prefix + 5 characters. */
function uniqueCreditCode(stamp: number): string {
  let rest = '';
  let n = stamp;
  for (let i = 0; i < 5; i += 1) {
    rest += CREDIT_CODE_CHARSET[n % 31];
    n = Math.floor(n / 31);
  }
  const first17 = `91140500MA0K${rest}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** The verification token from the newest mail to `email`, read on the super admin's outbox page. */
async function verificationToken(adminPage: Page, email: string): Promise<string> {
  const tokenIn = (text: string | null | undefined) =>
    /\/verify-email\?token=([A-Za-z0-9_\-.~%]+)/.exec(text ?? '')?.[1] ?? null;

  await adminPage.goto('/admin/outbox');
  await expect(adminPage.getByRole('heading', { level: 1 })).toBeVisible();
  const message = adminPage.getByTestId('outbox-message').filter({ hasText: email }).first();
  let token: string | null = null;
  try {
    await message.waitFor({ timeout: 10_000 });
    await message.getByTestId('outbox-toggle').click();
    token = tokenIn(await message.getByTestId('outbox-body').innerText());
    await shot(adminPage, 'admin-outbox-zh.png');
  } catch {
    token = null;
  }
  if (!token) {
    // The outbox page could not show it: read the outbox through the API in the same session.
    await expect
      .poll(async () => {
        const response = await adminPage.request.get('/api/v1/outbox?limit=100');
        if (!response.ok()) return null;
        const page = (await response.json()) as {
          items: { toAddress: string; bodyText: string }[];
        };
        token = tokenIn(page.items.find((item) => item.toAddress === email)?.bodyText);
        return token;
      })
      .not.toBeNull();
  }
  return token!;
}

test('a firm registers, verifies its e-mail and signs in; staff stay in their zone', async ({
  page,
  browser,
  baseURL,
}) => {
  const stamp = Date.now();
  const email = `firm-${stamp}@e2e.factoryspace.demo`;
  const password = 'Kiln-harbour-2026';
  const firmName = `晋城测试精密机械有限公司${stamp % 100000}`;
  const creditCode = uniqueCreditCode(stamp);

  // --- Visitor: the nav, the public listing and the sign-in pages ---------------------------
  await page.goto('/');
  await expect(page).toHaveURL(/\/search$/);
  const nav = page.locator('#main-nav');
  await expect(nav).toHaveAttribute('data-role', 'visitor');
  await expect(nav.getByRole('link', { name: '找厂房' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '登录' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '注册' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '厂房台账' })).toHaveCount(0);
  await shot(page, 'nav-visitor-zh.png');

  // A staff page sends a visitor to sign in, keeping the page to come back to.
  await page.goto('/staff/inventory');
  await expect(page).toHaveURL(urlWith('/login', 'redirect', '/staff/inventory'));
  await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
  // A wrong password gets one generic message.
  await page.getByTestId('login-identifier').fill(GAOPING_STAFF);
  await page.getByTestId('login-password').fill('not-the-password-1');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toHaveText('账号或密码不正确。');
  await shot(page, 'login-zh.png');

  // --- (a) Register a firm -------------------------------------------------------------------
  await page.goto('/register');
  await expect(page.getByRole('heading', { level: 1, name: '企业注册' })).toBeVisible();
  await page.locator('#field-name').fill(firmName);
  const credit = page.getByTestId('credit-code-input');
  // Checked as it is typed: a wrong check character is named, the right one gets a tick.
  const wrongLast = creditCode.endsWith('0') ? '1' : '0';
  await credit.fill(creditCode.slice(0, 17) + wrongLast);
  await expect(page.locator('[data-field="creditCode"] .field-error')).toContainText('校验位');
  await credit.fill(creditCode);
  await expect(page.getByTestId('credit-code-ok')).toBeVisible();
  await page.locator('#field-legalRepresentative').fill('李建国');
  await page.getByTestId('industry-select').selectOption('34');
  await page.getByTestId('size-select').selectOption('small');
  await page.locator('#field-contactName').fill('赵敏');
  await page.locator('#field-contactPhone').fill('0356-2221234');
  await page.locator('#field-displayName').fill('赵敏');
  await page.locator('#field-email').fill(email);
  // The password policy is shown as it is typed.
  const newPassword = page.getByTestId('new-password');
  await newPassword.fill('123456');
  await expect(page.getByTestId('password-problems')).toBeVisible();
  await newPassword.fill(password);
  await expect(page.getByTestId('password-ok')).toBeVisible();
  await page.getByTestId('new-password-confirm').fill(password);
  await shot(page, 'register-zh.png');
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('register-done')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: '请查收验证邮件' })).toBeVisible();
  await shot(page, 'register-done-zh.png');

  // Not verified yet: signing in says so and offers to resend.
  await page.goto('/login');
  await page.getByTestId('login-identifier').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('not-verified')).toBeVisible();

  // --- (b) The super admin finds the verification mail in the outbox -------------------------
  const admin = await browser.newContext({ baseURL, locale: 'zh-CN' });
  const adminPage = await admin.newPage();
  await login(adminPage, SUPER_ADMIN);
  await expect(adminPage).toHaveURL(/\/admin\/zones$/);
  const adminNav = adminPage.locator('#main-nav');
  await expect(adminNav).toHaveAttribute('data-role', 'super_admin');
  for (const name of ['厂房台账', '厂房地图', '开发区概览', '用户管理', '发件箱', '审计日志']) {
    await expect(adminNav.getByRole('link', { name })).toBeVisible();
  }
  await adminPage.getByTestId('user-menu').click();
  await expect(adminPage.getByTestId('user-role')).toContainText('超级管理员');
  await shot(adminPage, 'nav-super-admin-zh.png');
  await adminPage.keyboard.press('Escape');
  const token = await verificationToken(adminPage, email);

  // --- (c) Verify, sign in as the new firm user, see the firm profile ------------------------
  await page.goto(`/verify-email?token=${encodeURIComponent(token)}`);
  await expect(page.getByTestId('verify-done')).toBeVisible();
  await page.getByTestId('verify-login').click();
  await login(page, email, password);
  await expect(page).toHaveURL(/\/search$/);
  await expect(nav).toHaveAttribute('data-role', 'firm');
  for (const name of ['找厂房', '企业资料', '同事']) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: '厂房台账' })).toHaveCount(0);
  await nav.getByRole('link', { name: '企业资料' }).click();
  await expect(page).toHaveURL(/\/account\/firm$/);
  await expect(page.locator('#field-name')).toHaveValue(firmName);
  await page.getByTestId('user-menu').click();
  await expect(page.getByTestId('user-role')).toContainText(firmName);
  await shot(page, 'nav-firm-zh.png');
  await page.keyboard.press('Escape');

  // Change the password: the API ends every session and opens a new one for this page.
  await page.getByTestId('user-menu').click();
  await page.getByRole('link', { name: '修改密码' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '修改密码' })).toBeVisible();
  const changed = `${password}-new`;
  await page.locator('#field-currentPassword').fill(password);
  await page.getByTestId('new-password').fill(changed);
  await page.getByTestId('new-password-confirm').fill(changed);
  await page.getByRole('button', { name: '保存新密码' }).click();
  await expect(page.getByTestId('password-changed')).toBeVisible();
  await page.reload();
  await expect(nav).toHaveAttribute('data-role', 'firm');

  // A firm may not open staff pages.
  await page.goto('/staff/inventory');
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByRole('heading', { level: 1, name: '不允许访问' })).toBeVisible();
  await shot(page, 'forbidden-zh.png');

  // Sign out: back to a visitor.
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(nav).toHaveAttribute('data-role', 'visitor');

  // --- (d) Gaoping's staff cannot open a Jincheng dossier -------------------------------------
  const zones = (await (await adminPage.request.get('/api/v1/zones?limit=50')).json()) as {
    items: { id: string; code: string }[];
  };
  const jincheng = zones.items.find((zone) => zone.code === 'jincheng');
  expect(jincheng, 'the seed has the Jincheng zone').toBeTruthy();
  const units = await adminPage.request.get(`/api/v1/units?zoneId=${jincheng!.id}&limit=1`);
  expect(units.ok()).toBe(true);
  const jinchengUnit = ((await units.json()) as { items: { id: string; code: string }[] })
    .items[0]!;
  await admin.close();

  const staff = await browser.newContext({ baseURL, locale: 'zh-CN' });
  const staffPage = await staff.newPage();
  await login(staffPage, GAOPING_STAFF);
  const staffNav = staffPage.locator('#main-nav');
  await expect(staffNav).toHaveAttribute('data-role', 'staff');
  await expect(staffNav.getByRole('link', { name: '厂房台账' })).toBeVisible();
  await expect(staffNav.getByRole('link', { name: '厂房地图' })).toBeVisible();
  await expect(staffNav.getByRole('link', { name: '用户管理' })).toHaveCount(0);
  await shot(staffPage, 'nav-staff-zh.png');

  await staffPage.goto(`/staff/units/${jinchengUnit.id}`);
  await expect(staffPage.getByText('找不到该厂房档案。')).toBeVisible();
  await expect(staffPage.getByTestId('unit-code')).toHaveCount(0);
  await expect(staffPage.getByText(jinchengUnit.code)).toHaveCount(0);

  // And an administrator page is forbidden to staff.
  await staffPage.goto('/admin/users');
  await expect(staffPage).toHaveURL(/\/forbidden/);

  // --- An ended session: the next call sends the user to /session-expired and back -------------
  await staffPage.goto('/staff/inventory');
  await expect(staffPage.getByRole('heading', { level: 1, name: '厂房台账' })).toBeVisible();
  await expect(staffPage).toHaveURL(/[?&]zone=/);
  await expect(staffPage.locator('table.units-table tbody tr').first()).toBeVisible();
  await staffPage.waitForLoadState('networkidle');
  await staff.addCookies([{ name: 'fs_session', value: 'ended-session-token', url: baseURL! }]);
  await staffNav.getByRole('link', { name: '厂房地图' }).click();
  await expect(staffPage).toHaveURL(urlWith('/session-expired', 'redirect', '/staff/map'));
  await expect(
    staffPage.getByRole('heading', { level: 1, name: '会话已过期,请重新登录' }),
  ).toBeVisible();
  await shot(staffPage, 'session-expired-zh.png');
  await staffPage.getByTestId('session-expired-login').click();
  await expect(staffPage).toHaveURL(urlWith('/login', 'redirect', '/staff/map'));
  await staffPage.getByTestId('login-identifier').fill(GAOPING_STAFF);
  await staffPage.getByTestId('login-password').fill(DEMO_PASSWORD);
  await staffPage.getByTestId('login-submit').click();
  await expect(staffPage).toHaveURL(/\/staff\/map$/);
  await staff.close();
});

test('the navigation fits a 375 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await login(page, GAOPING_STAFF);
  const toggle = page.locator('.menu-toggle');
  await expect(toggle).toBeVisible();
  await toggle.click();
  const nav = page.locator('#main-nav');
  await expect(nav.getByRole('link', { name: '厂房台账' })).toBeVisible();
  await page.getByTestId('user-menu').click();
  await expect(page.getByTestId('logout')).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  await shot(page, 'nav-staff-375-zh.png', false);
});
