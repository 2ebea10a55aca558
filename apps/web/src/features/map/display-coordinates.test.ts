import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, wgs84ToGcj02 } from '@factoryspace/domain';
import {
  attributionHtml,
  displayTransform,
  escapeHtml,
  viewportFromDisplayBounds,
} from './display-coordinates';

const wgs84 = displayTransform('wgs84');
const gcj02 = displayTransform('gcj02');

describe('displayTransform', () => {
  it('leaves WGS-84 tiles alone', () => {
    expect(wgs84.toDisplay(35.8, 112.92)).toEqual({ lat: 35.8, lng: 112.92 });
    expect(wgs84.fromDisplay(35.8, 112.92)).toEqual({ lat: 35.8, lng: 112.92 });
  });

  it('converts both ways for GCJ-02 tiles (Gaode)', () => {
    // coordtransform's published pair: WGS-84 (39.915, 116.404) → GCJ-02 (39.9164…, 116.4102…).
    const shown = gcj02.toDisplay(39.915, 116.404);
    expect(shown.lat).toBeCloseTo(39.91640428150164, 9);
    expect(shown.lng).toBeCloseTo(116.41024449916938, 9);
    const back = gcj02.fromDisplay(shown.lat, shown.lng);
    expect(back.lat).toBeCloseTo(39.915, 7);
    expect(back.lng).toBeCloseTo(116.404, 7);
  });
});

describe('viewportFromDisplayBounds', () => {
  it('returns a normal view unchanged for WGS-84 tiles', () => {
    expect(
      viewportFromDisplayBounds(
        { west: 112.9, south: 35.78, east: 112.94, north: 35.82 },
        14,
        wgs84,
      ),
    ).toEqual({ west: 112.9, south: 35.78, east: 112.94, north: 35.82, zoom: 14 });
  });

  it('converts a GCJ-02 view back to WGS-84 (every corner, so nothing visible is left out)', () => {
    const display = { west: 112.9, south: 35.78, east: 112.94, north: 35.82 };
    const v = viewportFromDisplayBounds(display, 14, gcj02);
    const corners = [
      gcj02ToWgs84({ lat: display.south, lng: display.west }),
      gcj02ToWgs84({ lat: display.south, lng: display.east }),
      gcj02ToWgs84({ lat: display.north, lng: display.west }),
      gcj02ToWgs84({ lat: display.north, lng: display.east }),
    ];
    expect(v.west).toBe(Math.min(...corners.map((c) => c.lng)));
    expect(v.east).toBe(Math.max(...corners.map((c) => c.lng)));
    expect(v.south).toBe(Math.min(...corners.map((c) => c.lat)));
    expect(v.north).toBe(Math.max(...corners.map((c) => c.lat)));
    // Gaode's tiles sit ≈ 550 m east of WGS-84 here: the WGS-84 view is further west.
    expect(v.west).toBeLessThan(display.west - 0.005);
    // And a unit drawn at the view's centre is inside it.
    const centre = { lat: (v.south + v.north) / 2, lng: (v.west + v.east) / 2 };
    const shown = wgs84ToGcj02(centre);
    expect(shown.lng).toBeGreaterThan(display.west);
    expect(shown.lng).toBeLessThan(display.east);
  });

  it('clamps latitude to ±85° and a view wider than the world to ±180°', () => {
    expect(
      viewportFromDisplayBounds({ west: -400, south: -89.9, east: 420, north: 89.9 }, 0, gcj02),
    ).toEqual({ west: -180, south: -85, east: 180, north: 85, zoom: 0 });
  });

  it('shifts a view panned round the world back into ±180°', () => {
    const v = viewportFromDisplayBounds(
      { west: 472.9, south: 35.7, east: 473, north: 35.9 },
      12,
      wgs84,
    );
    expect(v.west).toBeCloseTo(112.9, 9);
    expect(v.east).toBeCloseTo(113, 9);
    expect(v.zoom).toBe(12);
  });

  it('takes the whole longitude range when the view crosses the antimeridian', () => {
    expect(
      viewportFromDisplayBounds({ west: 170, south: -20, east: 190, north: -10 }, 5, wgs84),
    ).toEqual({ west: -180, south: -20, east: 180, north: -10, zoom: 5 });
    expect(
      viewportFromDisplayBounds({ west: -190, south: 50, east: -175, north: 60 }, 5, wgs84),
    ).toMatchObject({ west: -180, east: 180 });
  });
});

describe('attributionHtml', () => {
  it('escapes the text and links only http(s) URLs', () => {
    expect(escapeHtml(`<img src=x onerror="a">&'`)).toBe(
      '&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;',
    );
    expect(
      attributionHtml('© OpenStreetMap contributors', 'https://www.openstreetmap.org/copyright'),
    ).toBe(
      '<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener noreferrer">© OpenStreetMap contributors</a>',
    );
    expect(attributionHtml('<b>x</b>', 'javascript:alert(1)')).toBe('&lt;b&gt;x&lt;/b&gt;');
    expect(attributionHtml(null, 'https://example.cn')).toBe('');
  });
});
