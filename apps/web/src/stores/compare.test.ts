import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { COMPARE_MAX, COMPARE_STORAGE_KEY, useCompareStore } from './compare';

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
});

function stored(): unknown {
  return JSON.parse(localStorage.getItem(COMPARE_STORAGE_KEY) ?? 'null');
}

describe('compare store', () => {
  it('adds up to four units, then answers full', () => {
    const compare = useCompareStore();
    expect(COMPARE_MAX).toBe(4);
    for (const id of ['a', 'b', 'c', 'd']) expect(compare.add(id)).toBe('added');
    expect(compare.isFull).toBe(true);
    expect(compare.add('e')).toBe('full');
    expect(compare.ids).toEqual(['a', 'b', 'c', 'd']);
    expect(compare.add('b')).toBe('present');
  });

  it('toggles, removes and clears, keeping localStorage in step', () => {
    const compare = useCompareStore();
    expect(compare.toggle('a', { code: 'GP-001' })).toBe('added');
    expect(stored()).toEqual([{ id: 'a', code: 'GP-001' }]);
    expect(compare.toggle('a')).toBe('removed');
    expect(compare.count).toBe(0);
    compare.add('x');
    compare.add('y');
    compare.remove('x');
    expect(compare.ids).toEqual(['y']);
    compare.clear();
    expect(stored()).toEqual([]);
  });

  it('reads the stored list back, dropping junk, duplicates and anything past four', () => {
    localStorage.setItem(
      COMPARE_STORAGE_KEY,
      JSON.stringify(['a', { id: 'b', code: 'B' }, 'a', 42, null, { id: '' }, 'c', 'd', 'e']),
    );
    const compare = useCompareStore();
    expect(compare.ids).toEqual(['a', 'b', 'c', 'd']);
    expect(compare.entries[1]).toMatchObject({ id: 'b', code: 'B' });
  });

  it('survives unreadable storage', () => {
    localStorage.setItem(COMPARE_STORAGE_KEY, '{not json');
    expect(useCompareStore().ids).toEqual([]);
  });

  it('records a code and name once known', () => {
    const compare = useCompareStore();
    compare.add('a');
    compare.describe('a', { code: 'GP-001', name: '一号厂房' });
    expect(compare.entries[0]).toEqual({ id: 'a', code: 'GP-001', name: '一号厂房' });
    expect(stored()).toEqual([{ id: 'a', code: 'GP-001', name: '一号厂房' }]);
  });
});
