import {
  formatPoint,
  formatPolygon,
  parseDate,
  parseNumeric,
  parsePoint,
  parsePolygon,
  parseTimestamp,
} from './columns';

describe('column conversions', () => {
  it('reads a point from node-pg ({x, y}) or text, x being the longitude', () => {
    expect(parsePoint({ x: 112.92, y: 35.8 })).toEqual({ latitude: 35.8, longitude: 112.92 });
    expect(parsePoint('(112.92,35.8)')).toEqual({ latitude: 35.8, longitude: 112.92 });
    expect(parsePoint(null)).toBeNull();
    expect(() => parsePoint('nonsense')).toThrow();
  });

  it('writes a point as (lng,lat)', () => {
    expect(formatPoint({ latitude: 35.8, longitude: 112.92 })).toBe('(112.92,35.8)');
    expect(formatPoint(null)).toBeNull();
  });

  it('reads a polygon from its text form', () => {
    expect(parsePolygon('((112.9,35.79),(112.94,35.79),(112.94,35.81))')).toEqual([
      [112.9, 35.79],
      [112.94, 35.79],
      [112.94, 35.81],
    ]);
    expect(parsePolygon('((-1.5e-3,2),(3,-4),(5,6))')).toEqual([
      [-0.0015, 2],
      [3, -4],
      [5, 6],
    ]);
    expect(parsePolygon(null)).toBeNull();
  });

  it('writes a polygon open (a GeoJSON closing point is dropped)', () => {
    expect(
      formatPolygon([
        [1, 2],
        [3, 4],
        [5, 6],
        [1, 2],
      ]),
    ).toBe('((1,2),(3,4),(5,6))');
  });

  it('reads numeric strings as numbers', () => {
    expect(parseNumeric('3200.50')).toBe(3200.5);
    expect(parseNumeric(null)).toBeNull();
    expect(() => parseNumeric('abc')).toThrow();
  });

  it('reads dates without time-zone drift', () => {
    expect(parseDate('2023-06-01')).toBe('2023-06-01');
    expect(parseDate(new Date(2023, 5, 1))).toBe('2023-06-01');
    expect(parseTimestamp(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05.678Z');
  });
});
