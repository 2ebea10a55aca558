/**
 * The one place that owns a Leaflet map. The L.Map sits in a shallowRef (Vue must not make it
 * deeply reactive) and layers are markRaw; Pinia stores never hold Leaflet objects.
 *
 * Base-map tiles come from VITE_MAP_TILE_URL. Empty (the default): no tile layer, the map draws
 * its vector layers on a plain background and makes no tile requests (tests, offline use).
 */
import { markRaw, onBeforeUnmount, onMounted, shallowRef, type Ref } from 'vue';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';

export interface LeafletMapOptions {
  center?: L.LatLngExpression;
  zoom?: number;
  tileUrl?: string;
  tileAttribution?: string;
  onClick?: (latLng: L.LatLng) => void;
}

/** Gaoping, Jincheng (Shanxi): the demo zone. */
export const DEFAULT_CENTER: L.LatLngTuple = [35.8, 112.92];

export function tileConfig(): { url: string; attribution: string } {
  return {
    url: (import.meta.env.VITE_MAP_TILE_URL ?? '').trim(),
    attribution: (import.meta.env.VITE_MAP_TILE_ATTRIBUTION ?? '').trim(),
  };
}

export function useLeafletMap(container: Ref<HTMLElement | null>, options: LeafletMapOptions = {}) {
  const map = shallowRef<L.Map | null>(null);
  const layers = new Map<string, L.Layer>();
  const tiles = tileConfig();
  const tileUrl = options.tileUrl ?? tiles.url;
  const hasTiles = Boolean(tileUrl);

  onMounted(() => {
    if (!container.value) return;
    const instance = L.map(container.value, {
      center: options.center ?? DEFAULT_CENTER,
      zoom: options.zoom ?? 13,
      attributionControl: hasTiles,
      zoomSnap: 0.25,
    });
    if (hasTiles) {
      const layer = L.tileLayer(tileUrl, {
        attribution: options.tileAttribution ?? tiles.attribution,
        maxZoom: 19,
      });
      layer.addTo(instance);
      layers.set('__tiles', markRaw(layer));
    }
    if (options.onClick) {
      const onClick = options.onClick;
      instance.on('click', (event: L.LeafletMouseEvent) => onClick(event.latlng));
    }
    map.value = markRaw(instance);
  });

  onBeforeUnmount(() => {
    map.value?.remove();
    map.value = null;
    layers.clear();
  });

  /** Replaces the layer stored under `key` (null removes it). */
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

  return { map, hasTiles, setLayer, fitTo, invalidateSize };
}
