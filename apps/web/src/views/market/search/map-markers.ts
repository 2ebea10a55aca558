/**
 * The DOM of the search map's markers, labels and popup. Every text goes in through
 * textContent: nothing from the API is ever parsed as HTML. Leaflet puts these nodes in its own
 * panes (outside Vue), so their styles are global in SearchMap.vue under `fs-sm-*` classes.
 */
import type { UnitClass } from '@factoryspace/domain';
import { CLASS_COLOURS } from '@/features/map/map-layers';

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

/** The diameter of a cluster in px: 30 for a handful, growing with the log of the count. */
export function clusterSize(count: number): number {
  const size = 30 + Math.log10(Math.max(1, count)) * 11;
  return Math.round(Math.min(64, size));
}

/** "12", "5321"; from ten thousand on "1.2万" / "12k", so the label fits the circle. */
export function clusterLabel(count: number, locale: string): string {
  if (count < 10_000) return String(count);
  if (locale === 'zh-CN') return `${Math.round(count / 1000) / 10}万`;
  return `${Math.round(count / 1000)}k`;
}

export function clusterElement(count: number, label: string, title: string): HTMLElement {
  const size = clusterSize(count);
  const node = el('div', undefined, 'fs-sm-cluster');
  node.dataset.testid = 'map-cluster';
  node.dataset.count = String(count);
  node.style.width = `${size}px`;
  node.style.height = `${size}px`;
  node.setAttribute('aria-label', title);
  node.append(el('span', label));
  return node;
}

export function unitElement(
  unitId: string,
  unitClass: UnitClass | null,
  title: string,
): HTMLElement {
  const node = el('div', undefined, 'fs-sm-unit');
  node.dataset.testid = 'map-unit';
  node.dataset.unitId = unitId;
  if (unitClass) node.dataset.class = unitClass;
  node.style.setProperty('--fs-sm-colour', (unitClass && CLASS_COLOURS[unitClass]) || '#5f6b7a');
  node.setAttribute('aria-label', title);
  return node;
}

/** The pulsing ring where a card the pointer is on sits (when its marker is in a cluster). */
export function ringElement(): HTMLElement {
  const node = el('div', undefined, 'fs-sm-ring');
  node.dataset.testid = 'map-highlight';
  return node;
}

export function labelElement(text: string): HTMLElement {
  return el('span', text, 'fs-sm-park-label');
}

export interface PopupText {
  name: string;
  /** Null while it is being looked up. */
  park: string | null;
  facts: string[];
  linkText: string;
  href: string;
}

/**
 * A unit's popup card: name, park, area and rent, and a link to the unit page (followed by the
 * router, unless the user asks for a new tab). `setPark` fills the park in later.
 */
export function popupElement(
  text: PopupText,
  onOpen: (href: string) => void,
): { root: HTMLElement; setPark: (park: string) => void } {
  const root = el('div', undefined, 'fs-sm-popup');
  root.dataset.testid = 'map-popup';
  root.append(el('strong', text.name, 'fs-sm-popup-name'));
  const park = el('div', text.park ?? '…', 'fs-sm-popup-park');
  root.append(park);
  for (const line of text.facts) root.append(el('div', line, 'fs-sm-popup-fact'));
  const link = el('a', text.linkText, 'fs-sm-popup-link');
  link.href = text.href;
  link.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onOpen(text.href);
  });
  root.append(link);
  return {
    root,
    setPark: (value: string) => {
      park.textContent = value;
    },
  };
}
