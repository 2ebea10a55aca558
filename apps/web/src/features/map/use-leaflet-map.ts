/**
 * The one place that owns a Leaflet map. The L.Map sits in a shallowRef (Vue must not make it
 * deeply reactive) and layers are markRaw; Pinia stores never hold Leaflet objects.
 *
 * Base-map tiles come from the API's MAP_TILE_URL (client-config.ts). Unset (the default): no
 * tile layer, the map draws its vector layers on a plain background and makes no tile requests.
 */
import { markRaw, onBeforeUnmount, onMounted, ref, shallowRef, type Ref } from 'vue';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { loadTileSettings } from './client-config';

export interface LeafletMapOptions {
  center?: L.LatLngExpression;
  zoom?: number;
  tileUrl?: string;
  tileAttribution?: string;
  onClick?: (latLng: L.LatLng) => void;
}

/** Gaoping, Jincheng (Shanxi): the demo zone. */
export const DEFAULT_CENTER: L.LatLngTuple = [35.8, 112.92];

export function useLeafletMap(container: Ref<HTMLElement | null>, options: LeafletMapOptions = {}) {
  const map = shallowRef<L.Map | null>(null);
  const layers = new Map<string, L.Layer>();
  const hasTiles = ref(false);

  onMounted(() => {
    if (!container.value) return;
    const instance = L.map(container.value, {
      center: options.center ?? DEFAULT_CENTER,
      zoom: options.zoom ?? 13,
      zoomSnap: 0.25,
    });
    const addTiles = (url: string | null, attribution: string | null) => {
      if (!url || map.value !== instance) return;
      const layer = L.tileLayer(url, { attribution: attribution ?? '', maxZoom: 19 });
      layer.addTo(instance);
      layer.bringToBack();
      layers.set('__tiles', markRaw(layer));
      hasTiles.value = true;
    };
    if (options.tileUrl) {
      queueMicrotask(() => addTiles(options.tileUrl!, options.tileAttribution ?? null));
    } else {
      void loadTileSettings().then((tiles) => addTiles(tiles.url, tiles.attribution));
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
