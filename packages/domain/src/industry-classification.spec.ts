import {
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  industryLabel,
  industrySectionOf,
  isIndustryCode,
} from './industry-classification';

describe('GB/T 4754-2017 industry classification', () => {
  it('has the 20 sections A–T and the 97 divisions 01–97, in order and without gaps', () => {
    expect(INDUSTRY_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(INDUSTRY_DIVISIONS.map((d) => d.code)).toEqual(
      Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(new Set(INDUSTRY_SECTIONS.map((s) => s.code)).size).toBe(20);
    expect(new Set(INDUSTRY_DIVISIONS.map((d) => d.code)).size).toBe(97);
  });

  it('places every division in an existing section, and every section has divisions', () => {
    const sections = new Set(INDUSTRY_SECTIONS.map((s) => s.code));
    for (const division of INDUSTRY_DIVISIONS) expect(sections.has(division.section)).toBe(true);
    for (const section of sections) {
      expect(INDUSTRY_DIVISIONS.some((d) => d.section === section)).toBe(true);
    }
  });

  it('keeps each section a contiguous range of divisions', () => {
    const order = INDUSTRY_DIVISIONS.map((d) => d.section).join('');
    expect(order).toMatch(/^A+B+C+D+E+F+G+H+I+J+K+L+M+N+O+P+Q+R+S+T+$/);
  });

  it('puts manufacturing (C) at divisions 13–43', () => {
    const manufacturing = INDUSTRY_DIVISIONS.filter((d) => d.section === 'C').map((d) =>
      Number(d.code),
    );
    expect(manufacturing).toEqual(Array.from({ length: 31 }, (_, i) => 13 + i));
  });

  it('names every entry in both languages', () => {
    for (const entry of [...INDUSTRY_SECTIONS, ...INDUSTRY_DIVISIONS]) {
      expect(entry.zh).toMatch(/^[\u4e00-\u9fff、，]+$/);
      expect(entry.en).toMatch(/^[A-Z]/);
    }
  });

  it('recognises section letters and division codes only', () => {
    expect(isIndustryCode('C')).toBe(true);
    expect(isIndustryCode('39')).toBe(true);
    expect(isIndustryCode('01')).toBe(true);
    expect(isIndustryCode('97')).toBe(true);
    for (const code of ['c', 'U', '00', '98', '1', '391', 'C39', ' 39', '', 39, null]) {
      expect(isIndustryCode(code)).toBe(false);
    }
  });

  it('finds the section of a code', () => {
    expect(industrySectionOf('39')).toBe('C');
    expect(industrySectionOf('13')).toBe('C');
    expect(industrySectionOf('59')).toBe('G');
    expect(industrySectionOf('97')).toBe('T');
    expect(industrySectionOf('C')).toBe('C');
    expect(industrySectionOf('98')).toBeNull();
  });

  it('labels codes with the code and the name', () => {
    expect(industryLabel('C', 'zh-CN')).toBe('C 制造业');
    expect(industryLabel('39', 'zh-CN')).toBe('39 计算机、通信和其他电子设备制造业');
    expect(industryLabel('C', 'en')).toBe('C Manufacturing');
    expect(industryLabel('59', 'zh-CN')).toBe('59 装卸搬运和仓储业');
    expect(industryLabel('99', 'en')).toBeNull();
  });
});
