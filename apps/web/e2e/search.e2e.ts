import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD, login, shot } from './helpers';

/** A firm user of the seed (README, "Demo accounts"). */
const FIRM_A = 'firm.a@factoryspace.demo';
const LOCALE_KEY = 'factoryspace.locale';

/** The number in the results total ("253 个厂房", "1,234 units", "10,000+ units"). */
async function totalOf(page: Page): Promise<number> {
  const text = (await page.getByTestId('search-total').textContent()) ?? '';
  const match = /[\d,]+/.exec(text);
  return match ? Number(match[0].replace(/,/g, '')) : Number.NaN;
}

/** Waits until the list shows the answer to the current filters (no request in flight). */
async function settled(page: Page): Promise<void> {
  await expect(page.getByTestId('search-loading')).toHaveCount(0);
  await expect(page.locator('.results[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByTestId('search-total')).not.toHaveText('…');
}

/** "1,234.5 ㎡" / "1.06万㎡" → m². */
function parseArea(text: string): number {
  const clean = text.replace(/\s/g, '').replace(/,/g, '');
  const wan = /([\d.]+)万/.exec(clean);
  if (wan) return Number(wan[1]) * 10_000;
  const plain = /([\d.]+)/.exec(clean);
  return plain ? Number(plain[1]) : Number.NaN;
}

/** The map's zoom as the URL holds it (after the user moved the map). */
function urlZoom(page: Page): number {
  return Number(new URL(page.url()).searchParams.get('zoom'));
}

/** Drags the map by (dx, dy) pixels with the mouse. */
async function drag(page: Page, map: Locator, dx: number, dy: number): Promise<void> {
  const box = (await map.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
  await page.mouse.move(x + dx, y + dy, { steps: 5 });
  await page.mouse.up();
}

test('a visitor searches, uses the map, keeps a favourite and compares units, then signs in as a firm', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  // The app talks only to its own origin: no tile servers, no CDNs.
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL!) && !url.startsWith('data:')) foreign.push(url);
  });

  // --- Search: filters, total, URL, back button ---------------------------------------------
  await page.goto('/search');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await settled(page);
  await expect(page.getByTestId('result-card').first()).toBeVisible();
  const all = await totalOf(page);
  expect(all).toBeGreaterThan(10);

  // A minimum area: the total drops, the URL holds it and every card is at least that big.
  const minArea = page.getByTestId('filter-min-area');
  await minArea.fill('2000');
  await minArea.press('Tab');
  await expect(page).toHaveURL(/[?&]minArea=2000(&|$)/);
  await expect.poll(() => totalOf(page)).toBeLessThan(all);
  await settled(page);
  const withArea = await totalOf(page);
  for (const text of await page
    .locator('[data-testid="result-card"] [data-fact="area"]')
    .allTextContents()) {
    expect(parseArea(text)).toBeGreaterThanOrEqual(2000);
  }

  // Natural gas: every card has it.
  // The checkbox is drawn as a chip: click its label.
  const gas = page.getByTestId('filter-utility-gas');
  await page.locator('label', { has: gas }).click();
  await expect(gas).toBeChecked();
  await expect(page).toHaveURL(/[?&]utility=gas(&|$)/);
  await expect.poll(() => totalOf(page)).toBeLessThan(withArea);
  await settled(page);
  const withGas = await totalOf(page);
  const cards = page.getByTestId('result-card');
  const gasCount = await cards.count();
  expect(gasCount).toBeGreaterThan(0);
  await expect(cards.locator('[data-utility="gas"][data-has="true"]')).toHaveCount(gasCount);

  // A keyword: 食品 (food).
  await page.getByTestId('filter-keyword').fill('食品');
  await page.getByTestId('keyword-submit').click();
  await expect(page).toHaveURL(/[?&]q=(%E9%A3%9F%E5%93%81|食品)(&|$)/);
  await expect.poll(() => totalOf(page)).toBeLessThan(withGas);
  await settled(page);
  const withKeyword = await totalOf(page);
  expect(withKeyword).toBeGreaterThan(0);
  const url = new URL(page.url());
  expect(url.searchParams.get('minArea')).toBe('2000');
  expect(url.searchParams.getAll('utility')).toEqual(['gas']);
  expect(url.searchParams.get('q')).toBe('食品');
  await expect(page.getByTestId('search-total')).toContainText(String(withKeyword));

  // Back: the keyword goes, the other filters stay, and so does their total.
  await page.goBack();
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(page).toHaveURL(/[?&]utility=gas/);
  await expect.poll(() => totalOf(page)).toBe(withGas);
  await page.goForward();
  await expect(page).toHaveURL(/[?&]q=/);
  await expect.poll(() => totalOf(page)).toBe(withKeyword);
  const searchQuery = new URL(page.url()).search;

  // --- Map: switch, pan, a cluster zooms in, a unit opens its popup -------------------------
  // Without the keyword and area, so the map has clusters to show.
  await page.goto('/search');
  await settled(page);
  await page.getByTestId('view-map').click();
  await expect(page).toHaveURL(/[?&]view=map/);
  const map = page.getByTestId('search-map');
  await expect(map).toBeVisible();
  await expect(
    map.locator('[data-testid="map-cluster"], [data-testid="map-unit"]').first(),
  ).toBeVisible();

  // Pan: the map's centre goes into the URL.
  await drag(page, map, -160, 90);
  await expect(page).toHaveURL(/[?&]center=/);
  const panned = new URL(page.url()).searchParams.get('center');
  await drag(page, map, 120, -60);
  await expect.poll(() => new URL(page.url()).searchParams.get('center')).not.toBe(panned);

  // Clusters zoom in until a single unit shows that nothing covers (units of one park sit close
  // together; after the pans a marker may also be cut by the map's edge or under a control).
  const uncovered = (testId: 'map-unit' | 'map-cluster') =>
    map.evaluate((root, id) => {
      const nodes = [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
      for (const [index, node] of nodes.entries()) {
        const box = node.getBoundingClientRect();
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        if (hit && (hit === node || node.contains(hit) || hit.contains(node))) {
          const top = hit.closest<HTMLElement>(`[data-testid="${id}"]`) ?? node;
          return { index, unitId: top.dataset.unitId ?? null };
        }
      }
      return null;
    }, testId);
  await expect(
    map.locator('[data-testid="map-cluster"], [data-testid="map-unit"]').first(),
  ).toBeVisible();
  await page.waitForTimeout(800);
  let clickableId = (await uncovered('map-unit'))?.unitId ?? null;
  for (let i = 0; i < 8 && clickableId === null; i++) {
    const cluster = await uncovered('map-cluster');
    expect(cluster, 'a cluster to zoom into').not.toBeNull();
    const before = urlZoom(page);
    await map.getByTestId('map-cluster').nth(cluster!.index).click();
    await expect.poll(() => urlZoom(page)).toBeGreaterThan(before);
    await page.waitForTimeout(800);
    clickableId = (await uncovered('map-unit'))?.unitId ?? null;
  }
  expect(clickableId).not.toBeNull();
  await map.locator(`[data-testid="map-unit"][data-unit-id="${clickableId}"]`).click();
  const popup = page.getByTestId('map-popup');
  await expect(popup).toBeVisible();
  await expect(popup.locator('.fs-sm-popup-link')).toHaveAttribute('href', /^\/units\//);

  // --- The unit page: favourite and compare --------------------------------------------------
  await popup.locator('.fs-sm-popup-link').click();
  await expect(page).toHaveURL(/\/units\/[0-9a-f-]{36}$/);
  const firstId = new URL(page.url()).pathname.split('/').pop()!;
  const firstCode = (await page.getByTestId('unit-code').textContent())!.trim();
  await expect(page.getByTestId('spec-table')).toBeVisible();
  await expect(page.getByTestId('gallery-placeholder')).toBeVisible();
  await expect(page.getByTestId('utilities').locator('li')).toHaveCount(5);
  // The rent block links to the quote calculator on the same page (e2e/pricing.e2e.ts).
  await expect(page.getByTestId('quote-link')).toHaveAttribute('href', '#quote');
  // Visitors are sent to sign in for applying and viewings.
  await expect(page.getByTestId('apply')).toHaveAttribute('href', /^\/login\?redirect=/);

  const heart = page.getByTestId('favourite-button').first();
  await expect(heart).toHaveAttribute('aria-pressed', 'false');
  await heart.click();
  await expect(heart).toHaveAttribute('aria-pressed', 'true');
  const compareToggle = page.getByTestId('compare-toggle');
  await compareToggle.click();
  await expect(compareToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('compare-tray')).toContainText(firstCode);

  // A second unit from the list goes into the compare tray too; then compare.
  await page.goto(`/search${searchQuery}`);
  await settled(page);
  const second = page
    .locator(`[data-testid="result-card"]:not([data-unit-id="${firstId}"])`)
    .first();
  const secondId = (await second.getAttribute('data-unit-id'))!;
  expect(secondId).not.toBe(firstId);
  await second.getByTestId('compare-toggle').click();
  await expect(second.getByTestId('compare-toggle')).toHaveAttribute('aria-pressed', 'true');
  const tray = page.getByTestId('compare-tray');
  await expect(tray).toContainText('2/4');
  await tray.getByTestId('compare-open').click();
  await expect(page).toHaveURL(/\/compare\?ids=/);
  expect(new URL(page.url()).searchParams.get('ids')).toBe(`${firstId},${secondId}`);
  await expect(page.getByTestId('compare-column')).toHaveCount(2);
  await expect(page.locator('[data-testid="compare-table"] tbody tr').first()).toBeVisible();
  expect(await page.locator('[data-testid="compare-table"] tbody tr').count()).toBeGreaterThan(15);

  // --- Sign in as a firm: the visitor's favourite moves into the account ---------------------
  await login(page, FIRM_A, DEMO_PASSWORD, '/favourites');
  await expect(page).toHaveURL(/\/favourites$/);
  await expect(
    page.locator(`[data-testid="favourite-item"][data-unit-id="${firstId}"]`),
  ).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('factoryspace.favourites')))
    .toBeNull();
  const saved = await page.request.get('/api/v1/firms/me/favourites');
  expect(saved.ok()).toBe(true);
  const body = (await saved.json()) as { items: { unitId: string }[] };
  expect(body.items.map((item) => item.unitId)).toContain(firstId);
  await expect(page.getByTestId('saved-searches-link')).toHaveAttribute(
    'href',
    '/account/saved-searches',
  );
  // On the unit page the heart is still on, now from the account.
  await page.goto(`/units/${firstId}`);
  await expect(page.getByTestId('favourite-button').first()).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByTestId('apply')).toHaveAttribute('aria-disabled', 'true');

  // --- Screenshots: search (list, map), unit and compare; zh-CN and en; 375 and 1280 px ------
  const pages = [
    { name: 'search-list', path: `/search${searchQuery}`, ready: () => settledList(page) },
    {
      name: 'search-map',
      path: '/search?view=map',
      ready: async () =>
        expect(
          page
            .getByTestId('search-map')
            .locator('[data-testid="map-cluster"], [data-testid="map-unit"]')
            .first(),
        ).toBeVisible(),
    },
    {
      name: 'unit',
      path: `/units/${firstId}`,
      ready: async () => {
        await expect(page.getByTestId('unit-code')).toBeVisible();
        await expect(page.getByTestId('similar-units')).toBeVisible();
      },
    },
    {
      name: 'compare',
      path: `/compare?ids=${firstId},${secondId}`,
      ready: async () => expect(page.getByTestId('compare-column')).toHaveCount(2),
    },
  ];
  for (const locale of ['zh-CN', 'en'] as const) {
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [LOCALE_KEY, locale]);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width > 500 ? 900 : 812 });
      for (const entry of pages) {
        await page.goto(entry.path);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await entry.ready();
        await page.waitForTimeout(400);
        await shot(page, `${entry.name}-${locale === 'zh-CN' ? 'zh' : 'en'}-${width}.png`);
      }
    }
  }
  // The compare table scrolls sideways on a phone, the page itself does not.
  await page.goto(`/compare?ids=${firstId},${secondId}`);
  const scroller = page.getByTestId('compare-scroll');
  await expect(page.getByTestId('compare-column')).toHaveCount(2);
  const overflow = await scroller.evaluate((node) => node.scrollWidth - node.clientWidth);
  expect(overflow).toBeGreaterThan(0);
  const pageOverflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(pageOverflow).toBeLessThanOrEqual(0);

  expect(foreign).toEqual([]);

  async function settledList(p: Page): Promise<void> {
    await settled(p);
    await expect(p.getByTestId('result-card').first()).toBeVisible();
  }
});
