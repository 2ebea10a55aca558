import { createHash } from 'node:crypto';
import { toErrorResponse } from '../errors/error-response';
import { canonicalJson, parseIdempotencyKey, requestHash } from './idempotency-key';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    const { status, body } = toErrorResponse(error, 'en');
    return { status, code: body.code, message: body.message };
  }
  throw new Error('expected a refusal');
}

describe('parseIdempotencyKey', () => {
  it('is null without the header (the route behaves as without @Idempotent)', () => {
    expect(parseIdempotencyKey(undefined)).toBeNull();
  });

  it.each([
    ['a uuid', '0b0f7c4e-6f1d-4a51-9e0a-0d5b0c1f2a33'],
    ['one character', 'x'],
    ['200 characters', 'k'.repeat(200)],
    ['every visible ASCII character', '!"#$%&\'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~'],
  ])('accepts %s', (_name, key) => {
    expect(parseIdempotencyKey(key)).toBe(key);
  });

  it.each([
    ['empty', ''],
    ['201 characters', 'k'.repeat(201)],
    ['a space', 'two words'],
    ['a tab', 'a\tb'],
    ['a control character', 'a\u0001b'],
    ['DEL', 'a\u007fb'],
    ['non-ASCII', 'clé'],
    ['Chinese', '幂等键'],
  ])('refuses %s with 400 IDEMPOTENCY_KEY_INVALID', (_name, key) => {
    expect(refusal(() => parseIdempotencyKey(key))).toEqual({
      status: 400,
      code: 'IDEMPOTENCY_KEY_INVALID',
      message:
        'The Idempotency-Key header is invalid: use 1–200 visible ASCII characters (no spaces)',
    });
  });

  it('refuses the header sent as a list', () => {
    expect(refusal(() => parseIdempotencyKey(['a', 'b'])).code).toBe('IDEMPOTENCY_KEY_INVALID');
  });

  it('says so in Chinese too', () => {
    try {
      parseIdempotencyKey('');
    } catch (error) {
      expect(toErrorResponse(error, 'zh-CN').body.message).toBe(
        'Idempotency-Key 请求头无效：须为 1–200 个可见 ASCII 字符（不含空格）',
      );
    }
    expect.assertions(1);
  });
});

describe('canonicalJson', () => {
  it('sorts the keys of every object, at any depth, and drops whitespace', () => {
    const a = JSON.parse('{ "b": 1, "a": { "y": [ {"d": 1, "c": 2} ], "x": null } }') as unknown;
    expect(canonicalJson(a)).toBe('{"a":{"x":null,"y":[{"c":2,"d":1}]},"b":1}');
  });

  it('sorts keys by code unit, integer-like keys included (not in JS property order)', () => {
    expect(canonicalJson({ b: 1, 10: 2, 2: 3, A: 4 })).toBe('{"10":2,"2":3,"A":4,"b":1}');
  });

  it('keeps array order, which is meaningful', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('writes scalars like JSON.stringify', () => {
    expect(canonicalJson('租金 "面议"\n')).toBe(JSON.stringify('租金 "面议"\n'));
    expect(canonicalJson(1.5)).toBe('1.5');
    expect(canonicalJson(1e21)).toBe('1e+21');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('follows JSON.stringify for undefined members, toJSON and non-finite numbers', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, NaN], c: new Date(0) })).toBe(
      '{"b":[null,null],"c":"1970-01-01T00:00:00.000Z"}',
    );
  });

  it('tells apart values JSON.stringify tells apart', () => {
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
    expect(canonicalJson({ 'a,"b"': 1 })).not.toBe(canonicalJson({ a: 1, b: 1 }));
  });
});

describe('requestHash', () => {
  const body = { unitId: 'u', termMonths: 36, profile: { highTech: false, leadingIndustry: true } };

  it('is the sha256 of method, target and canonical body', () => {
    expect(requestHash('post', '/api/v1/firms/me/quotes', body)).toBe(
      sha256(`POST /api/v1/firms/me/quotes\n${canonicalJson(body)}`),
    );
    expect(requestHash('POST', '/x', body)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same for the same body in another key order', () => {
    const reordered = {
      profile: { leadingIndustry: true, highTech: false },
      termMonths: 36,
      unitId: 'u',
    };
    expect(requestHash('POST', '/x', reordered)).toBe(requestHash('POST', '/x', body));
  });

  it('differs with the method, the path, the query or the body', () => {
    const base = requestHash('POST', '/api/v1/applications/a/approve', body);
    expect(requestHash('PUT', '/api/v1/applications/a/approve', body)).not.toBe(base);
    expect(requestHash('POST', '/api/v1/applications/b/approve', body)).not.toBe(base);
    expect(requestHash('POST', '/api/v1/applications/a/approve?x=1', body)).not.toBe(base);
    expect(
      requestHash('POST', '/api/v1/applications/a/approve', { ...body, termMonths: 24 }),
    ).not.toBe(base);
  });

  it('tells no body apart from a JSON null body', () => {
    expect(requestHash('DELETE', '/x', undefined)).not.toBe(requestHash('DELETE', '/x', null));
  });
});
