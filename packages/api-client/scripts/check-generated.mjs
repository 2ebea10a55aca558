#!/usr/bin/env node
// Fails when src/schema.d.ts is not what openapi-typescript (then prettier) makes of
// apps/api/openapi.json, i.e. someone changed the API contract without regenerating the client.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const committedPath = join(pkg, 'src', 'schema.d.ts');
const dir = mkdtempSync(join(tmpdir(), 'api-client-'));
const fresh = join(dir, 'schema.d.ts');
try {
  const run = (cmd, args) =>
    execFileSync(cmd, args, { cwd: pkg, stdio: ['ignore', 'ignore', 'inherit'] });
  run('pnpm', [
    'exec',
    'openapi-typescript',
    '../../apps/api/openapi.json',
    '--default-non-nullable',
    'false',
    '-o',
    fresh,
  ]);
  // Format with the repository's prettier config, as if the file lived at src/schema.d.ts.
  const formatted = execFileSync('pnpm', ['exec', 'prettier', '--stdin-filepath', committedPath], {
    cwd: pkg,
    input: readFileSync(fresh),
    stdio: ['pipe', 'pipe', 'inherit'],
  }).toString();
  let committed = '';
  try {
    committed = readFileSync(committedPath, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (committed !== formatted) {
    console.error(
      'packages/api-client/src/schema.d.ts is stale: run `pnpm --filter @factoryspace/api-client generate` and commit it.',
    );
    process.exit(1);
  }
  console.warn('api-client schema.d.ts is up to date');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
