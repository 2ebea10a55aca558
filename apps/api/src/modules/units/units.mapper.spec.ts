import {
  creationChanges,
  historyAction,
  mapUnit,
  mapUnitHistory,
  UnitRow,
  unitWritableFields,
} from './units.mapper';

const row: UnitRow = {
  id: '9fdffe07-412a-4cec-a6f4-3025afa9341e',
  zoneId: '27668ffa-5eac-418d-be2d-46db3991886e',
  parkId: '3df82175-23bd-4c05-b3f0-d466264985cf',
  buildingId: 'ab837602-9eb1-440a-b17c-a3ec2ad47a41',
  parkName: '海峡两岸(高平)产业园',
  buildingName: 'A1栋',
  buildingFloors: 3,
  code: 'HX-A1-1F',
  name: 'A1栋一层',
  address: null,
  location: { x: 112.92, y: 35.8 },
  footprint: '((112.9,35.8),(112.91,35.8),(112.91,35.81))',
  grossArea: '3200.50',
  usableArea: '3000.00',
  floorFrom: 1,
  floorTo: 1,
  structureType: 'steel',
  floorHeightM: '8.50',
  floorLoadKnM2: '30.00',
  craneCapacityT: null,
  powerCapacityKva: 800,
  hasWater: true,
  hasGas: true,
  hasHeating: false,
  hasSewage: true,
  hasFibre: true,
  utilitiesNote: null,
  fireSafetyStatus: 'passed',
  environmentalStatus: 'approved',
  acceptanceStatus: 'accepted',
  completionYear: 2019,
  unitClass: 'quality',
  classReason: null,
  occupancyStatus: 'vacant',
  vacantSince: '2023-06-01',
  idleReasonCategory: 'no_tenant_found',
  idleReasonText: null,
  listRentFen: 1200,
  suitableIndustries: '{food_processing,biomedicine}',
  description: null,
  contactName: null,
  contactPhone: null,
  isListed: true,
  version: 3,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-02-01T00:00:00Z'),
};

describe('mapUnit', () => {
  it('turns raw pg values into the API representation', () => {
    const unit = mapUnit(row, '2024-11-22');
    expect(unit).toMatchObject({
      latitude: 35.8,
      longitude: 112.92,
      footprint: [
        [112.9, 35.8],
        [112.91, 35.8],
        [112.91, 35.81],
      ],
      grossArea: 3200.5,
      usableArea: 3000,
      floorHeightM: 8.5,
      floorLoadKnM2: 30,
      craneCapacityT: null,
      suitableIndustries: ['food_processing', 'biomedicine'],
      vacantSince: '2023-06-01',
      createdAt: '2026-01-01T00:00:00.000Z',
      parkName: '海峡两岸(高平)产业园',
    });
    expect(typeof unit.grossArea).toBe('number');
  });

  it('derives idle days and months from vacantSince and today', () => {
    const unit = mapUnit(row, '2024-11-22');
    expect(unit.idleDays).toBe(540);
    expect(unit.idleMonths).toBe(17);
    const leased = mapUnit({ ...row, occupancyStatus: 'leased', vacantSince: null }, '2024-11-22');
    expect(leased.idleDays).toBeNull();
    expect(leased.idleMonths).toBeNull();
  });

  it('exposes only the tracked fields for diffs', () => {
    const fields = unitWritableFields(mapUnit(row));
    expect(Object.keys(fields)).toContain('buildingId');
    expect(Object.keys(fields)).not.toContain('version');
    expect(Object.keys(fields)).not.toContain('idleDays');
    expect(Object.keys(fields)).not.toContain('parkName');
  });
});

describe('history mapping', () => {
  it('records every set field on create, before null', () => {
    const changes = creationChanges(mapUnit(row));
    expect(changes.find((c) => c.field === 'grossArea')).toEqual({
      field: 'grossArea',
      before: null,
      after: 3200.5,
    });
    expect(changes.find((c) => c.field === 'address')).toBeUndefined();
    expect(changes.every((c) => c.before === null)).toBe(true);
  });

  it('names an update touching occupancyStatus a status change', () => {
    expect(historyAction([{ field: 'occupancyStatus', before: 'vacant', after: 'leased' }])).toBe(
      'status_change',
    );
    expect(historyAction([{ field: 'name', before: 'a', after: 'b' }])).toBe('update');
  });

  it('maps a history row', () => {
    expect(
      mapUnitHistory({
        id: '12',
        unitId: row.id,
        version: 2,
        action: 'update',
        source: 'api',
        actorName: null,
        changes: '[{"field":"name","before":"a","after":"b"}]',
        createdAt: new Date('2026-01-01T00:00:00Z'),
      }),
    ).toEqual({
      id: '12',
      unitId: row.id,
      version: 2,
      action: 'update',
      source: 'api',
      actorName: null,
      changes: [{ field: 'name', before: 'a', after: 'b' }],
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  });
});
