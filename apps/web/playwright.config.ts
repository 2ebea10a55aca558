import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.E2E_PORT ?? 3100);
/** Set E2E_BASE_URL to test an app that is already running (no API is started then). */
const externalBaseUrl = process.env.E2E_BASE_URL;
const baseURL = externalBaseUrl ?? `http://localhost:${port}`;
/** Throwaway embedded PostgreSQL data dir: deleted before the API starts (e2e/start-api.mjs). */
export const PG_DATA_DIR = resolve(here, 'test-results/pg-data');

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: './test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: externalBaseUrl
    ? undefined
    : {
        // The built API, which also serves the built web app (apps/web/dist) at /.
        command: 'node e2e/start-api.mjs',
        url: `${baseURL}/api/health`,
        reuseExistingServer: false,
        timeout: 120_000,
        stdout: 'ignore',
        stderr: 'pipe',
        env: {
          PORT: String(port),
          EMBEDDED_PG_DATA_DIR: PG_DATA_DIR,
          EMBEDDED_PG_PORT: process.env.EMBEDDED_PG_PORT ?? '54339',
          NODE_ENV: 'production',
          // Offline: no base-map tiles, no tile requests (e2e/start-api.mjs enforces it too).
          MAP_BASE_LAYER: 'none',
        },
      },
});
