import { describe, expect, it } from 'vitest';
import {
  currentCursor,
  enumValue,
  filtersToQuery,
  withNextPage,
  withPreviousPage,
} from './list-query';

describe('list query', () => {
  it('keeps only known values of a filter', () => {
    expect(enumValue(['pending', 'sent'] as const, 'sent')).toBe('sent');
    expect(enumValue(['pending', 'sent'] as const, ['bogus', 'sent'])).toBe('');
    expect(enumValue(['pending', 'sent'] as const, undefined)).toBe('');
  });

  it('leaves blank filters out of the URL and starts on the first page', () => {
    expect(filtersToQuery({ q: ' 张 ', role: '', status: 'active' })).toEqual({
      q: '张',
      status: 'active',
    });
  });

  it('pages forward and back through the cursors', () => {
    const first = { status: 'pending' };
    const second = withNextPage(first, 'c1');
    const third = withNextPage(second, 'c2');
    expect(currentCursor(first)).toBeUndefined();
    expect(currentCursor(third)).toBe('c2');
    expect(withPreviousPage(third)).toEqual({ status: 'pending', c: ['c1'] });
    expect(withPreviousPage(second)).toEqual({ status: 'pending' });
  });
});
