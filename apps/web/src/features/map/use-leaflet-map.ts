/**
 * The one place that owns a Leaflet map. The L.Map sits in a shallowRef (Vue must not make it
 * deeply reactive) and layers are markRaw; Pinia stores never hold Leaflet objects.
 *
 * The base map comes from the API (MAP_BASE_LAYER, client-config.ts): OpenStreetMap, Tianditu
 * (map + annotation), Gaode or a custom template; `none` adds no tile layer and requests no
 * tile. The map is created once the settings are known (they are fetched once per page load),
 * because they fix its display datum: with GCJ-02 tiles (Gaode) every position drawn goes
 * through `toDisplay` and every position read back (clicks, `viewport()`) through the inverse.
 * Callers draw in `watch(map, …)`, so they draw as soon as the map exists.
 *
 * When tiles fail before any has loaded (offline, a wrong key, a blocked host), the tile layers
 * are removed so the map stops making failing requests; `tilesFailed` tells the page.
 */
import { markRaw, onBeforeUnmount, onMounted, ref, shallowRef, type Ref } from 'vue';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { loadMapSettings, type MapSettings } from './client-config';
import {
  attributionHtml,
  displayTransform,
  viewportFromDisplayBounds,
  type DisplayTransform,
  type Viewport,
} from './display-coordinates';

export interface LeafletMapOptions {
  /** WGS-84. */
  center?: L.LatLngExpression;
  zoom?: number;
  /** A fixed WGS-84 tile template instead of the API's settings (no client-config request). */
  tileUrl?: string;
  tileAttribution?: string;
  /** A map click, in WGS-84 whatever the tiles' datum. */
  onClick?: (latLng: L.LatLng) => void;
}

export type { Viewport } from './display-coordinates';

/** Gaoping, Jincheng (Shanxi): the demo zone. */
export const DEFAULT_CENTER: L.LatLngTuple = [35.8, 112.92];

export function useLeafletMap(container: Ref<HTMLElement | null>, options: LeafletMapOptions = {}) {
  const map = shallowRef<L.Map | null>(null);
  const layers = new Map<string, L.Layer>();
  const tileLayers: L.TileLayer[] = [];
  /** True while a base map is shown. */
  const hasTiles = ref(false);
  /** True when the base map was dropped because its tiles did not load. */
  const tilesFailed = ref(false);
  /** The settings the map was created with (null until then). */
  const settings = shallowRef<MapSettings | null>(null);
  let transform: DisplayTransform = displayTransform('wgs84');
  let unmounted = false;

  function removeTiles(): void {
    for (const layer of tileLayers.splice(0)) layer.remove();
    hasTiles.value = false;
  }

  function addTiles(instance: L.Map, mapSettings: MapSettings): void {
    let loaded = false;
    const attribution = attributionHtml(mapSettings.attribution, mapSettings.attributionUrl);
    mapSettings.tileLayers.forEach((tiles, index) => {
      const layer = L.tileLayer(tiles.url, {
        subdomains: tiles.subdomains.length > 0 ? tiles.subdomains : 'abc',
        maxZoom: mapSettings.maxZoom,
        // One attribution for the whole base map (Tianditu has two layers).
        attribution: index === 0 ? attribution : '',
        zIndex: index + 1,
      });
      layer.on('tileload', () => {
        loaded = true;
      });
      layer.on('tileerror', () => {
        if (loaded || !tileLayers.includes(layer)) return;
        removeTiles();
        tilesFailed.value = true;
      });
      layer.addTo(instance);
      tileLayers.push(markRaw(layer));
    });
    hasTiles.value = tileLayers.length > 0;
  }

  function create(mapSettings: MapSettings): void {
    if (unmounted || !container.value || map.value) return;
    settings.value = mapSettings;
    transform = displayTransform(mapSettings.coordinateSystem);
    const center = L.latLng(options.center ?? DEFAULT_CENTER);
    const instance = L.map(container.value, {
      center: toDisplay(center.lat, center.lng),
      zoom: options.zoom ?? 13,
      zoomSnap: 0.25,
      maxZoom: mapSettings.maxZoom,
    });
    addTiles(instance, mapSettings);
    if (options.onClick) {
      const onClick = options.onClick;
      instance.on('click', (event: L.LeafletMouseEvent) => {
        const p = fromDisplay(event.latlng);
        onClick(L.latLng(p.lat, p.lng));
      });
    }
    map.value = markRaw(instance);
  }

  onMounted(() => {
    if (options.tileUrl) {
      create({
        baseLayer: 'custom',
        coordinateSystem: 'wgs84',
        tileLayers: [{ url: options.tileUrl, subdomains: [] }],
        attribution: options.tileAttribution ?? null,
        attributionUrl: null,
        maxZoom: 19,
      });
    } else {
      void loadMapSettings().then(create);
    }
  });

  onBeforeUnmount(() => {
    unmounted = true;
    map.value?.remove();
    map.value = null;
    layers.clear();
    tileLayers.length = 0;
  });

  /** A WGS-84 position in the map's display datum (GCJ-02 for Gaode tiles). */
  function toDisplay(lat: number, lng: number): L.LatLng {
    const p = transform.toDisplay(lat, lng);
    return L.latLng(p.lat, p.lng);
  }

  /** A position on the map (click, bounds corner) in WGS-84, longitude wrapped into ±180°. */
  function fromDisplay(latlng: L.LatLng): { lat: number; lng: number } {
    const wrapped = Math.abs(latlng.lng) > 180 ? latlng.wrap() : latlng;
    return transform.fromDisplay(wrapped.lat, wrapped.lng);
  }

  /** The visible area in WGS-84 (see viewportFromDisplayBounds), or null before the map exists. */
  function viewport(): Viewport | null {
    const instance = map.value;
    if (!instance) return null;
    const bounds = instance.getBounds();
    return viewportFromDisplayBounds(
      {
        west: bounds.getWest(),
        south: bounds.getSouth(),
        east: bounds.getEast(),
        north: bounds.getNorth(),
      },
      instance.getZoom(),
      transform,
    );
  }

  /** Replaces the layer stored under `key` (null removes it). Draw it with `toDisplay`. */
  function setLayer(key: string, layer: L.Layer | null): void {
    const old = layers.get(key);
    if (old) {
      old.remove();
      layers.delete(key);
    }
    if (layer && map.value) {
      const raw = markRaw(layer);
      raw.addTo(map.value);
      layers.set(key, raw);
    }
  }

  /** Fits the view to bounds in display coordinates (e.g. a drawn layer's `getBounds()`). */
  function fitTo(bounds: L.LatLngBounds | null, maxZoom = 17): void {
    if (!map.value || !bounds || !bounds.isValid()) return;
    map.value.fitBounds(bounds, {
      paddingTopLeft: [24, 44],
      paddingBottomRight: [24, 24],
      maxZoom,
      animate: false,
    });
  }

  /** Leaflet measures its container once; call after the container's size changes. */
  function invalidateSize(): void {
    map.value?.invalidateSize();
  }

  return {
    map,
    hasTiles,
    tilesFailed,
    settings,
    setLayer,
    fitTo,
    invalidateSize,
    toDisplay,
    fromDisplay,
    viewport,
  };
}
