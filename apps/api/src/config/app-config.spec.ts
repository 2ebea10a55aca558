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
    expect(config.web.mapTileUrl).toBeNull();
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
    expect(config.web.mapTileUrl).toBe('https://tiles.example.cn/{z}/{x}/{y}.png');
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
