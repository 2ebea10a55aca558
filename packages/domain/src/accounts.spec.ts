import fc from 'fast-check';
import {
  FIRM_MEMBER_ROLES,
  FIRM_SIZES,
  INVITATION_ROLES,
  PASSWORD_POLICY,
  PASSWORD_PROBLEMS,
  SPECIALISED_LEVELS,
  USER_ROLES,
  USER_STATUSES,
  checkPassword,
  identifierKind,
  isChineseMobile,
  isCommonPassword,
  isEmail,
  normalizeEmail,
  normalizeMobile,
  passwordProblemMessage,
} from './accounts';
import {
  FIRM_MEMBER_ROLE_LABELS,
  FIRM_SIZE_LABELS,
  INVITATION_ROLE_LABELS,
  SPECIALISED_LEVEL_LABELS,
  USER_ROLE_LABELS,
  USER_STATUS_LABELS,
} from './labels';

describe('account vocabulary', () => {
  it('labels every value in both locales', () => {
    const pairs: [readonly string[], Record<string, Record<string, string>>][] = [
      [USER_ROLES, USER_ROLE_LABELS],
      [FIRM_MEMBER_ROLES, FIRM_MEMBER_ROLE_LABELS],
      [USER_STATUSES, USER_STATUS_LABELS],
      [FIRM_SIZES, FIRM_SIZE_LABELS],
      [SPECIALISED_LEVELS, SPECIALISED_LEVEL_LABELS],
      [INVITATION_ROLES, INVITATION_ROLE_LABELS],
    ];
    for (const [values, labels] of pairs) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const value of values) {
        expect(labels[value]!['zh-CN']).toMatch(/\S/);
        expect(labels[value]!.en).toMatch(/\S/);
      }
    }
    expect(USER_ROLE_LABELS.zone_admin['zh-CN']).toBe('开发区管理员');
    expect(FIRM_SIZE_LABELS.micro['zh-CN']).toBe('微型企业');
  });
});

describe('sign-in identifiers', () => {
  it('normalises and recognises e-mail addresses', () => {
    expect(normalizeEmail('  Li.Wei@Example.COM ')).toBe('li.wei@example.com');
    expect(isEmail('li.wei@example.com')).toBe(true);
    expect(isEmail(' li.wei+zone@mail.example.com.cn ')).toBe(true);
    for (const bad of [
      '',
      'li.wei',
      'li.wei@example',
      'li@wei@example.com',
      'li wei@example.com',
      '@example.com',
      'li.wei@.com',
      'li.wei@example.',
      'li.wei@example..com',
      `${'a'.repeat(64)}@${'b'.repeat(186)}.com`,
    ]) {
      expect({ bad, ok: isEmail(bad) }).toEqual({ bad, ok: false });
    }
    expect(isEmail(`${'a'.repeat(64)}@${'b'.repeat(185)}.com`)).toBe(true);
  });

  it('normalises and recognises mainland mobile numbers', () => {
    expect(normalizeMobile('+86 138-0013-8000')).toBe('13800138000');
    expect(normalizeMobile('0086 13800138000')).toBe('13800138000');
    expect(isChineseMobile('138 0013 8000')).toBe(true);
    expect(isChineseMobile('+8619912345678')).toBe(true);
    for (const bad of ['12800138000', '1380013800', '138001380000', '0356-5221234', 'abc']) {
      expect({ bad, ok: isChineseMobile(bad) }).toEqual({ bad, ok: false });
    }
  });

  it('tells e-mail from mobile', () => {
    expect(identifierKind('li.wei@example.com')).toBe('email');
    expect(identifierKind('+86 138 0013 8000')).toBe('mobile');
    expect(identifierKind('li.wei')).toBeNull();
    expect(identifierKind('')).toBeNull();
  });
});

describe('password policy', () => {
  it('accepts a long passphrase without composition rules', () => {
    expect(checkPassword('correct horse battery staple')).toEqual([]);
    expect(checkPassword('厂房通的密码很长很长')).toEqual([]);
    expect(checkPassword('a'.repeat(PASSWORD_POLICY.minLength - 1) + 'b')).toEqual([]);
  });

  it('enforces the length limits in characters', () => {
    expect(checkPassword('tr0ub4dor')).toEqual(['too_short']);
    expect(checkPassword('x'.repeat(5) + 'y'.repeat(124))).toEqual(['too_long']);
    expect(checkPassword('x'.repeat(64) + 'y'.repeat(64))).toEqual([]);
    expect(checkPassword('开发区厂房招商很方便')).toEqual([]);
    expect(checkPassword('开发区厂房招商方便')).toEqual(['too_short']);
  });

  it('refuses common passwords in any letter case', () => {
    for (const common of ['woaini1314', 'QWERTYUIOP', 'Password123', 'a123456789']) {
      expect(checkPassword(common)).toContain('common');
      expect(isCommonPassword(common)).toBe(true);
    }
    expect(checkPassword('1234567890')).toEqual(['common', 'repetitive']);
    expect(checkPassword('qwerty')).toEqual(['too_short', 'common']);
    expect(isCommonPassword('a-rare-passphrase')).toBe(false);
  });

  it('refuses repeated characters and straight runs', () => {
    for (const run of ['zzzzzzzzzzzz', 'abcdefghijk', 'KJIHGFEDCBA', '7890123456', '6543210987']) {
      expect({ run, problems: checkPassword(run) }).toEqual({ run, problems: ['repetitive'] });
    }
    expect(checkPassword('abcdefghijkm')).toEqual([]);
    expect(checkPassword('13579135791')).toEqual([]);
  });

  it('refuses a password containing the user’s identity', () => {
    const context = {
      email: 'Zhang.Min@example.com',
      mobile: '+86 139 1234 5678',
      displayName: 'Zhang Min',
    };
    expect(checkPassword('my-zhang.min-secret', context)).toEqual(['contains_identity']);
    expect(checkPassword('call 13912345678 now', context)).toEqual(['contains_identity']);
    expect(checkPassword('ZhangMin rents a factory', context)).toEqual(['contains_identity']);
    expect(checkPassword('zhang min rents a factory', context)).toEqual(['contains_identity']);
    expect(checkPassword('a factory for rent in gaoping', context)).toEqual([]);
    expect(checkPassword('张敏租厂房的密码', { displayName: '张敏' })).toEqual([
      'too_short',
      'contains_identity',
    ]);
    // A local part of fewer than 3 characters is too common a substring to refuse.
    expect(checkPassword('a-long-enough-passphrase', { email: 'ng@example.com' })).toEqual([]);
  });

  it('judges length by characters and reports problems in a stable order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 140 }), (password) => {
        const problems = checkPassword(password);
        const length = Array.from(password).length;
        expect(problems.includes('too_short')).toBe(length < PASSWORD_POLICY.minLength);
        expect(problems.includes('too_long')).toBe(length > PASSWORD_POLICY.maxLength);
        const order = problems.map((p) => PASSWORD_PROBLEMS.indexOf(p));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(new Set(problems).size).toBe(problems.length);
      }),
    );
  });

  it('explains every problem in both locales', () => {
    expect(passwordProblemMessage('too_short', 'zh-CN')).toBe('密码至少需要 10 个字符');
    expect(passwordProblemMessage('too_short', 'en')).toBe('Use at least 10 characters');
    for (const problem of PASSWORD_PROBLEMS) {
      expect(passwordProblemMessage(problem, 'zh-CN')).toMatch(/\S/);
      expect(passwordProblemMessage(problem, 'en')).toMatch(/\S/);
    }
  });
});
