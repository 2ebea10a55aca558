import { loadConfig } from '../../config';
import { ClientConfigController } from './client-config.controller';

const clientConfig = (env: Record<string, string>) =>
  new ClientConfigController(loadConfig(env)).getClientConfig();

describe('ClientConfigController', () => {
  it('tells the web app the default OpenStreetMap layer', () => {
    expect(clientConfig({})).toEqual({
      mapBaseLayer: 'osm',
      coordinateSystem: 'wgs84',
      mapTileLayers: [{ url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', subdomains: [] }],
      mapTileAttribution: '© OpenStreetMap contributors',
      mapAttributionUrl: 'https://www.openstreetmap.org/copyright',
      mapMaxZoom: 19,
      mapTileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    });
  });

  it('says gcj02 for Gaode, so the map converts positions', () => {
    const config = clientConfig({ MAP_BASE_LAYER: 'gaode' });
    expect(config.coordinateSystem).toBe('gcj02');
    expect(config.mapTileLayers[0].subdomains).toEqual(['1', '2', '3', '4']);
  });

  it('lists no tile layer and no tile URL for none', () => {
    expect(clientConfig({ MAP_BASE_LAYER: 'none' })).toMatchObject({
      mapBaseLayer: 'none',
      mapTileLayers: [],
      mapTileUrl: null,
      mapTileAttribution: null,
    });
  });

  it('keeps the custom template and attribution under their old names', () => {
    expect(
      clientConfig({
        MAP_TILE_URL: 'https://{s}.tiles.example.cn/{z}/{x}/{y}.png',
        MAP_TILE_ATTRIBUTION: '© 示例测绘',
      }),
    ).toMatchObject({
      mapBaseLayer: 'custom',
      mapTileUrl: 'https://{s}.tiles.example.cn/{z}/{x}/{y}.png',
      mapTileAttribution: '© 示例测绘',
    });
  });
});
