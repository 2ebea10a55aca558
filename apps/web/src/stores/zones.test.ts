import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { UserRole } from '@factoryspace/domain';
import { useSessionStore } from './session';
import { useZonesStore } from './zones';

const zone = (id: string, code: string) => ({
  id,
  code,
  name: `${code} 开发区`,
  platformCompany: '平台公司',
  version: 1,
});

function signIn(role: UserRole, zoneId: string | null): void {
  useSessionStore().setSession({
    user: {
      id: 'u',
      email: 'u@factoryspace.demo',
      mobile: null,
      displayName: 'U',
      role,
      zoneId,
      zoneName: null,
      firmId: null,
      firmName: null,
      firmRole: null,
      emailVerified: true,
    },
    csrfToken: 'c',
    expiresAt: '2030-01-01T00:00:00Z',
  });
}

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(
          JSON.stringify({
            items: [zone('z-gp', 'GP'), zone('z-jc', 'JC'), zone('z-yc', 'YC')],
            nextCursor: null,
            total: { value: 3, exact: true },
          }),
          { status: 200, headers: { 'Content-Type': 'application/json' } },
        ),
    ),
  );
});

afterEach(() => vi.unstubAllGlobals());

describe('zones store', () => {
  it('lets visitors and super administrators choose any zone', async () => {
    const zones = useZonesStore();
    await zones.ensureLoaded();
    expect(zones.zones.map((z) => z.id)).toEqual(['z-gp', 'z-jc', 'z-yc']);
    expect(zones.selectedZoneId).toBe('z-gp');
    zones.select('z-jc');
    expect(zones.selectedZoneId).toBe('z-jc');

    signIn('super_admin', null);
    expect(zones.zones).toHaveLength(3);
    zones.select('z-yc');
    expect(zones.selectedZoneId).toBe('z-yc');
  });

  it('locks staff and zone administrators to their own zone', async () => {
    localStorage.setItem('factoryspace.zoneId', 'z-gp');
    signIn('staff', 'z-jc');
    const zones = useZonesStore();
    await zones.ensureLoaded();
    expect(zones.zones.map((z) => z.id)).toEqual(['z-jc']);
    expect(zones.selectedZoneId).toBe('z-jc');
    expect(zones.selectedZone?.code).toBe('JC');
    zones.select('z-gp');
    expect(zones.selectedZoneId).toBe('z-jc');

    signIn('zone_admin', 'z-yc');
    expect(zones.zones.map((z) => z.id)).toEqual(['z-yc']);
    expect(zones.selectedZoneId).toBe('z-yc');
  });

  it('frees the choice again after signing out', async () => {
    signIn('staff', 'z-jc');
    const zones = useZonesStore();
    await zones.ensureLoaded();
    useSessionStore().clear();
    expect(zones.zones).toHaveLength(3);
    zones.select('z-yc');
    expect(zones.selectedZoneId).toBe('z-yc');
  });
});
