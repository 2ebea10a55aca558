import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Prepares the screenshots folder (old PNGs removed so a failed run leaves no stale pictures).
 * The embedded PostgreSQL data dir is reset in e2e/start-api.mjs instead: Playwright starts the
 * webServer before globalSetup, so deleting it here would pull the database out from under the
 * running API.
 */
export default function globalSetup(): void {
  const screenshots = resolve(here, 'screenshots');
  mkdirSync(screenshots, { recursive: true });
  for (const file of readdirSync(screenshots)) {
    if (file.endsWith('.png')) rmSync(resolve(screenshots, file));
  }
}
