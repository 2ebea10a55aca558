import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';
import { API_ROOT } from './paths';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config.app).toEqual({
      port: 3000,
      host: '0.0.0.0',
      nodeEnv: 'development',
      logLevel: 'info',
    });
    expect(config.database.url).toBeUndefined();
    expect(config.database.embedded).toEqual({
      dataDir: join(API_ROOT, '.data', 'postgres'),
      port: 54329,
      database: 'factoryspace',
    });
    expect(config.web.distDir).toBe(join(API_ROOT, '..', 'web', 'dist'));
    expect(config.web.map.baseLayer).toBe('osm');
  });

  it('reads and converts the variables it knows', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/fs',
      EMBEDDED_PG_PORT: '55000',
      EMBEDDED_PG_DATA_DIR: '/tmp/pg',
      LOG_LEVEL: 'debug',
      MAP_TILE_URL: 'https://tiles.example.cn/{z}/{x}/{y}.png',
    });
    expect(config.app.port).toBe(8080);
    expect(config.app.logLevel).toBe('debug');
    expect(config.database.url).toBe('postgres://u:p@db:5432/fs');
    expect(config.database.embedded.port).toBe(55000);
    expect(config.database.embedded.dataDir).toBe('/tmp/pg');
    expect(config.web.map.baseLayer).toBe('custom');
    expect(config.web.map.tileLayers).toEqual([
      { url: 'https://tiles.example.cn/{z}/{x}/{y}.png', subdomains: [] },
    ]);
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: ' ', DATABASE_URL: '' }).app.port).toBe(3000);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['MAP_TILE_URL', 'https://tiles.example.cn/tile.png'],
    ['MAP_TILE_URL', 'https://{z}.tiles.example.cn/{z}/{x}/{y}.png'],
    ['MAP_BASE_LAYER', 'google'],
    ['TIANDITU_KEY', 'abc&tk=def0123456789'],
  ])('refuses an invalid %s and names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}`));
  });
});

describe('TRUST_PROXY', () => {
  it('defaults to proxies on this machine or a private network, and accepts true/false/lists', () => {
    expect(loadConfig({}).security.trustProxy).toBe('loopback,uniquelocal');
    expect(loadConfig({ TRUST_PROXY: 'false' }).security.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).security.trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).security.trustProxy).toBe(
      '10.0.0.0/8, 127.0.0.1',
    );
    expect(() => loadConfig({ TRUST_PROXY: 'every proxy' })).toThrow(/TRUST_PROXY/);
  });
});

describe('MAP_BASE_LAYER', () => {
  const KEY = '0123456789abcdef0123456789abcdef';

  it('defaults to OpenStreetMap in WGS-84', () => {
    expect(loadConfig({}).web.map).toEqual({
      baseLayer: 'osm',
      coordinateSystem: 'wgs84',
      tileLayers: [{ url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', subdomains: [] }],
      attribution: '© OpenStreetMap contributors',
      attributionUrl: 'https://www.openstreetmap.org/copyright',
      maxZoom: 19,
    });
  });

  it('gives Tianditu its map and annotation layers, both with the key, on t0–t7', () => {
    const map = loadConfig({ MAP_BASE_LAYER: 'tianditu', TIANDITU_KEY: KEY }).web.map;
    expect(map.coordinateSystem).toBe('wgs84');
    expect(map.maxZoom).toBe(18);
    expect(map.tileLayers).toHaveLength(2);
    const [vec, cva] = map.tileLayers;
    expect(vec.url).toMatch(/^https:\/\/t\{s\}\.tianditu\.gov\.cn\/vec_w\/wmts\?.*LAYER=vec&/);
    expect(cva.url).toMatch(/^https:\/\/t\{s\}\.tianditu\.gov\.cn\/cva_w\/wmts\?.*LAYER=cva&/);
    for (const layer of map.tileLayers) {
      expect(layer.url).toContain(`&tk=${KEY}`);
      expect(layer.url).toContain('TILEMATRIX={z}&TILEROW={y}&TILECOL={x}');
      expect(layer.subdomains).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    }
  });

  it('stops start-up when Tianditu has no key, naming the variable', () => {
    expect(() => loadConfig({ MAP_BASE_LAYER: 'tianditu' })).toThrow(ConfigError);
    expect(() => loadConfig({ MAP_BASE_LAYER: 'tianditu', TIANDITU_KEY: ' ' })).toThrow(
      /TIANDITU_KEY: MAP_BASE_LAYER=tianditu needs a Tianditu key/,
    );
  });

  it('marks Gaode as GCJ-02 with its four tile hosts', () => {
    const map = loadConfig({ MAP_BASE_LAYER: 'gaode' }).web.map;
    expect(map.coordinateSystem).toBe('gcj02');
    expect(map.tileLayers).toEqual([
      {
        url: 'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
        subdomains: ['1', '2', '3', '4'],
      },
    ]);
  });

  it('draws no tiles at all with none', () => {
    const map = loadConfig({ MAP_BASE_LAYER: 'none' }).web.map;
    expect(map.tileLayers).toEqual([]);
    expect(map.attribution).toBeNull();
  });

  it('treats MAP_TILE_URL alone as custom (the setting before MAP_BASE_LAYER existed)', () => {
    const map = loadConfig({
      MAP_TILE_URL: 'https://{s}.tiles.example.cn/{z}/{x}/{y}.png',
      MAP_TILE_ATTRIBUTION: '© 示例测绘',
    }).web.map;
    expect(map).toMatchObject({
      baseLayer: 'custom',
      coordinateSystem: 'wgs84',
      tileLayers: [
        { url: 'https://{s}.tiles.example.cn/{z}/{x}/{y}.png', subdomains: ['a', 'b', 'c'] },
      ],
      attribution: '© 示例测绘',
    });
    expect(
      loadConfig({
        MAP_BASE_LAYER: 'custom',
        MAP_TILE_URL: 'https://tiles.example.cn/{z}/{x}/{y}.png',
      }).web.map.baseLayer,
    ).toBe('custom');
  });

  it('refuses custom without a URL, and a tile URL or attribution the layer would ignore', () => {
    expect(() => loadConfig({ MAP_BASE_LAYER: 'custom' })).toThrow(
      /MAP_TILE_URL: MAP_BASE_LAYER=custom needs a tile URL template/,
    );
    expect(() =>
      loadConfig({
        MAP_BASE_LAYER: 'none',
        MAP_TILE_URL: 'https://tiles.example.cn/{z}/{x}/{y}.png',
      }),
    ).toThrow(/MAP_TILE_URL: only used with MAP_BASE_LAYER=custom \(MAP_BASE_LAYER is none\)/);
    expect(() => loadConfig({ MAP_TILE_ATTRIBUTION: '© 示例' })).toThrow(
      /MAP_TILE_ATTRIBUTION: only used with MAP_BASE_LAYER=custom \(MAP_BASE_LAYER is osm\)/,
    );
  });

  it('treats blank map variables as unset', () => {
    expect(loadConfig({ MAP_BASE_LAYER: '', MAP_TILE_URL: ' ' }).web.map.baseLayer).toBe('osm');
  });
});
