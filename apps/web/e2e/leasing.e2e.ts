import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { GAOPING_STAFF, login, publicUnits, shot, type PublicCard } from './helpers';

const FIRM_A = 'firm.a@factoryspace.demo';

/** Gaoping units with a list rent, from the public search (the first 200). */
async function gaopingUnits(request: APIRequestContext): Promise<PublicCard[]> {
  const units = await publicUnits(request, 200);
  return units.filter((u) => u.zoneName.includes('高平') && u.listRentFen !== null);
}

function status(page: Page, scope: string) {
  return page.getByTestId(scope).getByTestId('leasing-status').first();
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(376);
}

test('a firm applies with a saved quote; staff review, approve, sign and record the move-in', async ({
  browser,
  request,
}) => {
  // Not the unit the pricing tests use (the first mid-size upper-floor one): this one is leased.
  const units = await gaopingUnits(request);
  const unit = units.filter((u) => u.grossArea >= 300).at(-1) ?? units.at(-1);
  if (!unit) throw new Error('no Gaoping unit with a list rent in the seed');

  const firmContext = await browser.newContext();
  const staffContext = await browser.newContext();
  const firm = await firmContext.newPage();
  const staff = await staffContext.newPage();

  // --- The firm saves a quote and applies with it --------------------------------------------
  await login(firm, FIRM_A, undefined, `/units/${unit.id}`);
  await expect(firm.getByTestId('quote-result')).toHaveAttribute('data-status', 'ready');
  await firm.getByTestId('quote-save').click();
  await expect(firm.getByTestId('quote-save-message')).toContainText('报价已保存');
  await firm.getByTestId('quote-apply').click();
  await expect(firm).toHaveURL(/\/account\/applications\/new\?quoteId=/);
  await expect(firm.getByTestId('application-unit')).toContainText(unit.code);
  // Term and move-in come from the quote, read-only.
  await expect(firm.getByTestId('application-locked')).toBeVisible();
  await expect(firm.getByTestId('application-term')).toHaveValue('36');
  await expect(firm.getByTestId('application-term')).toHaveAttribute('readonly', '');
  await expect(firm.getByTestId('application-move-in')).toHaveAttribute('readonly', '');

  // Nothing typed is lost on an error: the missing use is marked, the headcount stays.
  await firm.getByTestId('application-headcount').fill('45');
  await firm.getByTestId('application-submit').click();
  await expect(firm.locator('[data-field="intendedUse"] .field-error')).toContainText('必填');
  await expect(firm.getByTestId('application-headcount')).toHaveValue('45');
  await firm.getByTestId('application-use').fill('精密零部件加工生产线');
  // Editing the field clears its message.
  await expect(firm.locator('[data-field="intendedUse"] .field-error')).toHaveCount(0);
  await firm.getByTestId('application-power').fill('400');
  await firm.getByTestId('application-floor-load').fill('8');
  await firm.getByTestId('application-need-water').check();
  await firm.getByTestId('application-need-fibre').check();
  await shot(firm, 'leasing-apply-form-zh.png');
  await firm.getByTestId('application-submit').click();
  await expect(firm).toHaveURL(/\/account\/applications\/[0-9a-f-]{36}$/);
  await expect(status(firm, 'application-detail')).toHaveAttribute('data-status', 'submitted');
  await expect(firm.getByTestId('action-withdraw')).toBeVisible();
  await expect(firm.getByTestId('action-submit')).toHaveCount(0);
  const applicationUrl = firm.url();

  // --- Staff work the queue ------------------------------------------------------------------
  await login(staff, GAOPING_STAFF);
  await staff.locator('#main-nav').getByRole('link', { name: '入驻申请' }).click();
  await expect(staff).toHaveURL(/\/staff\/applications$/);
  const row = staff.getByTestId('queue-row').filter({ hasText: unit.code }).first();
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute('data-status', 'submitted');
  await shot(staff, 'leasing-queue-zh.png');
  await row.getByTestId('queue-open').click();
  await expect(staff.getByTestId('application-firm')).not.toBeEmpty();
  await staff.getByTestId('action-start_review').click();
  await expect(status(staff, 'application-detail')).toHaveAttribute('data-status', 'under_review');
  await staff.getByTestId('action-approve').click();
  await staff.getByTestId('action-deposit').fill('20000');
  await staff.getByTestId('action-confirm').click();
  await expect(status(staff, 'application-detail')).toHaveAttribute('data-status', 'approved');
  await expect(staff.getByTestId('no-actions')).toBeVisible();
  await shot(staff, 'leasing-staff-application-zh.png');

  // --- The lease: draft → signed → active ----------------------------------------------------
  await staff.getByTestId('application-lease-link').click();
  await expect(staff).toHaveURL(/\/staff\/leases\/[0-9a-f-]{36}$/);
  await expect(status(staff, 'lease-detail')).toHaveAttribute('data-status', 'draft');
  await expect(status(staff, 'lease-detail')).toHaveText('租约草稿');
  await expect(staff.getByTestId('lease-total')).toContainText('¥');
  await expect(staff.getByTestId('lease-policy')).toContainText('v');
  await staff.getByTestId('action-sign').click();
  await expect(staff.getByTestId('action-date')).not.toHaveValue('');
  await staff.getByTestId('action-confirm').click();
  await expect(status(staff, 'lease-detail')).toHaveAttribute('data-status', 'signed');
  await expect(staff.getByTestId('lease-signed-on')).not.toBeEmpty();
  await staff.getByTestId('action-move_in').click();
  await staff.getByTestId('action-confirm').click();
  await expect(status(staff, 'lease-detail')).toHaveAttribute('data-status', 'active');
  await expect(staff.getByTestId('timeline-item')).toHaveCount(3);
  await expect(staff.getByTestId('action-terminate')).toBeVisible();
  await shot(staff, 'leasing-lease-zh.png');

  // --- The firm sees the decision and the timeline -------------------------------------------
  await firm.locator('#main-nav').getByRole('link', { name: '我的申请' }).click();
  await expect(firm).toHaveURL(/\/account\/applications$/);
  const mine = firm.getByTestId('application-row').filter({ hasText: unit.code }).first();
  await expect(mine).toHaveAttribute('data-status', 'approved');
  await expect(mine.getByTestId('leasing-status')).toHaveText('已批准');
  await shot(firm, 'leasing-my-applications-zh.png');
  await mine.getByTestId('application-open').click();
  await expect(firm).toHaveURL(applicationUrl);
  await expect(status(firm, 'application-detail')).toHaveText('已批准');
  const timeline = firm.getByTestId('timeline-item');
  await expect(timeline).toHaveCount(4);
  await expect(timeline.nth(1)).toContainText('提交申请');
  await expect(timeline.nth(2)).toContainText('开始审核');
  await expect(timeline.nth(3)).toContainText('批准');
  await expect(firm.getByTestId('no-actions')).toBeVisible();
  await shot(firm, 'leasing-firm-application-zh.png');

  // English: the domain's labels in the other language.
  await firm.getByRole('button', { name: 'English' }).click();
  await expect(status(firm, 'application-detail')).toHaveText('Approved');
  await expect(timeline.nth(2)).toContainText('Start review');
  await shot(firm, 'leasing-firm-application-en.png');
  await firm.getByRole('button', { name: '中文' }).click();
  await staff.getByRole('button', { name: 'English' }).click();
  await expect(status(staff, 'lease-detail')).toHaveText('Active');
  // The confirmation follows the language switch; the period shows its last day.
  await expect(staff.getByText('Done: Record move-in')).toBeVisible();
  await expect(staff.getByText(/to \d{4}-\d{2}-(28|29|30|31) \(/)).toBeVisible();
  await shot(staff, 'leasing-lease-en.png');
  await staff.getByRole('button', { name: '中文' }).click();

  // A phone: no horizontal overflow; the list becomes cards.
  await firm.setViewportSize({ width: 375, height: 800 });
  await expect(status(firm, 'application-detail')).toBeVisible();
  await noHorizontalOverflow(firm);
  await shot(firm, 'leasing-firm-application-375.png');
  await firm.goto('/account/applications');
  await expect(firm.getByTestId('application-row').first()).toBeVisible();
  await noHorizontalOverflow(firm);
  await staff.setViewportSize({ width: 375, height: 800 });
  await noHorizontalOverflow(staff);
  await shot(staff, 'leasing-lease-375.png');

  await firmContext.close();
  await staffContext.close();
});
