import fc from 'fast-check';
import {
  fenToYuan,
  formatArea,
  formatRentPerM2,
  knPerM2ToTonnesPerM2,
  tonnesPerM2ToKnPerM2,
  yuanToFen,
} from './measures';

describe('measures', () => {
  it('converts t/m² to kN/m² with standard gravity', () => {
    expect(tonnesPerM2ToKnPerM2(1)).toBe(9.81);
    expect(tonnesPerM2ToKnPerM2(3)).toBe(29.42);
    expect(knPerM2ToTonnesPerM2(30)).toBe(3.06);
  });

  it('round-trips fen through yuan exactly for every integer amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toBe(fen);
      }),
    );
  });

  it('rounds yuan to the nearest fen, half away from zero', () => {
    expect(yuanToFen(12.345)).toBe(1235);
    expect(yuanToFen(-12.345)).toBe(-1235);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
  });

  it('formats areas and rents for each locale', () => {
    expect(formatArea(185000, 'zh-CN')).toBe('18.5万㎡');
    expect(formatArea(3200.5, 'en')).toBe('3,200.5 ㎡');
    expect(formatRentPerM2(1250, 'zh-CN')).toBe('12.50 元/㎡·月');
    expect(formatRentPerM2(1250, 'en')).toBe('¥12.50 /m²/month');
  });
});
