import type { Locale } from './labels';

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015, the 18-character identifier
 * printed on every business licence and registration certificate:
 *
 * | position | meaning                                                     |
 * | -------- | ----------------------------------------------------------- |
 * | 1        | registration authority (登记管理部门代码)                   |
 * | 2        | organization category (机构类别代码)                        |
 * | 3–8      | administrative division of the registering office (GB/T 2260) |
 * | 9–17     | subject identifier, the former organization code (主体标识码) |
 * | 18       | check character (校验码)                                    |
 */

/**
 * The 31 characters a code may use, in value order: digits and capital letters without I, O, Z,
 * S and V. A character's index here is its value in the check-character computation.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export const CREDIT_CODE_LENGTH = 18;

/**
 * Registration authority (position 1) → the organization categories (position 2) it issues,
 * after the table of GB 32100-2015 together with the codes A and N assigned since 2015:
 *
 * | 1 | 机构编制 establishment offices | 1 机关, 2 事业单位, 3 中央编办直接管理机构编制的群众团体, 9 其他 |
 * | 2 | 外交 foreign affairs           | 1 外国常驻新闻机构, 9 其他 |
 * | 3 | 司法行政 justice               | 1 律师执业机构, 2 公证处, 3 基层法律服务所, 4 司法鉴定机构, 5 仲裁委员会, 9 其他 |
 * | 4 | 文化 culture                   | 1 外国在华文化中心, 9 其他 |
 * | 5 | 民政 civil affairs             | 1 社会团体, 2 民办非企业单位, 3 基金会, 9 其他 |
 * | 6 | 旅游 tourism                   | 1 外国旅游部门常驻代表机构, 2 港澳台地区旅游部门常驻内地（大陆）代表机构, 9 其他 |
 * | 7 | 宗教 religious affairs         | 1 宗教活动场所, 2 宗教院校, 9 其他 |
 * | 8 | 工会 trade unions              | 1 基层工会, 9 其他 |
 * | 9 | 工商 market regulation         | 1 企业, 2 个体工商户, 3 农民专业合作社 |
 * | A | 中央军委改革和编制办公室        | 1 军队事业单位, 9 其他 |
 * | N | 农业 agriculture               | 1 组级集体经济组织, 2 村级集体经济组织, 3 乡镇级集体经济组织, 9 其他 |
 * | Y | 其他 other authorities         | 1 (no further categories) |
 */
export const CREDIT_CODE_ORGANIZATION_CATEGORIES: Readonly<Record<string, string>> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};

/** Weight of position i (1-based) is 3^(i-1) mod 31. */
const WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let weight = 1;
  for (let k = 0; k < i; k += 1) weight = (weight * 3) % 31;
  return weight;
});

export const CREDIT_CODE_PROBLEMS = [
  'empty',
  'length',
  'charset',
  'registration_authority',
  'organization_category',
  'region',
  'check_character',
] as const;
export type CreditCodeProblem = (typeof CREDIT_CODE_PROBLEMS)[number];

export type CreditCodeCheck =
  { valid: true; code: string } | { valid: false; reason: CreditCodeProblem };

/**
 * Removes spaces and hyphens anywhere (so also trims) and upper-cases. Full-width characters typed
 * with a Chinese input method (９１３５…) become their ASCII forms first.
 */
export function normalizeCreditCode(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\-‐‑–—]/g, '')
    .toUpperCase();
}

function charValue(char: string): number {
  return CREDIT_CODE_CHARSET.indexOf(char);
}

/**
 * The check character (position 18) for the first 17 characters:
 * C18 = 31 − (Σ value_i × W_i mod 31), with 31 written as 0.
 * Throws if the input is not 17 characters of the charset (after normalising).
 */
export function creditCodeCheckCharacter(first17: string): string {
  const body = normalizeCreditCode(first17);
  if (body.length !== 17) {
    throw new RangeError('creditCodeCheckCharacter needs the first 17 characters of a code');
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = charValue(body[i]!);
    if (value < 0) {
      throw new RangeError(`Character ${body[i]} is not allowed in a unified social credit code`);
    }
    sum += value * WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * Checks a unified social credit code. Problems are reported in a fixed order (empty, length,
 * charset, authority, category, region, check character) and only the first is returned. The
 * region (positions 3–8) must be six digits; it is not checked against the list of divisions,
 * which changes as divisions are redrawn.
 */
export function checkCreditCode(input: string): CreditCodeCheck {
  const code = normalizeCreditCode(input);
  if (code.length === 0) return { valid: false, reason: 'empty' };
  if (code.length !== CREDIT_CODE_LENGTH) return { valid: false, reason: 'length' };
  for (const char of code) {
    if (charValue(char) < 0) return { valid: false, reason: 'charset' };
  }
  const categories = CREDIT_CODE_ORGANIZATION_CATEGORIES[code[0]!];
  if (categories === undefined) return { valid: false, reason: 'registration_authority' };
  if (!categories.includes(code[1]!)) return { valid: false, reason: 'organization_category' };
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { valid: false, reason: 'region' };
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) {
    return { valid: false, reason: 'check_character' };
  }
  return { valid: true, code };
}

/** True when the input, once normalised, is a valid unified social credit code. */
export function isCreditCode(input: string): boolean {
  return checkCreditCode(input).valid;
}

const PROBLEM_MESSAGES: Record<CreditCodeProblem, Record<Locale, string>> = {
  empty: {
    'zh-CN': '请填写统一社会信用代码',
    en: 'Enter the unified social credit code',
  },
  length: {
    'zh-CN': '统一社会信用代码应为18位',
    en: 'A unified social credit code has 18 characters',
  },
  charset: {
    'zh-CN': '统一社会信用代码只能包含数字和大写字母(不含 I、O、Z、S、V)',
    en: 'A unified social credit code uses only digits and capital letters other than I, O, Z, S and V',
  },
  registration_authority: {
    'zh-CN': '第1位登记管理部门代码不正确',
    en: 'The first character (registration authority) is not valid',
  },
  organization_category: {
    'zh-CN': '第2位机构类别代码与登记管理部门不匹配',
    en: 'The second character (organization category) does not match the registration authority',
  },
  region: {
    'zh-CN': '第3至8位应为登记机关的6位行政区划代码',
    en: 'Characters 3 to 8 must be the six-digit administrative division code',
  },
  check_character: {
    'zh-CN': '校验位不符，请检查是否有输入错误',
    en: 'The check character does not match; please look for a typo',
  },
};

/** A message explaining a problem with a unified social credit code, for a form field. */
export function creditCodeProblemMessage(reason: CreditCodeProblem, locale: Locale): string {
  return PROBLEM_MESSAGES[reason][locale];
}
