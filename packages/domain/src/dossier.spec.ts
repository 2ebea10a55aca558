import { checkDossierRules } from './dossier';
import type { UnitDossierFields } from './dossier';

const base: Partial<UnitDossierFields> = {
  grossArea: 1000,
  usableArea: 900,
  floorFrom: 1,
  floorTo: 2,
  occupancyStatus: 'vacant',
  vacantSince: '2024-03-01',
  unitClass: 'quality',
};
const today = '2026-11-22';

describe('checkDossierRules', () => {
  it('accepts a consistent dossier', () => {
    expect(checkDossierRules(base, { buildingFloors: 3, today })).toEqual([]);
  });

  it('refuses usable area above gross area, on the usable field', () => {
    expect(checkDossierRules({ ...base, usableArea: 1000.01 }, { today })).toEqual([
      { field: 'usableArea', code: 'usable_exceeds_gross' },
    ]);
  });

  it('allows usable area equal to gross area', () => {
    expect(checkDossierRules({ ...base, usableArea: 1000 }, { today })).toEqual([]);
  });

  it('refuses floors in the wrong order and floors above the building', () => {
    const issues = checkDossierRules(
      { ...base, floorFrom: 4, floorTo: 3 },
      { buildingFloors: 3, today },
    );
    expect(issues).toEqual([
      { field: 'floorFrom', code: 'floor_order' },
      { field: 'floorFrom', code: 'floor_exceeds_building', params: { floors: 3 } },
    ]);
  });

  it('requires vacant-since for a vacant unit and refuses a future date', () => {
    expect(checkDossierRules({ ...base, vacantSince: null }, { today })).toEqual([
      { field: 'vacantSince', code: 'required' },
    ]);
    expect(checkDossierRules({ ...base, vacantSince: '2026-11-23' }, { today })).toEqual([
      { field: 'vacantSince', code: 'date_in_future' },
    ]);
    expect(checkDossierRules({ ...base, vacantSince: '2026-02-30' }, { today })).toEqual([
      { field: 'vacantSince', code: 'invalid_date' },
    ]);
    expect(
      checkDossierRules({ ...base, occupancyStatus: 'leased', vacantSince: null }, { today }),
    ).toEqual([]);
  });

  it('asks general and difficult units for a reason', () => {
    for (const unitClass of ['general', 'difficult'] as const) {
      expect(checkDossierRules({ ...base, unitClass, classReason: '  ' }, { today })).toEqual([
        { field: 'classReason', code: 'reason_required' },
      ]);
      expect(
        checkDossierRules({ ...base, unitClass, classReason: '缺少天然气' }, { today }),
      ).toEqual([]);
    }
  });

  it('checks the footprint ring', () => {
    expect(
      checkDossierRules(
        {
          ...base,
          footprint: [
            [112.9, 35.8],
            [112.91, 35.8],
          ],
        },
        { today },
      ),
    ).toEqual([{ field: 'footprint', code: 'polygon_invalid' }]);
  });
});
