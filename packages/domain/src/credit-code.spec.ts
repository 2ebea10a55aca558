import fc from 'fast-check';
import {
  CREDIT_CODE_CHARSET,
  CREDIT_CODE_ORGANIZATION_CATEGORIES,
  CREDIT_CODE_PROBLEMS,
  checkCreditCode,
  creditCodeCheckCharacter,
  creditCodeProblemMessage,
  isCreditCode,
  normalizeCreditCode,
} from './credit-code';

/** Codes published on licences, in the GB 32100 literature or in python-stdnum's test list. */
const PUBLISHED_CODES = [
  '91350100M000100Y43', // the example most often cited for the standard
  '914403001922038216', // 华为技术有限公司
  '91440300708461136T', // 深圳市腾讯计算机系统有限公司
  '91330100716105852F', // 阿里巴巴(中国)有限公司
  '91110108551385082Q', // 小米科技有限责任公司
  '91440300192317458F', // 比亚迪股份有限公司
  '91110000710926094P', // 中国石油化工股份有限公司
  '91110000710925462X', // 中国石油天然气股份有限公司
  '91520000214434146R', // 贵州茅台酒股份有限公司
  '91110000600037341L', // python-stdnum's example
  '121200004013590816', // a public institution (事业单位), python-stdnum's list
  '92340602MA2PBMEM24', // an individual business (个体工商户), python-stdnum's list
  '91620105L015101280', // a letter inside the subject identifier, python-stdnum's list
];

const charsetChar = fc.constantFrom(...CREDIT_CODE_CHARSET.split(''));
const authorityAndCategory = fc.constantFrom(
  ...Object.entries(CREDIT_CODE_ORGANIZATION_CATEGORIES).flatMap(([authority, categories]) =>
    categories.split('').map((category) => authority + category),
  ),
);
const first17 = fc
  .tuple(
    authorityAndCategory,
    fc.array(fc.constantFrom(...'0123456789'.split('')), { minLength: 6, maxLength: 6 }),
    fc.array(charsetChar, { minLength: 9, maxLength: 9 }),
  )
  .map(([head, region, subject]) => head + region.join('') + subject.join(''));
const validCode = first17.map((body) => body + creditCodeCheckCharacter(body));

describe('unified social credit code', () => {
  it('uses the weights 3^(i-1) mod 31', () => {
    // A body whose only non-zero character is a 1 at position i has check character 31 − W_i.
    const expected = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    expected.forEach((weight, i) => {
      const body = '0'.repeat(i) + '1' + '0'.repeat(16 - i);
      expect(creditCodeCheckCharacter(body)).toBe(CREDIT_CODE_CHARSET[31 - weight]);
    });
    expect(creditCodeCheckCharacter('0'.repeat(17))).toBe('0');
  });

  it('accepts published codes', () => {
    for (const code of PUBLISHED_CODES) {
      expect(checkCreditCode(code)).toEqual({ valid: true, code });
      expect(creditCodeCheckCharacter(code.slice(0, 17))).toBe(code[17]);
    }
  });

  it('normalises lower case, spaces, hyphens and full-width input', () => {
    expect(normalizeCreditCode(' 91350100-m000100-y43 ')).toBe('91350100M000100Y43');
    expect(checkCreditCode('9135 0100 m000 100y 43')).toEqual({
      valid: true,
      code: '91350100M000100Y43',
    });
    expect(checkCreditCode('９１３５０１００Ｍ０００１００Ｙ４３').valid).toBe(true);
    expect(isCreditCode('91350100m000100y43')).toBe(true);
  });

  it('names the first problem found', () => {
    const cases: [string, string][] = [
      ['', 'empty'],
      ['  - ', 'empty'],
      ['91350100M000100Y4', 'length'],
      ['91350100M000100Y433', 'length'],
      ['91350100M000100I43', 'charset'],
      ['91350100M00010OY43', 'charset'],
      ['9135010-0M000100Y4#', 'charset'],
      ['B1350100M000100Y43', 'registration_authority'],
      ['01350100M000100Y43', 'registration_authority'],
      ['99350100M000100Y43', 'organization_category'],
      ['1A350100M000100Y43', 'organization_category'],
      ['Y2350100M000100Y43', 'organization_category'],
      ['9135A100M000100Y43', 'region'],
      ['91350100M000100Y44', 'check_character'],
      ['91350100M000100Y34', 'check_character'],
    ];
    for (const [input, reason] of cases) {
      expect({ input, result: checkCreditCode(input) }).toEqual({
        input,
        result: { valid: false, reason },
      });
    }
  });

  it('refuses a body that is not 17 charset characters when computing a check character', () => {
    expect(() => creditCodeCheckCharacter('9135010')).toThrow(RangeError);
    expect(() => creditCodeCheckCharacter('91350100M000100YI')).toThrow(RangeError);
  });

  it('explains every problem in both locales', () => {
    expect(creditCodeProblemMessage('length', 'zh-CN')).toBe('统一社会信用代码应为18位');
    expect(creditCodeProblemMessage('length', 'en')).toBe(
      'A unified social credit code has 18 characters',
    );
    expect(creditCodeProblemMessage('check_character', 'zh-CN')).toBe(
      '校验位不符，请检查是否有输入错误',
    );
    for (const problem of CREDIT_CODE_PROBLEMS) {
      expect(creditCodeProblemMessage(problem, 'zh-CN')).toMatch(/\S/);
      expect(creditCodeProblemMessage(problem, 'en')).toMatch(/\S/);
    }
  });

  it('accepts any well-formed body followed by its check character', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        expect(checkCreditCode(code)).toEqual({ valid: true, code });
      }),
    );
  });

  it('detects any single substituted character', () => {
    fc.assert(
      fc.property(
        validCode,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 30 }),
        (code, position, shift) => {
          const value = CREDIT_CODE_CHARSET.indexOf(code[position]!);
          const replacement = CREDIT_CODE_CHARSET[(value + shift) % 31]!;
          const typo = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(typo).not.toBe(code);
          expect(checkCreditCode(typo).valid).toBe(false);
        },
      ),
    );
  });
});
