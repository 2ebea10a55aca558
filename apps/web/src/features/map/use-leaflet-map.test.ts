import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import * as L from 'leaflet';
import { wgs84ToGcj02 } from '@factoryspace/domain';
import { resetMapSettings } from './client-config';
import { unitsLayer } from './map-layers';
import { useLeafletMap, type LeafletMapOptions } from './use-leaflet-map';
import type { ZoneMap } from '@/api/types';

type MapApi = ReturnType<typeof useLeafletMap>;

const OSM = {
  mapBaseLayer: 'osm',
  coordinateSystem: 'wgs84',
  mapTileLayers: [{ url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', subdomains: [] }],
  mapTileAttribution: '© OpenStreetMap contributors',
  mapAttributionUrl: 'https://www.openstreetmap.org/copyright',
  mapMaxZoom: 19,
  mapTileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
};
const GAODE = {
  ...OSM,
  mapBaseLayer: 'gaode',
  coordinateSystem: 'gcj02',
  mapTileLayers: [
    {
      url: 'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
      subdomains: ['1', '2', '3', '4'],
    },
  ],
  mapTileAttribution: '© 高德地图 AutoNavi',
  mapAttributionUrl: 'https://www.amap.com/',
  mapMaxZoom: 18,
};
const TIANDITU = {
  ...OSM,
  mapBaseLayer: 'tianditu',
  mapTileLayers: ['vec', 'cva'].map((layer) => ({
    url: `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?LAYER=${layer}&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k`,
    subdomains: ['0', '1', '2', '3', '4', '5', '6', '7'],
  })),
  mapTileAttribution: '© 天地图 Tianditu',
  mapMaxZoom: 18,
};
const NONE = {
  ...OSM,
  mapBaseLayer: 'none',
  mapTileLayers: [],
  mapTileAttribution: null,
  mapAttributionUrl: null,
  mapTileUrl: null,
};

let fetchMock: ReturnType<typeof vi.fn>;
let wrapper: VueWrapper | null = null;

function serve(body: unknown, status = 200): void {
  fetchMock = vi.fn(
    async () =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
}

/**
 * Mounts a component using the composable in an 800×600 container (or with no container at
 * all); resolves once the client config has been read and the map exists.
 */
async function mountMap(
  options: LeafletMapOptions = {},
  { withContainer = true } = {},
): Promise<MapApi> {
  let api!: MapApi;
  const Host = defineComponent({
    setup() {
      const container = ref<HTMLElement | null>(null);
      api = useLeafletMap(container, options);
      return () => (withContainer ? h('div', { ref: container }) : h('span'));
    },
  });
  const el = document.createElement('div');
  document.body.append(el);
  wrapper = mount(Host, { attachTo: el });
  await flushPromises();
  await nextTick();
  return api;
}

function tileLayers(api: MapApi): L.TileLayer[] {
  const found: L.TileLayer[] = [];
  api.map.value?.eachLayer((layer) => {
    if (layer instanceof L.TileLayer) found.push(layer);
  });
  return found;
}

beforeEach(() => {
  resetMapSettings();
  // jsdom does no layout: give Leaflet a container size to compute bounds from.
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get: () => 800,
  });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => 600,
  });
});

afterEach(() => {
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  wrapper?.unmount();
  wrapper = null;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('useLeafletMap base layers', () => {
  it('draws without any tile layer or tile request for none', async () => {
    serve(NONE);
    const api = await mountMap();
    expect(api.map.value).not.toBeNull();
    expect(tileLayers(api)).toHaveLength(0);
    expect(api.hasTiles.value).toBe(false);
    expect(document.querySelectorAll('img.leaflet-tile')).toHaveLength(0);
    expect(fetchMock).toHaveBeenCalledTimes(1); // the client-config request, nothing else
  });

  it('falls back to no tiles when the client config cannot be read', async () => {
    serve({ code: 'internal', message: 'x' }, 500);
    const api = await mountMap();
    expect(api.map.value).not.toBeNull();
    expect(tileLayers(api)).toHaveLength(0);
  });

  it('adds the OpenStreetMap layer with an escaped, linked attribution', async () => {
    serve(OSM);
    const api = await mountMap();
    const [layer] = tileLayers(api);
    expect((layer as unknown as { _url: string })._url).toBe(OSM.mapTileLayers[0].url);
    expect(api.hasTiles.value).toBe(true);
    expect(
      document.querySelector(
        '.leaflet-control-attribution a[href="https://www.openstreetmap.org/copyright"]',
      )?.textContent,
    ).toBe('© OpenStreetMap contributors');
  });

  it('stacks Tianditu map and annotation with their t0–t7 subdomains', async () => {
    serve(TIANDITU);
    const api = await mountMap();
    const layers = tileLayers(api);
    expect(layers).toHaveLength(2);
    const urls = layers.map((l) => (l as unknown as { _url: string })._url);
    expect(urls[0]).toContain('/vec_w/');
    expect(urls[1]).toContain('/cva_w/');
    expect(layers.map((l) => l.options.zIndex)).toEqual([1, 2]);
    expect(layers[0].options.subdomains).toEqual(TIANDITU.mapTileLayers[0].subdomains);
  });

  it('drops every tile layer when tiles fail before any has loaded, and says so', async () => {
    serve(TIANDITU);
    const api = await mountMap();
    const [base] = tileLayers(api);
    base.fire('tileerror', {
      tile: document.createElement('img'),
      coords: L.point(0, 0),
      error: new Error('offline'),
    });
    expect(tileLayers(api)).toHaveLength(0);
    expect(api.hasTiles.value).toBe(false);
    expect(api.tilesFailed.value).toBe(true);
  });

  it('keeps the base map when a single tile fails after others loaded', async () => {
    serve(OSM);
    const api = await mountMap();
    const [layer] = tileLayers(api);
    layer.fire('tileload', { tile: document.createElement('img'), coords: L.point(0, 0) });
    layer.fire('tileerror', {
      tile: document.createElement('img'),
      coords: L.point(1, 0),
      error: new Error('404'),
    });
    expect(tileLayers(api)).toHaveLength(1);
    expect(api.tilesFailed.value).toBe(false);
  });
});

describe('useLeafletMap display datum', () => {
  it('is the identity with WGS-84 tiles', async () => {
    serve(OSM);
    const api = await mountMap();
    expect(api.toDisplay(35.8, 112.92)).toEqual(L.latLng(35.8, 112.92));
    expect(api.fromDisplay(L.latLng(35.8, 112.92))).toEqual({ lat: 35.8, lng: 112.92 });
  });

  it('draws in GCJ-02 and reads clicks and the viewport back in WGS-84 with Gaode tiles', async () => {
    serve(GAODE);
    const clicks: L.LatLng[] = [];
    const api = await mountMap({
      center: [35.8, 112.92],
      zoom: 15,
      onClick: (p) => clicks.push(p),
    });
    const instance = api.map.value!;

    // The map centre (given in WGS-84) is shown at its GCJ-02 position.
    const centre = wgs84ToGcj02({ lat: 35.8, lng: 112.92 });
    expect(instance.getCenter().lat).toBeCloseTo(centre.lat, 9);
    expect(instance.getCenter().lng).toBeCloseTo(centre.lng, 9);

    // Units are drawn through toDisplay.
    const units: ZoneMap['units'] = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [112.92, 35.8] },
          properties: { id: 'u1', code: 'A-101', unitClass: 'quality', occupancyStatus: 'vacant' },
        },
      ],
    } as unknown as ZoneMap['units'];
    const layer = unitsLayer(units, () => document.createElement('div'), api.toDisplay);
    api.setLayer('units', layer);
    const [marker] = layer.getLayers() as L.CircleMarker[];
    expect(marker.getLatLng().lat).toBeCloseTo(centre.lat, 9);
    expect(marker.getLatLng().lng).toBeCloseTo(centre.lng, 9);

    // A click on the drawn unit reports the unit's WGS-84 position.
    instance.fire('click', { latlng: marker.getLatLng() });
    expect(clicks).toHaveLength(1);
    expect(clicks[0].lat).toBeCloseTo(35.8, 7);
    expect(clicks[0].lng).toBeCloseTo(112.92, 7);

    // The viewport is in WGS-84: centred on the WGS-84 centre, not on the shifted display one.
    const v = api.viewport()!;
    expect(v.zoom).toBe(15);
    expect((v.south + v.north) / 2).toBeCloseTo(35.8, 4);
    expect((v.west + v.east) / 2).toBeCloseTo(112.92, 4);
    const b = instance.getBounds();
    expect(v.west).toBeLessThan(b.getWest()); // Gaode's tiles sit east of WGS-84 here
  });

  it('clamps the viewport to the world when zoomed right out', async () => {
    serve(NONE);
    const api = await mountMap({ zoom: 0 });
    api.map.value!.setView([0, 0], 0, { animate: false });
    expect(api.viewport()).toEqual({ west: -180, south: -85, east: 180, north: 85, zoom: 0 });
  });

  it('fits to drawn bounds and replaces layers by key', async () => {
    serve(NONE);
    const api = await mountMap();
    const a = L.circleMarker(api.toDisplay(35.7, 112.8));
    const b = L.circleMarker(api.toDisplay(35.9, 113.0));
    api.setLayer('points', L.featureGroup([a, b]));
    api.fitTo(L.latLngBounds([a.getLatLng(), b.getLatLng()]));
    const v = api.viewport()!;
    expect(v.west).toBeLessThanOrEqual(112.8);
    expect(v.east).toBeGreaterThanOrEqual(113.0);
    api.setLayer('points', null);
    expect(api.map.value!.hasLayer(a)).toBe(false);
  });

  it('returns null from viewport() before the map exists', async () => {
    serve(NONE);
    const api = await mountMap({}, { withContainer: false });
    expect(api.map.value).toBeNull();
    expect(api.viewport()).toBeNull();
  });

  it('wraps a click on a copy of the world back into ±180°', async () => {
    serve(OSM);
    const api = await mountMap();
    const p = api.fromDisplay(L.latLng(35.8, 112.92 + 360));
    expect(p.lat).toBe(35.8);
    expect(p.lng).toBeCloseTo(112.92, 9);
  });
});
