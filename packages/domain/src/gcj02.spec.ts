import fc from 'fast-check';
import { gcj02ToWgs84, isOutsideChina, wgs84ToGcj02 } from './gcj02';
import { haversineKm, type GeoPoint } from './geo';

/** Metres between two points. */
const metres = (a: GeoPoint, b: GeoPoint) => haversineKm(a, b) * 1000;

/**
 * Published pairs (WGS-84 → GCJ-02) from the two reference implementations of the algorithm:
 * - wandergis/coordtransform, README.md: `wgs84togcj02(116.404, 39.915)` →
 *   `[116.41024449916938, 39.91640428150164]` (lng, lat);
 * - googollee/eviltransform, go/transform_test.go (same values in python/test.py and
 *   php/tests/EvilTransformTest.php): Shanghai, Shenzhen, Beijing.
 * Our implementation reproduces them to the last printed digit; we check to 1e-9 degrees.
 */
const PUBLISHED: Array<{ name: string; wgs: GeoPoint; gcj: GeoPoint }> = [
  {
    name: 'Beijing, coordtransform README',
    wgs: { lat: 39.915, lng: 116.404 },
    gcj: { lat: 39.91640428150164, lng: 116.41024449916938 },
  },
  {
    name: 'Shanghai, eviltransform tests',
    wgs: { lat: 31.1774276, lng: 121.5272106 },
    gcj: { lat: 31.17530398364597, lng: 121.531541859215 },
  },
  {
    name: 'Shenzhen, eviltransform tests',
    wgs: { lat: 22.543847, lng: 113.912316 },
    gcj: { lat: 22.540796131694766, lng: 113.9171764808363 },
  },
  {
    name: 'Beijing, eviltransform tests',
    wgs: { lat: 39.911954, lng: 116.377817 },
    gcj: { lat: 39.91334545536069, lng: 116.38404722455657 },
  },
  {
    // Tiananmen. Not printed by either project: the value is their algorithm's output, computed
    // once with wandergis/coordtransform's formula and pinned here; ≈ 555 m north-east, the
    // offset commonly reported for central Beijing.
    name: 'Tiananmen (WGS-84 39.9087, 116.3975)',
    wgs: { lat: 39.9087, lng: 116.3975 },
    gcj: { lat: 39.91010349934476, lng: 116.40374357265176 },
  },
];

const close = (actual: GeoPoint, expected: GeoPoint, degrees: number) => {
  expect(Math.abs(actual.lat - expected.lat)).toBeLessThan(degrees);
  expect(Math.abs(actual.lng - expected.lng)).toBeLessThan(degrees);
};

/** Mainland China, away from the edges of the GCJ-02 rectangle. */
const mainland = fc.record({
  lat: fc.double({ min: 18, max: 53.5, noNaN: true }),
  lng: fc.double({ min: 73.5, max: 135, noNaN: true }),
});

describe('wgs84ToGcj02', () => {
  it.each(PUBLISHED)('matches the published value: $name', ({ wgs, gcj }) => {
    close(wgs84ToGcj02(wgs), gcj, 1e-9);
  });

  it('leaves points outside China unchanged', () => {
    for (const p of [
      { lat: 51.5074, lng: -0.1278 }, // London
      { lat: 35.6812, lng: 139.7671 }, // Tokyo (east of the rectangle)
      { lat: -33.8688, lng: 151.2093 }, // Sydney
      { lat: 0, lng: 0 },
      { lat: 56.5, lng: 110 }, // north of the rectangle
    ]) {
      expect(isOutsideChina(p.lat, p.lng)).toBe(true);
      expect(wgs84ToGcj02(p)).toEqual(p);
      expect(gcj02ToWgs84(p)).toEqual(p);
    }
    expect(isOutsideChina(35.8, 112.92)).toBe(false); // the demo zone (Gaoping, Shanxi)
  });

  it('moves eastern China (east of 100°E, where the parks are) by 100–700 m', () => {
    fc.assert(
      fc.property(
        fc.record({
          lat: fc.double({ min: 18, max: 53.5, noNaN: true }),
          lng: fc.double({ min: 100, max: 135, noNaN: true }),
        }),
        (p) => {
          const d = metres(p, wgs84ToGcj02(p));
          expect(d).toBeGreaterThan(100);
          expect(d).toBeLessThan(700);
        },
      ),
    );
  });

  it('never moves a mainland point by more than 750 m (smaller offsets around Qinghai)', () => {
    fc.assert(
      fc.property(mainland, (p) => {
        const d = metres(p, wgs84ToGcj02(p));
        expect(d).toBeGreaterThan(0);
        expect(d).toBeLessThan(750);
      }),
    );
  });
});

describe('gcj02ToWgs84', () => {
  it.each(PUBLISHED)('inverts the published value: $name', ({ wgs, gcj }) => {
    close(gcj02ToWgs84(gcj), wgs, 1e-6);
  });

  it('round-trips every mainland point to within 1e-6 degrees', () => {
    fc.assert(
      fc.property(mainland, (p) => {
        close(gcj02ToWgs84(wgs84ToGcj02(p)), p, 1e-6);
      }),
      { numRuns: 1000 },
    );
  });

  it('is a true inverse the other way round as well', () => {
    fc.assert(
      fc.property(mainland, (g) => {
        close(wgs84ToGcj02(gcj02ToWgs84(g)), g, 1e-6);
      }),
    );
  });

  it('passes non-finite input through instead of producing NaN soup', () => {
    expect(gcj02ToWgs84({ lat: Number.NaN, lng: 116 })).toEqual({ lat: Number.NaN, lng: 116 });
    expect(wgs84ToGcj02({ lat: 39, lng: Number.POSITIVE_INFINITY }).lng).toBe(Infinity);
  });
});
