#!/usr/bin/env node
// The README's two commands (`npm start`, `npm test`) land here. They need nothing but Node 20+
// and npm: pnpm is fetched at the version pinned in package.json#packageManager when it is not
// installed, dependencies are installed from the lockfile when missing or stale, and then the
// real work is handed to pnpm/Turborepo.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = pkg.packageManager.split('@')[1];

function run(cmd, args, extraEnv = {}) {
  const result = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv },
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim() === pnpmVersion) return ['pnpm', []];
  return ['npx', ['--yes', `pnpm@${pnpmVersion}`]];
}

const [pnpm, pnpmPrefix] = pnpmCommand();
const pn = (...args) => run(pnpm, [...pnpmPrefix, ...args]);
const orExit = (status) => {
  if (status !== 0) process.exit(status);
};

function ensureInstalled() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  const lock = join(root, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  orExit(pn('install', '--frozen-lockfile'));
}

const task = process.argv[2];
ensureInstalled();
switch (task) {
  case 'start':
    orExit(
      pn(
        'exec',
        'turbo',
        'run',
        'build',
        '--filter=@factoryspace/api...',
        '--filter=@factoryspace/web...',
      ),
    );
    orExit(pn('--filter', '@factoryspace/api', 'run', 'start:prod'));
    break;
  case 'test':
    // Unit and integration tests of every package, then the browser tests on the built app.
    orExit(pn('exec', 'turbo', 'run', 'test', '--concurrency=1'));
    orExit(
      pn(
        'exec',
        'turbo',
        'run',
        'build',
        '--filter=@factoryspace/api...',
        '--filter=@factoryspace/web...',
      ),
    );
    orExit(pn('--filter', '@factoryspace/web', 'run', 'test:e2e'));
    break;
  default:
    console.error(`usage: node scripts/run.mjs start|test (got ${task ?? 'nothing'})`);
    process.exit(2);
}
