import fc from 'fast-check';
import { distanceMetres, haversineKm } from './geo';

describe('haversineKm', () => {
  it('gives known great-circle distances', () => {
    // Beijing (Tiananmen) → Shanghai (People's Square): about 1068 km in a straight line.
    const beijingShanghai = haversineKm(
      { lat: 39.9087, lng: 116.3975 },
      { lat: 31.2304, lng: 121.4737 },
    );
    expect(beijingShanghai).toBeGreaterThan(1063);
    expect(beijingShanghai).toBeLessThan(1073);
    // One degree of latitude on the mean sphere: 2πR / 360.
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111.195, 3);
    // Antipodes: half the circumference.
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(20015.1, 1);
    expect(haversineKm({ lat: 35.8, lng: 112.92 }, { lat: 35.8, lng: 112.92 })).toBe(0);
  });

  it('is symmetric and agrees with distanceMetres', () => {
    const point = fc.record({
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      lng: fc.double({ min: -180, max: 180, noNaN: true }),
    });
    fc.assert(
      fc.property(point, point, (a, b) => {
        const d = haversineKm(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(Math.abs(d - haversineKm(b, a))).toBeLessThan(1e-9);
        const m = distanceMetres(
          { latitude: a.lat, longitude: a.lng },
          { latitude: b.lat, longitude: b.lng },
        );
        expect(Math.abs(d * 1000 - m)).toBeLessThan(1e-6);
      }),
    );
  });
});
