// Starts the built API for the browser tests on a fresh embedded PostgreSQL data dir, so every
// run begins with the seeded demo data. Playwright starts its webServer *before* globalSetup
// runs, so the data dir is removed here, before the API (and its database) starts.
import { rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dataDir = process.env.EMBEDDED_PG_DATA_DIR;
if (!dataDir || !dataDir.includes('test-results')) {
  console.error('EMBEDDED_PG_DATA_DIR must point into apps/web/test-results');
  process.exit(1);
}
rmSync(dataDir, { recursive: true, force: true });

const main = fileURLToPath(new URL('../../api/dist/main.js', import.meta.url));
// Browser tests run offline: no base-map tiles (MAP_BASE_LAYER=none), whatever the shell sets;
// the map still draws parks and units. Blank values count as unset for the API.
const env = {
  ...process.env,
  MAP_BASE_LAYER: 'none',
  MAP_TILE_URL: '',
  MAP_TILE_ATTRIBUTION: '',
  TIANDITU_KEY: '',
};
const child = spawn(process.execPath, ['--enable-source-maps', main], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
