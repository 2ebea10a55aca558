import { rmSync } from 'node:fs';
import { STATE_KEY, type TestServerState } from './global-setup';
import { dropDatabase } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>)[STATE_KEY] as
    Partial<TestServerState> | undefined;
  if (!state?.serverUrl) return;
  if (state.embedded) {
    await state.embedded.stop();
  } else if (state.template) {
    await dropDatabase(state.serverUrl, state.template).catch(() => undefined);
  }
  if (state.dataDir) rmSync(state.dataDir, { recursive: true, force: true });
}
