import { expect, test } from '@playwright/test';
import { GAOPING_STAFF, login, shot } from './helpers';

const ZONE = '高平经济技术开发区';
const PARK = '海峡两岸(高平)产业园';

test('staff filter the inventory, edit a dossier and see it in the history (zh → en)', async ({
  page,
  baseURL,
}) => {
  // The app talks only to its own origin: no tile servers, no CDNs.
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL!) && !url.startsWith('data:')) foreign.push(url);
  });

  // The inventory is for staff: sign in as Gaoping's staff member (Chinese by default), who
  // lands on it and is locked to the own zone.
  await login(page, GAOPING_STAFF);
  await expect(page).toHaveURL(/\/staff\/inventory/);
  await expect(page.getByRole('heading', { level: 1, name: '厂房台账' })).toBeVisible();
  const zoneSelect = page.getByTestId('zone-select');
  await expect(zoneSelect.locator('option')).toHaveText([ZONE]);
  await zoneSelect.selectOption({ label: ZONE });
  await expect(page.locator('table.units-table tbody tr').first()).toBeVisible();

  // Filter to one park: the URL carries the filter and every row is in that park.
  await page.getByTestId('park-filter').selectOption({ label: PARK });
  await expect(page).toHaveURL(/[?&]park=/);
  const rows = page.locator('table.units-table tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(page.locator('.units-table[aria-busy="true"]')).toHaveCount(0);
  const parkCells = await rows.locator('td:nth-child(3)').allTextContents();
  expect(parkCells.length).toBeGreaterThan(0);
  for (const cell of parkCells) expect(cell.trim()).toBe(PARK);
  await expect(page.getByTestId('total')).toContainText('共');
  await shot(page, 'inventory-zh.png');

  // Back button restores the unfiltered list.
  await page.goBack();
  await expect(page).not.toHaveURL(/[?&]park=/);
  await page.goForward();
  await expect(page).toHaveURL(/[?&]park=/);

  // Open the first unit of the park.
  const firstRow = rows.first();
  const code = (await firstRow.getAttribute('data-unit-code'))!;
  await firstRow.getByRole('link', { name: code }).click();
  await expect(page.getByTestId('unit-code')).toHaveText(code);
  await expect(page.getByRole('tab', { name: '规格' })).toHaveAttribute('aria-selected', 'true');

  // Edit: floor load and description.
  await page.getByTestId('edit-unit').click();
  const loadInput = page.locator('#field-floorLoadKnM2');
  await expect(loadInput).toBeVisible();
  const before = Number(await loadInput.inputValue());
  const after = Math.round((before <= 498 ? before + 1.5 : before - 1.5) * 100) / 100;
  await loadInput.fill(String(after));
  const note = `浏览器测试 ${Date.now()}`;
  await page.locator('#field-description').fill(note);
  const saved = page.waitForResponse(
    (response) =>
      response.request().method() === 'PATCH' && response.url().includes('/api/v1/units/'),
  );
  await page.getByTestId('save').click();
  const response = await saved;
  expect(response.status()).toBe(200);
  const body = response.request().postDataJSON() as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['description', 'floorLoadKnM2', 'version']);

  // The dossier shows the new values.
  const afterText = after.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  await expect(page.getByTestId('floor-load')).toContainText(`${afterText} kN/㎡`);
  await expect(page.getByTestId('description')).toHaveText(note);
  await shot(page, 'unit-detail-zh.png');

  // History: the newest entry lists the floor load with before → after.
  await page.getByRole('tab', { name: '历史' }).click();
  const latest = page.getByTestId('history-entry').first();
  await expect(latest).toContainText('修改');
  const loadChange = latest.locator('tr[data-field="floorLoadKnM2"]');
  await expect(loadChange.locator('th')).toHaveText('楼面承重(kN/㎡)');
  const beforeText = before.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  await expect(loadChange.locator('td.before')).toContainText(`${beforeText} kN/㎡`);
  await expect(loadChange.locator('td.after')).toContainText(`${afterText} kN/㎡`);

  // Switch to English: labels follow, and the choice survives a reload.
  await page.locator('button[data-locale="en"]').click();
  await expect(page.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
  await expect(latest).toContainText('Updated');
  await expect(loadChange.locator('th')).toHaveText('Floor load (kN/m²)');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Specification' })).toBeVisible();
  await expect(
    page.getByTestId('history-entry').first().locator('tr[data-field="floorLoadKnM2"] th'),
  ).toHaveText('Floor load (kN/m²)');
  await shot(page, 'unit-history-en.png');

  // Back to Chinese and the unit map.
  await page.locator('button[data-locale="zh-CN"]').click();
  await page.getByRole('link', { name: '厂房地图' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '厂房地图' })).toBeVisible();
  const map = page.getByTestId('zone-map');
  await expect(map.locator('path.leaflet-interactive').first()).toBeVisible();
  await expect(map.locator('.park-label').first()).toBeVisible();
  await expect(map).toHaveAttribute('aria-busy', 'false');
  await shot(page, 'map-zh.png');

  expect(foreign).toEqual([]);
});
