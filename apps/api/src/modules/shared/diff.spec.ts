import { diffFields, sameValue } from './diff';

describe('diffFields', () => {
  const fields = [
    'code',
    'grossArea',
    'usableArea',
    'suitableIndustries',
    'footprint',
    'occupancyStatus',
  ] as const;
  const before = {
    code: 'HX-1',
    grossArea: 3200.5,
    usableArea: null,
    suitableIndustries: ['food_processing'],
    footprint: [
      [112.9, 35.8],
      [112.91, 35.8],
      [112.91, 35.81],
    ],
    occupancyStatus: 'vacant',
  };

  it('returns exactly the fields whose values changed, in field order, with before and after', () => {
    const changes = diffFields(
      before,
      { occupancyStatus: 'leased', grossArea: 3300, code: 'HX-1' },
      fields,
    );
    expect(changes).toEqual([
      { field: 'grossArea', before: 3200.5, after: 3300 },
      { field: 'occupancyStatus', before: 'vacant', after: 'leased' },
    ]);
  });

  it('treats absent fields as unchanged and equal values as no change', () => {
    expect(diffFields(before, {}, fields)).toEqual([]);
    expect(diffFields(before, { ...before }, fields)).toEqual([]);
  });

  it('compares arrays and nested arrays by value', () => {
    expect(diffFields(before, { suitableIndustries: ['food_processing'] }, fields)).toEqual([]);
    expect(
      diffFields(before, { suitableIndustries: ['food_processing', 'biomedicine'] }, fields),
    ).toEqual([
      {
        field: 'suitableIndustries',
        before: ['food_processing'],
        after: ['food_processing', 'biomedicine'],
      },
    ]);
    const moved = [
      [112.9, 35.8],
      [112.92, 35.8],
      [112.91, 35.81],
    ];
    expect(diffFields(before, { footprint: moved }, fields)).toHaveLength(1);
  });

  it('records setting to and from null', () => {
    expect(diffFields(before, { usableArea: 3000 }, fields)).toEqual([
      { field: 'usableArea', before: null, after: 3000 },
    ]);
    expect(diffFields(before, { footprint: null }, fields)).toEqual([
      { field: 'footprint', before: before.footprint, after: null },
    ]);
  });

  it('treats a missing "before" as a creation from null', () => {
    expect(diffFields(null, { code: 'A' }, ['code'])).toEqual([
      { field: 'code', before: null, after: 'A' },
    ]);
  });

  it('ignores fields outside the list', () => {
    expect(diffFields(before, { version: 9 } as Record<string, unknown>, fields)).toEqual([]);
  });
});

describe('sameValue', () => {
  it('distinguishes types and shapes', () => {
    expect(sameValue(1, '1')).toBe(false);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue({ latitude: 1, longitude: 2 }, { longitude: 2, latitude: 1 })).toBe(true);
    expect(sameValue({ latitude: 1 }, { latitude: 1, longitude: 2 })).toBe(false);
    expect(sameValue(false, null)).toBe(false);
  });
});
