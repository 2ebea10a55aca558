import { loadConfig } from './config';
import { cspDirectives } from './security';

const imgSrc = (env: Record<string, string>) => cspDirectives(loadConfig(env)).imgSrc;
const OWN = ["'self'", 'data:', 'blob:'];

describe('cspDirectives img-src', () => {
  it('allows the OpenStreetMap tile host by default', () => {
    expect(imgSrc({})).toEqual([...OWN, 'https://tile.openstreetmap.org']);
  });

  it('allows no tile host at all with MAP_BASE_LAYER=none', () => {
    expect(imgSrc({ MAP_BASE_LAYER: 'none' })).toEqual(OWN);
  });

  it('spells out the eight Tianditu hosts, once for both layers', () => {
    expect(
      imgSrc({ MAP_BASE_LAYER: 'tianditu', TIANDITU_KEY: '0123456789abcdef0123456789abcdef' }),
    ).toEqual([...OWN, ...[0, 1, 2, 3, 4, 5, 6, 7].map((n) => `https://t${n}.tianditu.gov.cn`)]);
  });

  it('spells out the four Gaode hosts', () => {
    expect(imgSrc({ MAP_BASE_LAYER: 'gaode' })).toEqual([
      ...OWN,
      'https://webrd01.is.autonavi.com',
      'https://webrd02.is.autonavi.com',
      'https://webrd03.is.autonavi.com',
      'https://webrd04.is.autonavi.com',
    ]);
  });

  it('allows the custom template host, with its port and the subdomains Leaflet uses for {s}', () => {
    expect(imgSrc({ MAP_TILE_URL: 'http://tiles.example.cn:8080/{z}/{x}/{y}.png' })).toEqual([
      ...OWN,
      'http://tiles.example.cn:8080',
    ]);
    expect(imgSrc({ MAP_TILE_URL: 'https://{s}.tiles.example.cn/{z}/{x}/{y}.png' })).toEqual([
      ...OWN,
      'https://a.tiles.example.cn',
      'https://b.tiles.example.cn',
      'https://c.tiles.example.cn',
    ]);
  });

  it('keeps every other directive to our own origin', () => {
    const csp = cspDirectives(loadConfig({ MAP_BASE_LAYER: 'gaode' }));
    expect(csp.connectSrc).toEqual(["'self'"]);
    expect(csp.scriptSrc).toEqual(["'self'"]);
    expect(csp.defaultSrc).toEqual(["'self'"]);
  });
});
