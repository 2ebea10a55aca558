import { mapZone, mapZoneMap } from './zones.mapper';

describe('zones mapper', () => {
  it('maps a zone row with its center point', () => {
    const row = {
      id: 'z',
      code: 'gaoping',
      name: '高平经济技术开发区',
      nameEn: null,
      platformCompany: '恒通集团',
      platformCompanyEn: null,
      province: null,
      city: null,
      center: { x: 112.92, y: 35.8 },
      version: 1,
      createdAt: new Date('2026-01-01T00:00:00Z'),
      updatedAt: new Date('2026-01-01T00:00:00Z'),
    };
    const zone = mapZone(row);
    expect(zone.center).toEqual({ latitude: 35.8, longitude: 112.92 });
    expect(zone.createdAt).toBe('2026-01-01T00:00:00.000Z');
    expect(mapZone({ ...row, center: null }).center).toBeNull();
  });

  it('builds GeoJSON: closed park rings and [lng, lat] unit points', () => {
    const map = mapZoneMap(
      [
        {
          id: 'p',
          code: 'HX',
          name: '园',
          nameEn: null,
          kind: 'park',
          boundary: '((1,2),(3,4),(5,6))',
        },
      ],
      [
        {
          id: 'u',
          code: 'U1',
          name: '厂房',
          unitClass: 'quality',
          occupancyStatus: 'vacant',
          grossArea: '100.50',
          parkId: 'p',
          location: { x: 112.92, y: 35.8 },
        },
      ],
    );
    expect(map.parks.features[0].geometry.coordinates[0]).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [1, 2],
    ]);
    expect(map.parks.features[0].properties).toEqual({
      id: 'p',
      code: 'HX',
      name: '园',
      nameEn: null,
      kind: 'park',
    });
    expect(map.units.features[0].geometry).toEqual({ type: 'Point', coordinates: [112.92, 35.8] });
    expect(map.units.features[0].properties.grossArea).toBe(100.5);
  });
});
