/**
 * Builds Leaflet layers from the zone map GeoJSON. Popups and labels are DOM nodes filled with
 * textContent: user data never goes through innerHTML. Positions are WGS-84; `project` puts them
 * in the map's display datum (pass `toDisplay` from useLeafletMap; GCJ-02 for Gaode tiles).
 */
import * as L from 'leaflet';
import type { OccupancyStatus, UnitClass } from '@factoryspace/domain';
import type { GeoJsonPolygon, MapParkProperties, MapUnitProperties, ZoneMap } from '@/api/types';

export const CLASS_COLOURS: Record<UnitClass, string> = {
  quality: '#1f8a4c',
  general: '#d08b12',
  difficult: '#c0392b',
};

/** WGS-84 → the map's display datum (`useLeafletMap().toDisplay`). */
export type Project = (lat: number, lng: number) => L.LatLng;

const asIs: Project = (lat, lng) => L.latLng(lat, lng);

export const MUTED_STATUSES: OccupancyStatus[] = ['leased', 'reserved'];

export function unitStyle(unitClass: UnitClass, status: OccupancyStatus): L.CircleMarkerOptions {
  const colour = CLASS_COLOURS[unitClass] ?? '#5f6b7a';
  const muted = MUTED_STATUSES.includes(status);
  return {
    radius: muted ? 6 : 8,
    color: muted ? '#8a94a3' : '#ffffff',
    weight: muted ? 1 : 2,
    fillColor: colour,
    fillOpacity: muted ? 0.3 : 0.92,
  };
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export interface UnitPopupText {
  classLabel: string;
  statusLabel: string;
  details: string[];
  linkText: string;
  href: string;
}

/** A popup body for a unit: code, name, class/status and a link, all as text nodes. */
export function unitPopupContent(
  unit: MapUnitProperties,
  text: UnitPopupText,
  onOpen: (href: string) => void,
): HTMLElement {
  const root = el('div', undefined, 'unit-popup');
  root.append(el('strong', unit.code), el('div', unit.name, 'unit-popup-name'));
  const meta = el('div', `${text.classLabel} · ${text.statusLabel}`, 'unit-popup-meta');
  meta.style.color = CLASS_COLOURS[unit.unitClass] ?? '';
  root.append(meta);
  for (const line of text.details) root.append(el('div', line, 'unit-popup-detail'));
  const link = el('a', text.linkText, 'unit-popup-link');
  link.href = text.href;
  link.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onOpen(text.href);
  });
  root.append(link);
  return root;
}

/** A GeoJSON polygon's rings ([lng, lat]) as Leaflet positions in the display datum. */
export function ringToLatLngs(polygon: GeoJsonPolygon, project: Project = asIs): L.LatLng[][] {
  return polygon.coordinates.map((ring) => ring.map(([lng, lat]) => project(lat, lng)));
}

export function parksLayer(
  parks: ZoneMap['parks'],
  name: (park: MapParkProperties) => string,
  project: Project = asIs,
): L.FeatureGroup {
  const group = L.featureGroup();
  for (const feature of parks.features) {
    if (!feature.geometry || feature.geometry.type !== 'Polygon') continue;
    const polygon = L.polygon(ringToLatLngs(feature.geometry, project), {
      color: '#1d3f72',
      weight: 2,
      dashArray: feature.properties.kind === 'park_in_park' ? '6 4' : undefined,
      fillColor: '#1d3f72',
      fillOpacity: 0.06,
    });
    group.addLayer(polygon);
    // The label sits on the park's north edge, so it does not cover the units inside.
    const bounds = polygon.getBounds();
    const label = L.tooltip({
      permanent: true,
      direction: 'top',
      className: 'park-label',
      interactive: false,
      offset: [0, 2],
    })
      .setLatLng([bounds.getNorth(), bounds.getCenter().lng])
      .setContent(el('span', name(feature.properties)));
    group.addLayer(label);
  }
  return group;
}

export function unitsLayer(
  units: ZoneMap['units'],
  popup: (unit: MapUnitProperties) => HTMLElement,
  project: Project = asIs,
): L.FeatureGroup {
  const group = L.featureGroup();
  // Muted (leased/reserved) first, so vacant units are drawn on top.
  const sorted = [...units.features].sort(
    (a, b) =>
      Number(!MUTED_STATUSES.includes(a.properties.occupancyStatus)) -
      Number(!MUTED_STATUSES.includes(b.properties.occupancyStatus)),
  );
  for (const feature of sorted) {
    if (!feature.geometry || feature.geometry.type !== 'Point') continue;
    const [lng, lat] = feature.geometry.coordinates;
    const p = feature.properties;
    const marker = L.circleMarker(project(lat, lng), unitStyle(p.unitClass, p.occupancyStatus));
    marker.bindPopup(() => popup(p), { minWidth: 180 });
    marker.bindTooltip(el('span', p.code), { direction: 'top', offset: [0, -6] });
    group.addLayer(marker);
  }
  return group;
}
