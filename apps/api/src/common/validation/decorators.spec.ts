import { validateSync } from 'class-validator';
import { InRange, IsIsoDate, IsLngLatRing } from './decorators';

class Sample {
  @InRange(1, 10) n: unknown;
  @IsIsoDate() d: unknown;
  @IsLngLatRing() ring: unknown;
  @IsLngLatRing({ geoJsonPolygon: true }) polygon: unknown;
}

function failing(values: Partial<Sample>): Record<string, string[]> {
  const sample = Object.assign(new Sample(), {
    n: 5,
    d: '2024-02-29',
    ring: [
      [1, 1],
      [2, 1],
      [2, 2],
    ],
    polygon: {
      type: 'Polygon',
      coordinates: [
        [
          [1, 1],
          [2, 1],
          [2, 2],
          [1, 1],
        ],
      ],
    },
    ...values,
  });
  return Object.fromEntries(
    validateSync(sample).map((e) => [e.property, Object.keys(e.constraints ?? {})]),
  );
}

describe('custom validation decorators', () => {
  it('accept valid values', () => {
    expect(failing({})).toEqual({});
  });

  it('inRange: bounds inclusive, numbers only, constraint name inRange with [min, max]', () => {
    expect(failing({ n: 1 })).toEqual({});
    expect(failing({ n: 10 })).toEqual({});
    expect(failing({ n: 0 })).toEqual({ n: ['inRange'] });
    expect(failing({ n: '5' })).toEqual({ n: ['inRange'] });
    expect(failing({ n: Number.NaN })).toEqual({ n: ['inRange'] });
  });

  it('isIsoDate: real calendar dates only', () => {
    expect(failing({ d: '2023-02-29' })).toEqual({ d: ['isIsoDate'] });
    expect(failing({ d: '2023-6-1' })).toEqual({ d: ['isIsoDate'] });
    expect(failing({ d: 20230601 })).toEqual({ d: ['isIsoDate'] });
  });

  it('isLngLatRing: 3 distinct in-range points, GeoJSON Polygon when asked', () => {
    expect(
      failing({
        ring: [
          [1, 1],
          [2, 2],
        ],
      }),
    ).toEqual({ ring: ['isLngLatRing'] });
    expect(
      failing({
        ring: [
          [181, 1],
          [2, 1],
          [2, 2],
        ],
      }),
    ).toEqual({ ring: ['isLngLatRing'] });
    expect(
      failing({
        polygon: [
          [1, 1],
          [2, 1],
          [2, 2],
        ],
      }),
    ).toEqual({ polygon: ['isLngLatRing'] });
    expect(failing({ polygon: { type: 'Point', coordinates: [1, 1] } })).toEqual({
      polygon: ['isLngLatRing'],
    });
    expect(
      failing({
        polygon: {
          type: 'Polygon',
          coordinates: [
            [
              [1, 1],
              [2, 1],
              [2, 2],
            ],
          ],
          extra: 1,
        },
      }),
    ).toEqual({
      polygon: ['isLngLatRing'],
    });
  });
});
