import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SORT,
  emptyState,
  formatTotal,
  nextPage,
  previousPage,
  queryToState,
  stateToListQuery,
  stateToQuery,
  toggleSort,
  withChanges,
} from './inventory-query';

describe('inventory URL ⇄ state', () => {
  it('reads filters, sort and the cursor stack from the query', () => {
    const state = queryToState({
      zone: 'z1',
      park: 'p1',
      class: ['quality', 'difficult'],
      status: 'vacant',
      acceptance: ['not_accepted'],
      q: ' HX-A1 ',
      sort: '-grossArea',
      c: ['c1', 'c2'],
    });
    expect(state).toEqual({
      zoneId: 'z1',
      parkId: 'p1',
      unitClass: ['quality', 'difficult'],
      occupancyStatus: ['vacant'],
      acceptanceStatus: ['not_accepted'],
      q: ' HX-A1 ',
      sort: '-grossArea',
      cursors: ['c1', 'c2'],
    });
  });

  it('drops unknown enum values, duplicates and sorts that are not allowed', () => {
    const state = queryToState({
      class: ['quality', 'bogus', 'quality'],
      status: 'sold',
      sort: '-name',
    });
    expect(state.unitClass).toEqual(['quality']);
    expect(state.occupancyStatus).toEqual([]);
    expect(state.sort).toBe(DEFAULT_SORT);
  });

  it('round-trips through the URL and leaves defaults out', () => {
    expect(stateToQuery(emptyState())).toEqual({});
    const state = {
      ...emptyState(),
      zoneId: 'z1',
      unitClass: ['general' as const],
      q: 'A1',
      sort: '-vacantSince' as const,
      cursors: ['abc'],
    };
    const query = stateToQuery(state);
    expect(query).toEqual({
      zone: 'z1',
      class: ['general'],
      q: 'A1',
      sort: '-vacantSince',
      c: ['abc'],
    });
    expect(queryToState(query)).toEqual(state);
  });

  it('asks the API for this page only, with the last cursor', () => {
    const state = { ...emptyState(), zoneId: 'z1', parkId: 'p1', q: '  ', cursors: ['c1', 'c2'] };
    expect(stateToListQuery(state, 20)).toEqual({
      zoneId: 'z1',
      parkId: 'p1',
      sort: 'code',
      limit: 20,
      cursor: 'c2',
    });
  });

  it('goes back to page one when a filter changes, and drops the park with the zone', () => {
    const onPage3 = { ...emptyState(), zoneId: 'z1', parkId: 'p1', cursors: ['c1', 'c2'] };
    expect(withChanges(onPage3, { unitClass: ['quality'] }).cursors).toEqual([]);
    const otherZone = withChanges(onPage3, { zoneId: 'z2' });
    expect(otherZone.parkId).toBeNull();
    expect(withChanges(onPage3, { sort: '-code' }).parkId).toBe('p1');
  });

  it('keeps a stack of cursors for next and previous', () => {
    const first = emptyState();
    const second = nextPage(first, 'n1');
    const third = nextPage(second, 'n2');
    expect(third.cursors).toEqual(['n1', 'n2']);
    expect(previousPage(third)).toEqual(second);
    expect(previousPage(second)).toEqual(first);
  });

  it('toggles a column between ascending and descending', () => {
    expect(toggleSort('code', 'code')).toBe('-code');
    expect(toggleSort('-code', 'code')).toBe('code');
    expect(toggleSort('-code', 'grossArea')).toBe('grossArea');
  });

  it('shows inexact totals as 10,000+', () => {
    expect(formatTotal({ value: 10000, exact: false }, 'en')).toBe('10,000+');
    expect(formatTotal({ value: 42, exact: true }, 'zh-CN')).toBe('42');
  });
});
