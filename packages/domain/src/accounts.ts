import type { Locale } from './labels';

/**
 * Account vocabulary shared by the API and the web app. Like the dossier enums, the string values
 * are stored in PostgreSQL and sent over the API: never rename one without a migration.
 */

/** Who a user is on the platform. */
export const USER_ROLES = ['firm', 'staff', 'zone_admin', 'super_admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A firm user's place in the firm's account. */
export const FIRM_MEMBER_ROLES = ['owner', 'member'] as const;
export type FirmMemberRole = (typeof FIRM_MEMBER_ROLES)[number];

export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** 中小企业划型: enterprise size under the SME classification rules (大型/中型/小型/微型). */
export const FIRM_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type FirmSize = (typeof FIRM_SIZES)[number];

/** 专精特新: municipal, provincial, or the national "little giant" (国家级专精特新"小巨人"). */
export const SPECIALISED_LEVELS = ['municipal', 'provincial', 'national_little_giant'] as const;
export type SpecialisedLevel = (typeof SPECIALISED_LEVELS)[number];

/** What an invitation makes of the person who accepts it. */
export const INVITATION_ROLES = ['staff', 'zone_admin', 'firm_member'] as const;
export type InvitationRole = (typeof INVITATION_ROLES)[number];

// ---------------------------------------------------------------------------------------------
// Sign-in identifiers: e-mail address or mainland mobile number

export const EMAIL_MAX_LENGTH = 254;

/** Trims and lower-cases an e-mail address. */
export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase();
}

/**
 * A pragmatic e-mail check, not RFC 5322: at most 254 characters, no whitespace, exactly one @,
 * a non-empty local part, and a domain with a dot between non-empty labels. Surrounding spaces
 * are ignored.
 */
export function isEmail(input: string): boolean {
  const email = input.trim();
  if (email.length === 0 || email.length > EMAIL_MAX_LENGTH || /\s/.test(email)) return false;
  const parts = email.split('@');
  if (parts.length !== 2) return false;
  const [local, domain] = parts as [string, string];
  if (local.length === 0 || local.length > 64) return false;
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((label) => label.length > 0);
}

/** Removes spaces and hyphens and a leading +86 or 0086 country code. */
export function normalizeMobile(input: string): string {
  const compact = input.replace(/[\s\-‐‑–—]/g, '');
  if (compact.startsWith('+86')) return compact.slice(3);
  if (compact.startsWith('0086')) return compact.slice(4);
  return compact;
}

/** A mainland China mobile number: 11 digits starting 13–19, after normalising. */
export function isChineseMobile(input: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizeMobile(input));
}

/** Whether a sign-in identifier is an e-mail address, a mobile number, or neither. */
export function identifierKind(input: string): 'email' | 'mobile' | null {
  if (isEmail(input)) return 'email';
  if (isChineseMobile(input)) return 'mobile';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Passwords, after NIST SP 800-63B: a length floor, a generous ceiling, a block list and no
// composition rules (no "must contain a digit and a symbol").

export const PASSWORD_POLICY = { minLength: 10, maxLength: 128 } as const;

export const PASSWORD_PROBLEMS = [
  'too_short',
  'too_long',
  'common',
  'contains_identity',
  'repetitive',
] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

export interface PasswordContext {
  email?: string;
  mobile?: string;
  displayName?: string;
}

/**
 * Passwords seen most often in leaked lists, international and Chinese, compared
 * case-insensitively. Short ones are refused for their length anyway; they are kept so the list
 * stays right if the length floor is ever lowered.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  // the perennial top of the lists
  '123456',
  '123456789',
  '12345678',
  '12345',
  '1234567',
  '1234567890',
  '12345678910',
  '123123',
  '123123123',
  '111111',
  '000000',
  '666666',
  '888888',
  '654321',
  '987654321',
  '9876543210',
  '0123456789',
  '123321',
  '1234554321',
  '123654789',
  '147258369',
  '1472583690',
  '147852369',
  '159357',
  '159753',
  '789456123',
  '7894561230',
  '1q2w3e4r',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  'q1w2e3r4t5',
  'q1w2e3r4t5y6',
  '1qaz2wsx',
  '1qaz2wsx3edc',
  '1qaz@wsx',
  '1qaz@wsx3edc',
  '!qaz2wsx',
  '!qaz@wsx',
  'zaq12wsx',
  'zaq1xsw2',
  'zaq12wsxcde3',
  'qazwsx',
  'qazwsxedc',
  'qazwsxedcrfv',
  'qwerty',
  'qwerty123',
  'qwerty1234',
  'qwerty12345',
  'qwerty123456',
  'qwertyuiop',
  'qwertyuiop123',
  'qwer1234',
  'qwer123456',
  'qwerasdf',
  'qwerasdfzxcv',
  'qweasdzxc',
  'qweasdzxc123',
  '123qweasdzxc',
  'qwe123',
  'qwe123456',
  'qwe123456789',
  'asdfghjkl',
  'asdfghjkl123',
  'asdf1234',
  'asd123456',
  'asd123456789',
  'zxcvbnm',
  'zxcvbnm123',
  'zxc123456',
  'zxc123456789',
  'abc123',
  'abc123456',
  'abc1234567',
  'abc123456789',
  'abcd1234',
  'abcd123456',
  'abcd12345678',
  'abcdefg',
  'abcdefgh',
  'abcdefghij',
  'a123456',
  'a12345678',
  'a123456789',
  'a1234567890',
  'a1b2c3d4',
  'a1b2c3d4e5',
  'aa123456',
  'aa123456789',
  'aaa123456',
  'aaaaaa',
  'aaaaaaaaaa',
  '1234qwer',
  '1234abcd',
  '123456abc',
  '123456aa',
  '123456qq',
  '123456789a',
  '123456789q',
  '12345678a',
  '1234567890a',
  '1234567890q',
  'password',
  'password1',
  'password12',
  'password123',
  'password1234',
  'password!',
  'passw0rd',
  'passw0rd123',
  'p@ssw0rd',
  'p@ssw0rd123',
  'p@ssword',
  'p@ssword123',
  'pass1234',
  'pass123456',
  'admin',
  'admin123',
  'admin1234',
  'admin12345',
  'admin123456',
  'administrator',
  'root123456',
  'test123456',
  'welcome',
  'welcome1',
  'welcome123',
  'letmein',
  'letmein123',
  'iloveyou',
  'iloveyou1',
  'iloveyou123',
  'iloveyou1314',
  'sunshine',
  'sunshine123',
  'princess',
  'princess123',
  'football',
  'football123',
  'baseball',
  'baseball123',
  'superman',
  'superman123',
  'monkey123',
  'dragon123',
  'master123',
  'michael123',
  'shadow123',
  'computer',
  'computer123',
  'internet',
  'changeme',
  'changeme123',
  'trustno1',
  'whatever',
  'starwars',
  'freedom123',
  // Chinese favourites: 我爱你 (woaini), 1314 (一生一世), 520 (我爱你), surnames in pinyin, QQ
  'woaini',
  'woaini1314',
  'woaini520',
  'woaini123',
  'woaini123456',
  'woaini1314520',
  'woaini5201314',
  'woaiwojia',
  'woaiwojia123',
  'woainima',
  'woshishui',
  'wo123456',
  'wo123456789',
  'aini1314',
  'aini1314520',
  'aini5201314',
  '5201314',
  '52013145201314',
  '5201314520',
  '1314520',
  '1314520520',
  '13145201314520',
  'nihao123',
  'nihao123456',
  'zhang123456',
  'wang123456',
  'li123456',
  'li123456789',
  'liu123456',
  'chen123456',
  'yang123456',
  'huang123456',
  'zhao123456',
  'wangyang',
  'wangyang123',
  'zhangwei',
  'zhangwei123',
  'qq123456',
  'qq123456789',
  'qq5201314',
  'qwe5201314',
  'yang1314',
  'love1314',
  'love5201314',
  'iloveu1314',
  'xiaoming123',
  'zhongguo',
  'zhongguo123',
  'china123',
  'china123456',
  'beijing',
  'beijing123',
  'shanghai123',
  '31415926',
  '3141592653',
  '1122334455',
  '1111122222',
  '1234512345',
  '1212121212',
  '1313131313',
  '0000000000',
  '1111111111',
  '8888888888',
  '6666666666',
]);

/** True when the password is one of the built-in most common passwords (any letter case). */
export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

function codePoints(value: string): number[] {
  return Array.from(value, (char) => char.codePointAt(0)!);
}

/**
 * A single character repeated, or a straight run going up or down by one throughout
 * (abcdefghij, 9876543210); digits may wrap around, so 7890123456 counts as a run.
 */
function isRepetitive(password: string): boolean {
  const points = codePoints(password.toLowerCase());
  if (points.length < 2) return false;
  if (points.every((point) => point === points[0])) return true;
  const isDigit = (point: number) => point >= 48 && point <= 57;
  const step = (from: number, to: number): number | null => {
    if (isDigit(from) && isDigit(to)) {
      const diff = (to - from + 10) % 10;
      return diff === 1 ? 1 : diff === 9 ? -1 : null;
    }
    const diff = to - from;
    return diff === 1 || diff === -1 ? diff : null;
  };
  const direction = step(points[0]!, points[1]!);
  if (direction === null) return false;
  for (let i = 2; i < points.length; i += 1) {
    if (step(points[i - 1]!, points[i]!) !== direction) return false;
  }
  return true;
}

function containsIdentity(password: string, context: PasswordContext): boolean {
  const haystack = password.toLowerCase();
  const needles: string[] = [];
  if (context.email) {
    const local = normalizeEmail(context.email).split('@')[0] ?? '';
    if (Array.from(local).length >= 3) needles.push(local);
  }
  if (context.mobile) {
    const mobile = normalizeMobile(context.mobile);
    if (mobile.length >= 3) needles.push(mobile);
  }
  if (context.displayName) {
    const name = context.displayName.replace(/\s+/g, '').toLowerCase();
    if (Array.from(name).length >= 2) needles.push(name);
  }
  const compactHaystack = haystack.replace(/\s+/g, '');
  return needles.some((needle) => haystack.includes(needle) || compactHaystack.includes(needle));
}

/**
 * Checks a new password. Returns every problem found, in the order of `PASSWORD_PROBLEMS`; an
 * empty list means the password is acceptable. Length counts characters (code points), so a
 * Chinese passphrase counts one per character.
 *
 * - too_short / too_long: outside `PASSWORD_POLICY`;
 * - common: on the built-in list of the most common passwords, any letter case;
 * - contains_identity: contains the e-mail local part (when it has 3 or more characters), the
 *   mobile number, or the display name (2 or more characters, spaces ignored);
 * - repetitive: one character repeated, or an ascending or descending run, for the whole password.
 */
export function checkPassword(password: string, context: PasswordContext = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = Array.from(password).length;
  if (length < PASSWORD_POLICY.minLength) problems.push('too_short');
  if (length > PASSWORD_POLICY.maxLength) problems.push('too_long');
  if (isCommonPassword(password)) problems.push('common');
  if (containsIdentity(password, context)) problems.push('contains_identity');
  if (isRepetitive(password)) problems.push('repetitive');
  return problems;
}

const PASSWORD_MESSAGES: Record<PasswordProblem, Record<Locale, string>> = {
  too_short: {
    'zh-CN': `密码至少需要 ${PASSWORD_POLICY.minLength} 个字符`,
    en: `Use at least ${PASSWORD_POLICY.minLength} characters`,
  },
  too_long: {
    'zh-CN': `密码不能超过 ${PASSWORD_POLICY.maxLength} 个字符`,
    en: `Use at most ${PASSWORD_POLICY.maxLength} characters`,
  },
  common: {
    'zh-CN': '这是最常见的密码之一，很容易被猜到，请换一个',
    en: 'This is one of the most common passwords and easy to guess; choose another',
  },
  contains_identity: {
    'zh-CN': '密码不能包含您的邮箱、手机号或姓名',
    en: 'The password must not contain your e-mail, mobile number or name',
  },
  repetitive: {
    'zh-CN': '密码不能是重复字符或连续字符(如 aaaaaaaaaa、1234567890)',
    en: 'The password must not be one repeated character or a simple sequence (like 1234567890)',
  },
};

/** A message explaining a password problem, for the form field. */
export function passwordProblemMessage(problem: PasswordProblem, locale: Locale): string {
  return PASSWORD_MESSAGES[problem][locale];
}
