import { describe, expect, it } from 'vitest';
import { nextTick, ref } from 'vue';
import type { DossierContext, Locale } from '@factoryspace/domain';
import {
  changedFields,
  emptyForm,
  formToDossier,
  rebaseForm,
  validateUnitForm,
  type UnitFormValues,
} from './unit-form';
import { useUnitFormValidation } from './use-unit-form-validation';

function validForm(): UnitFormValues {
  return {
    ...emptyForm(),
    parkId: 'p1',
    buildingId: '6f1c7b1e-8d3a-4f7e-9a51-2b0b7d1c9e11',
    code: 'HX-A1-1F',
    name: '海峡两岸产业园 A1 栋一层',
    latitude: 35.8,
    longitude: 112.92,
    grossArea: 3200,
    usableArea: 3000,
    floorFrom: 1,
    floorTo: 1,
    structureType: 'steel',
    floorHeightM: 8.5,
    floorLoadKnM2: 30,
    fireSafetyStatus: 'passed',
    environmentalStatus: 'approved',
    acceptanceStatus: 'accepted',
    unitClass: 'quality',
    occupancyStatus: 'vacant',
    vacantSince: '2023-06-01',
    listRentFen: 12.5,
  };
}

const context = (floors?: number): DossierContext => ({
  buildingFloors: floors,
  today: '2025-01-01',
});

describe('validateUnitForm', () => {
  it('accepts a complete dossier', () => {
    expect(validateUnitForm(validForm(), context(3))).toEqual([]);
  });

  it('puts usable > gross on usableArea', () => {
    const issues = validateUnitForm({ ...validForm(), usableArea: 4000 }, context(3));
    expect(issues).toEqual([{ field: 'usableArea', code: 'usable_exceeds_gross' }]);
  });

  it('refuses floors above the selected building', () => {
    const issues = validateUnitForm({ ...validForm(), floorFrom: 2, floorTo: 4 }, context(3));
    expect(issues).toEqual([
      { field: 'floorTo', code: 'floor_exceeds_building', params: { floors: 3 } },
    ]);
  });

  it('checks UNIT_LIMITS ranges, lengths, patterns and required fields', () => {
    const issues = validateUnitForm(
      {
        ...validForm(),
        code: 'bad code!',
        name: '',
        floorLoadKnM2: 0.1,
        floorFrom: 1.5,
        contactPhone: 'call me',
        classReason: 'x'.repeat(501),
      },
      context(3),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'required' },
        { field: 'code', code: 'invalid_format' },
        { field: 'floorLoadKnM2', code: 'out_of_range', params: { min: 0.5, max: 500 } },
        { field: 'floorFrom', code: 'not_integer' },
        { field: 'contactPhone', code: 'invalid_format' },
        { field: 'classReason', code: 'too_long', params: { max: 500 } },
      ]),
    );
  });

  it('needs a reason for general units and a vacant-since date for vacant ones', () => {
    const issues = validateUnitForm(
      { ...validForm(), unitClass: 'general', vacantSince: '' },
      context(3),
    );
    expect(issues.map((i) => `${i.field}:${i.code}`)).toEqual([
      'vacantSince:required',
      'classReason:reason_required',
    ]);
  });
});

describe('useUnitFormValidation', () => {
  it('shows messages in the current locale under the field, after touch or a save attempt', async () => {
    const form = ref(validForm());
    const floors = ref<DossierContext>(context(3));
    const locale = ref<Locale>('zh-CN');
    const v = useUnitFormValidation(form, floors, locale);

    form.value.usableArea = 5000;
    await nextTick();
    expect(v.isValid.value).toBe(false);
    expect(v.errorsFor('usableArea')).toEqual([]); // not touched yet

    v.touch('usableArea');
    expect(v.errorsFor('usableArea')).toEqual(['使用面积不能大于建筑面积']);
    locale.value = 'en';
    expect(v.errorsFor('usableArea')).toEqual(['Usable area cannot exceed gross area']);

    form.value.floorTo = 5;
    expect(v.attemptSubmit()).toBe(false);
    expect(v.errorsFor('floorTo')).toEqual(['Floor is above the building’s 3 floors']);

    floors.value = context(6); // another building with more floors
    expect(v.errorsFor('floorTo')).toEqual([]);
  });

  it('keeps a server message until the field is edited', () => {
    const form = ref(validForm());
    const v = useUnitFormValidation(form, ref(context(3)), ref<Locale>('en'));
    v.setServerIssues({ code: [{ field: 'code', code: 'invalid_format', message: 'bad' }] });
    expect(v.errorsFor('code')).toEqual(['Invalid format']);
    form.value.code = 'HX-A1-2F';
    expect(v.errorsFor('code')).toEqual([]);
  });
});

describe('PATCH diff and conflict rebase', () => {
  it('sends only changed fields, rent in fen', () => {
    const before = validForm();
    const after = { ...before, floorLoadKnM2: 35, listRentFen: 13.2, description: '  ' };
    expect(changedFields(formToDossier(before), formToDossier(after))).toEqual({
      floorLoadKnM2: 35,
      listRentFen: 1320,
    });
  });

  it('keeps what the user typed and takes the rest from the latest version', () => {
    const startedFrom = validForm();
    const typed = { ...startedFrom, floorLoadKnM2: 40 };
    const latest = { ...startedFrom, name: '改名后的厂房', floorLoadKnM2: 31 };
    const rebased = rebaseForm(typed, startedFrom, latest);
    expect(rebased.floorLoadKnM2).toBe(40);
    expect(rebased.name).toBe('改名后的厂房');
  });
});
