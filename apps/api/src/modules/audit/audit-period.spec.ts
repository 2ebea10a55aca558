import { chinaDayRange } from './audit-period';

describe('chinaDayRange', () => {
  it('starts `from` at midnight China time (16:00 UTC the day before)', () => {
    expect(chinaDayRange('2026-03-01').start?.toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  it('ends `to` at the end of that day in China, exclusive', () => {
    expect(chinaDayRange(undefined, '2026-03-31').end?.toISOString()).toBe(
      '2026-03-31T16:00:00.000Z',
    );
  });

  it('covers one whole China day when from = to', () => {
    const { start, end } = chinaDayRange('2024-02-29', '2024-02-29');
    expect(end!.getTime() - start!.getTime()).toBe(86_400_000);
    // 23:59 on 29 Feb in China is inside, 00:00 on 1 Mar is not
    const lastMinute = new Date('2024-02-29T23:59:00+08:00').getTime();
    expect(lastMinute >= start!.getTime() && lastMinute < end!.getTime()).toBe(true);
    expect(new Date('2024-03-01T00:00:00+08:00').getTime()).toBe(end!.getTime());
  });

  it('leaves open ends open', () => {
    expect(chinaDayRange()).toEqual({});
  });
});
