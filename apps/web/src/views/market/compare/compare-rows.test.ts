import { describe, expect, it } from 'vitest';
import type { PublicUnitDetail } from '@/api/market';
import { createAppI18n } from '@/i18n';
import { bestIndexes, compareRows, parseIds } from './compare-rows';

const base = {
  id: 'a',
  code: 'GP-001',
  name: '一号厂房',
  grossArea: 1000,
  usableArea: 900,
  floorFrom: 1,
  floorTo: 1,
  buildingFloors: 1,
  floorHeightM: 8,
  floorLoadKnM2: 20,
  powerCapacityKva: 400,
  craneCapacityT: null,
  structureType: 'steel',
  hasWater: true,
  hasGas: false,
  hasHeating: false,
  hasSewage: true,
  hasFibre: true,
  unitClass: 'general',
  acceptanceStatus: 'accepted',
  fireSafetyStatus: 'passed',
  environmentalStatus: 'approved',
  completionYear: 2015,
  vacantSince: '2024-01-01',
  listRentFen: 1200,
  suitableIndustries: ['food_processing'],
  parkName: '高平科技园',
  park: { id: 'p', name: '高平科技园', nameEn: 'Gaoping Tech Park', description: null },
  zoneName: '高平经开区',
  zoneNameEn: 'Gaoping EDZ',
} as unknown as PublicUnitDetail;

const i18n = createAppI18n('zh-CN');
const t = (key: string, values?: Record<string, unknown>) =>
  values ? i18n.global.t(key, values) : i18n.global.t(key);

describe('bestIndexes', () => {
  it('picks the highest or lowest, ties included', () => {
    expect([...bestIndexes([1, 3, 3], 'high')]).toEqual([1, 2]);
    expect([...bestIndexes([5, 2, null], 'low')]).toEqual([1]);
  });

  it('picks nothing when all are equal or fewer than two have a value', () => {
    expect(bestIndexes([2, 2], 'high').size).toBe(0);
    expect(bestIndexes([2, null], 'high').size).toBe(0);
  });
});

describe('compareRows', () => {
  const other = {
    ...base,
    id: 'b',
    listRentFen: 1000,
    grossArea: 2000,
    floorLoadKnM2: 30,
    craneCapacityT: 10,
    hasGas: true,
    unitClass: 'quality',
    fireSafetyStatus: 'not_inspected',
  } as PublicUnitDetail;

  it('has a row for every industrial fact and highlights the best value', () => {
    const rows = compareRows([base, other], 'zh-CN', t);
    const byKey = Object.fromEntries(rows.map((row) => [row.key, row]));
    for (const key of [
      'rent',
      'monthly',
      'grossArea',
      'floorHeight',
      'floorLoad',
      'power',
      'crane',
      'structure',
      'utility-gas',
      'unitClass',
      'fireSafety',
    ]) {
      expect(byKey[key], key).toBeDefined();
    }
    expect([...byKey.rent!.best]).toEqual([1]);
    expect([...byKey.monthly!.best]).toEqual([0]); // 12 元 × 1000 < 10 元 × 2000
    expect(byKey.monthly!.values).toEqual(['12,000 元', '20,000 元']);
    expect([...byKey.floorLoad!.best]).toEqual([1]);
    expect([...byKey.crane!.best]).toEqual([1]);
    expect(byKey.crane!.values[0]).toBe('无');
    expect([...byKey['utility-gas']!.best]).toEqual([1]);
    expect(byKey['utility-gas']!.flags).toEqual([false, true]);
    expect(byKey['utility-water']!.best.size).toBe(0);
    expect([...byKey.unitClass!.best]).toEqual([1]);
    expect([...byKey.fireSafety!.best]).toEqual([0]);
    expect(byKey.floorHeight!.best.size).toBe(0);
  });

  it('shows negotiable rent without a score and English names in English', () => {
    const en = createAppI18n('en');
    const tEn = (key: string, values?: Record<string, unknown>) =>
      values ? en.global.t(key, values) : en.global.t(key);
    const rows = compareRows([{ ...base, listRentFen: null }, other], 'en', tEn);
    const rent = rows.find((row) => row.key === 'rent')!;
    expect(rent.values[0]).toBe('Negotiable');
    expect(rent.best.size).toBe(0);
    expect(rows.find((row) => row.key === 'park')!.values[0]).toBe('Gaoping Tech Park');
  });
});

describe('parseIds', () => {
  it('splits, trims and de-duplicates, dropping odd values', () => {
    expect(parseIds('a, b,a,,c')).toEqual(['a', 'b', 'c']);
    expect(parseIds(['a,b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(parseIds('<x>,ok')).toEqual(['ok']);
    expect(parseIds(undefined)).toEqual([]);
  });
});
