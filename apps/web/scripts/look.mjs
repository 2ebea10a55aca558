// Screenshots of pages for a visual check: node scripts/look.mjs <baseUrl> <outDir> <path>...
// env WIDTH (default 1280), LOCALE (zh-CN|en).
import { chromium } from '@playwright/test';

const [base, out, ...paths] = process.argv.slice(2);
const width = Number(process.env.WIDTH ?? 1280);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width, height: 900 } });
const page = await context.newPage();
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
page.on('pageerror', (e) => console.error('pageerror:', e.message));
page.on('request', (r) => {
  if (!r.url().startsWith(base)) console.error('external request:', r.url());
});
if (process.env.LOCALE) {
  await page.addInitScript(
    (l) => localStorage.setItem('factoryspace.locale', l),
    process.env.LOCALE,
  );
}
for (const [i, path] of paths.entries()) {
  const [url, action] = path.split('#');
  await page.goto(base + url, { waitUntil: 'networkidle' });
  if (action) await page.click(action);
  await page.waitForTimeout(600);
  const file = `${out}/${i}-${width}.png`;
  await page.screenshot({ path: file, fullPage: process.env.FULL !== '0' });
  console.warn(file, page.url());
}
await browser.close();
