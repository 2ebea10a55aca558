import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

/** The demo accounts of the seed (README, "Demo accounts"); all share one password. */
export const DEMO_PASSWORD = 'FactorySpace-demo-2026';
export const GAOPING_STAFF = 'gaoping.staff@factoryspace.demo';
export const SUPER_ADMIN = 'admin@factoryspace.demo';

const screenshots = resolve(dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** A screenshot into e2e/screenshots/: the whole page, or only the viewport. */
export function shot(page: Page, name: string, fullPage = true): Promise<Buffer> {
  return page.screenshot({ path: resolve(screenshots, name), fullPage });
}

/**
 * Signs in through the login page and waits until the navigation is that of a signed-in user.
 * Leaves the page wherever the app sends the role (or `redirect`).
 */
export async function login(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  redirect?: string,
): Promise<void> {
  await page.goto(redirect ? `/login?redirect=${encodeURIComponent(redirect)}` : '/login');
  await page.getByTestId('login-identifier').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.locator('#main-nav')).not.toHaveAttribute('data-role', 'visitor');
  await expect(page.getByTestId('user-menu')).toBeAttached();
}

/** The URL is `path` with `?<param>=<value>` (however the router chose to encode it). */
export function urlWith(path: string, param: string, value: string): (url: URL) => boolean {
  return (url) => url.pathname === path && url.searchParams.get(param) === value;
}

/** The fields of a public unit card the browser tests pick units by. */
export interface PublicCard {
  id: string;
  code: string;
  zoneName: string;
  floorFrom: number;
  grossArea: number;
  listRentFen: number | null;
}

/** Public units of the seed from the public search, in pages of 50, up to `max`. */
export async function publicUnits(request: APIRequestContext, max = 400): Promise<PublicCard[]> {
  const units: PublicCard[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await request.get(`/api/v1/public/units?${query}`);
    expect(response.ok()).toBe(true);
    const page = (await response.json()) as { items: PublicCard[]; nextCursor: string | null };
    units.push(...page.items);
    cursor = units.length < max ? page.nextCursor : null;
  } while (cursor);
  return units;
}
