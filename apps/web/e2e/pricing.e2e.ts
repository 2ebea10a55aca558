import { expect, test, type Page } from '@playwright/test';
import { login, publicUnits, shot, type PublicCard } from './helpers';

/** Demo accounts of the seed (apps/api/src/database/seeds/accounts.ts). */
const FIRM_A = 'firm.a@factoryspace.demo';
const GAOPING_ADMIN = 'gaoping.admin@factoryspace.demo';
const GAOPING_STAFF = 'gaoping.staff@factoryspace.demo';

/** A Gaoping unit with a list rent on an upper floor (the floor tier shows), mid-size. */
function gaopingUnit(units: PublicCard[]): PublicCard {
  const gaoping = units.filter((u) => u.zoneName.includes('高平') && u.listRentFen !== null);
  const unit =
    gaoping.find((u) => u.floorFrom >= 2 && u.grossArea >= 800 && u.grossArea <= 5000) ??
    gaoping[0];
  if (!unit) throw new Error('no Gaoping unit with a list rent in the seed');
  return unit;
}

/** The figures of the calculator once its answer matches the current inputs. */
async function settled(page: Page): Promise<void> {
  await expect(page.getByTestId('quote-result')).toHaveAttribute('data-status', 'ready');
}

async function text(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

/** "¥12,345.67" → 12345.67 */
function yuan(value: string): number {
  return Number(value.replace(/[^\d.-]/g, ''));
}

test('a visitor computes a quote, changes term and qualifications and sees the schedule change', async ({
  page,
  request,
}) => {
  const unit = gaopingUnit(await publicUnits(request));
  await page.goto(`/units/${unit.id}`);
  const calculator = page.getByTestId('quote-calculator');
  await expect(calculator).toBeVisible();
  await expect(page.getByTestId('quote-policy')).toContainText('高平');
  await settled(page);

  // The rent block links to it.
  await expect(page.getByTestId('quote-link')).toHaveAttribute('href', '#quote');

  // Default: 36 months, no qualification.
  await expect(page.getByTestId('quote-term')).toHaveValue('36');
  await expect(page.getByTestId('quote-schedule-row')).toHaveCount(36);
  const baseTotal = yuan(await text(page, 'quote-total'));
  expect(baseTotal).toBeGreaterThan(0);
  await expect(page.getByTestId('quote-effective-rent')).toContainText('/㎡·月');
  // The first year is open, the others collapsed.
  await expect(page.locator('[data-testid="quote-schedule-row"]:visible')).toHaveCount(12);
  await expect(page.getByTestId('quote-explanation').first()).toBeVisible();
  await expect(page.getByTestId('quote-chart').locator('svg')).toBeVisible();

  // A shorter term: 24 lines, a smaller total.
  await page.getByTestId('quote-term').fill('24');
  await settled(page);
  await expect(page.getByTestId('quote-schedule-row')).toHaveCount(24);
  await expect.poll(async () => yuan(await text(page, 'quote-total'))).toBeLessThan(baseTotal);
  // Out of range: the field says so and no request goes out.
  await page.getByTestId('quote-term').fill('999');
  await expect(page.getByTestId('quote-term')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('quote-term-36').click();
  await settled(page);
  await expect(page.getByTestId('quote-schedule-row')).toHaveCount(36);
  expect(yuan(await text(page, 'quote-total'))).toBe(baseTotal);
  const baseSavings = yuan(await text(page, 'quote-savings'));
  const firstDue = await page.getByTestId('quote-line-due').first().textContent();

  // High-tech: the year discounts apply; the total falls, savings rise, the first month changes.
  await page.getByTestId('quote-qual-high-tech').check();
  await settled(page);
  await expect.poll(async () => yuan(await text(page, 'quote-total'))).toBeLessThan(baseTotal);
  const highTechTotal = yuan(await text(page, 'quote-total'));
  expect(yuan(await text(page, 'quote-savings'))).toBeGreaterThan(baseSavings);
  await expect(page.getByTestId('quote-line-due').first()).not.toHaveText(firstDue!);
  await expect(page.getByTestId('quote-explanation').filter({ hasText: '高新' })).not.toHaveCount(
    0,
  );

  // 专精特新 (national little giant) as well: the most favourable group applies per component.
  await page.getByTestId('quote-qual-high-tech').uncheck();
  await page.getByTestId('quote-specialised-level').selectOption('national_little_giant');
  await settled(page);
  await expect.poll(async () => yuan(await text(page, 'quote-total'))).not.toBe(baseTotal);
  await page.getByTestId('quote-qual-high-tech').check();
  await settled(page);
  const bothTotal = yuan(await text(page, 'quote-total'));
  expect(bothTotal).toBeLessThanOrEqual(highTechTotal);
  await page.getByTestId('quote-schedule-toggle').click();
  await expect(page.locator('[data-testid="quote-schedule-row"]:visible')).toHaveCount(36);
  await shot(page, 'quote-unit-zh.png');

  // English: the same quote, explained in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('quote-calculator')).toContainText('Rent quote');
  await expect(page.getByTestId('quote-explanation').first()).not.toContainText(
    /[\u4e00-\u9fff]{4}/,
  );
  await shot(page, 'quote-unit-en.png');
  await page.getByRole('button', { name: '中文' }).click();

  // Printing shows the quote alone (one section per page), Chinese text included.
  await page.evaluate(() => document.body.classList.add('printing-quote'));
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('quote-print')).toBeVisible();
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByTestId('quote-print')).toContainText('厂房租金测算单');
  const pdf = await page.pdf({ path: test.info().outputPath('quote.pdf'), format: 'A4' });
  // The Chinese text is drawn with an embedded CJK font (subset names like AAAAAA+NotoSansCJKsc),
  // not with boxes from a Latin-only face.
  const fonts = [...pdf.toString('latin1').matchAll(/\/FontName\s*\/([\w+-]+)/g)].map((m) => m[1]);
  expect(
    fonts.some((name) => /CJK|Hei|Song|Ming|WenQuanYi|DroidSansFallback|SourceHan/i.test(name!)),
  ).toBe(true);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.body.classList.remove('printing-quote'));

  // A phone: the calculator fits the width.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByTestId('quote-calculator').scrollIntoViewIfNeeded();
  const box = await page.getByTestId('quote-calculator').boundingBox();
  expect(box!.width).toBeLessThanOrEqual(375);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(376);
  await shot(page, 'quote-unit-375.png');
});

test('a zone without a policy says so; a firm saves a quote and finds it under My quotes', async ({
  page,
  request,
}) => {
  const units = await publicUnits(request);
  const jincheng = units.find((u) => u.zoneName.includes('晋城') && u.listRentFen !== null);
  if (jincheng) {
    await page.goto(`/units/${jincheng.id}`);
    await expect(page.getByTestId('quote-no-policy')).toBeVisible();
  }

  const unit = gaopingUnit(units);
  await login(page, FIRM_A, undefined, `/units/${unit.id}`);
  await expect(page).toHaveURL(new RegExp(`/units/${unit.id}`));
  // Pre-filled from the firm's profile: a current high-tech certificate, provincial 专精特新.
  await expect(page.getByTestId('quote-qual-high-tech')).toBeChecked();
  await expect(page.getByTestId('quote-specialised-level')).toHaveValue('provincial');
  await settled(page);
  const total = await text(page, 'quote-total');
  await page.getByTestId('quote-save').click();
  await expect(page.getByTestId('quote-save-message')).toContainText('报价已保存');

  await page.locator('#main-nav').getByRole('link', { name: '我的报价' }).click();
  await expect(page).toHaveURL(/\/account\/quotes$/);
  const row = page.getByTestId('saved-quote-row').filter({ hasText: unit.code }).first();
  await expect(row).toBeVisible();
  await expect(row.getByTestId('saved-quote-total')).toHaveText(total);
  await shot(page, 'quote-list-zh.png');
  await row.getByTestId('saved-quote-open').click();
  await expect(page.getByTestId('saved-quote-policy')).toContainText('高平');
  await expect(page.getByTestId('quote-total')).toHaveText(total);
  await expect(page.getByTestId('quote-schedule-row').first()).toBeAttached();
});

test('the zone admin edits a draft: an invalid band shows its issue, the fix shows the live preview', async ({
  page,
}) => {
  await login(page, GAOPING_ADMIN);
  await page.locator('#main-nav').getByRole('link', { name: '租金政策' }).click();
  await expect(page).toHaveURL(/\/admin\/rent-policies$/);
  const rows = page.getByTestId('policy-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.locator('[data-testid="policy-row"][data-current="true"]')).toHaveCount(1);
  await shot(page, 'policy-list-zh.png');

  // Open the draft.
  const draft = page.locator('[data-testid="policy-row"][data-status="draft"]').first();
  await draft.getByTestId('policy-open').click();
  await expect(page.getByTestId('policy-editor')).toBeVisible();
  await expect(page.getByTestId('policy-issues')).toContainText('校验通过');
  await expect(page.getByTestId('policy-preview-total')).toBeVisible();
  const before = await text(page, 'policy-preview-total');

  // A gap between floor tiers: the issue appears at once, the preview waits for a fix.
  const second = page.getByTestId('policy-floor-tier').nth(1);
  const from = second.getByTestId('floor-from');
  const original = await from.inputValue();
  await from.fill(String(Number(original) + 1));
  await expect(page.getByTestId('policy-issue').first()).toBeVisible();
  await expect(second.getByTestId('policy-field-issue')).toBeVisible();
  await expect(page.getByTestId('policy-preview-invalid')).toBeVisible();
  await expect(page.getByTestId('policy-save')).toBeDisabled();
  await shot(page, 'policy-editor-issue-zh.png');

  // Fixed: no issue; a deeper discount on that tier changes the preview's total.
  await from.fill(original);
  await expect(page.getByTestId('policy-issue')).toHaveCount(0);
  await expect(page.getByTestId('policy-preview-total')).toHaveText(before);
  await page.getByTestId('policy-preview-unit').selectOption({ index: 0 });
  const sampleTotal = await text(page, 'policy-preview-total');
  const pct = page.getByTestId('policy-floor-tier').last().getByTestId('floor-pct');
  const pctBefore = await pct.inputValue();
  await page.getByTestId('floor-pct').first().fill('35');
  await pct.fill(String(Math.min(100, Number(pctBefore) + 15)));
  // An area-band discount applies to every unit: the sample's total moves whatever its floor.
  const band = page.getByTestId('area-pct').first();
  if (await band.count()) await band.fill('33');
  await expect.poll(() => text(page, 'policy-preview-total')).not.toBe(sampleTotal);
  await expect(page.getByTestId('policy-coverage-share')).toContainText('%');
  await page.getByTestId('policy-save').click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  await shot(page, 'policy-editor-zh.png');

  // Compare the draft with the published version on one unit.
  await page.goto('/admin/rent-policies');
  await page.getByTestId('policy-select').nth(0).check();
  await page.getByTestId('policy-select').nth(1).check();
  await page.getByTestId('policy-compare').click();
  await expect(page.getByTestId('compare-a-total')).toBeVisible();
  await expect(page.getByTestId('compare-b-total')).toBeVisible();
  await expect(page.getByTestId('compare-diff-total')).toBeVisible();
  await shot(page, 'policy-compare-zh.png');

  // A published version opens read-only.
  await page.goto('/admin/rent-policies');
  await page
    .locator('[data-testid="policy-row"][data-status="published"]')
    .first()
    .getByTestId('policy-open')
    .click();
  await expect(page.getByTestId('policy-published-note')).toBeVisible();
  await expect(page.getByTestId('policy-save')).toHaveCount(0);
  await expect(page.getByTestId('floor-from').first()).toBeDisabled();
});

test('staff see the policies read-only', async ({ page }) => {
  await login(page, GAOPING_STAFF);
  await page.goto('/admin/rent-policies');
  await expect(page.getByTestId('policy-read-only')).toBeVisible();
  await expect(page.getByTestId('policy-new')).toHaveCount(0);
  await page.getByTestId('policy-open').first().click();
  await expect(page.getByTestId('policy-editor')).toBeVisible();
  await expect(page.getByTestId('policy-save')).toHaveCount(0);
  await expect(page.getByTestId('floor-from').first()).toBeDisabled();
});
