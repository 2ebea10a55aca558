import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/i18n';
import { describeQuery, searchLink } from './describe-query';

function translator(locale: 'zh-CN' | 'en') {
  const i18n = createAppI18n(locale);
  return (key: string, values?: Record<string, unknown>) =>
    values ? i18n.global.t(key, values) : i18n.global.t(key);
}

describe('describeQuery', () => {
  it('puts a saved query in words', () => {
    const query = 'q=食品&minArea=1000&utility=gas&unitClass=quality&groundFloor=true&zoneId=z1';
    expect(describeQuery(query, 'zh-CN', translator('zh-CN'))).toEqual([
      '关键词"食品"',
      '面积 ≥ 1,000 ㎡',
      '天然气',
      '优质',
      '首层',
      '1 个开发区',
    ]);
    expect(
      describeQuery('maxRentFen=1500&industry=food_processing', 'en', translator('en')),
    ).toEqual(['Rent ≤ ¥15.00 /m²/month', 'Food processing']);
    expect(describeQuery('', 'en', translator('en'))).toEqual([]);
  });
});

describe('searchLink', () => {
  it('links to the search page with the query, without the map view keys', () => {
    expect(searchLink('q=%E9%A3%9F%E5%93%81&utility=gas&view=map&zoom=12')).toBe(
      '/search?q=%E9%A3%9F%E5%93%81&utility=gas',
    );
    expect(searchLink('')).toBe('/search');
  });
});
