import { describe, expect, it } from 'vitest';
import { creditCodeState } from './credit-code-state';

/** A valid code (the GB 32100-2015 example); its check character is 3. */
const VALID = '91350100M000100Y43';

describe('creditCodeState', () => {
  it('says nothing about an empty field until it has been left', () => {
    expect(creditCodeState('', false)).toEqual({ kind: 'idle' });
    expect(creditCodeState('   ', true)).toEqual({ kind: 'invalid', reason: 'empty' });
  });

  it('counts characters while a plausible code is being typed', () => {
    expect(creditCodeState('9135', false)).toEqual({ kind: 'typing', count: 4 });
    expect(creditCodeState('91350100M', false)).toEqual({ kind: 'typing', count: 9 });
  });

  it('calls a short code too short once the field has been left', () => {
    expect(creditCodeState('91350100M', true)).toEqual({ kind: 'invalid', reason: 'length' });
  });

  it('reports problems no further typing can fix at once', () => {
    expect(creditCodeState('91I', false)).toEqual({ kind: 'invalid', reason: 'charset' });
    expect(creditCodeState('B1', false)).toEqual({
      kind: 'invalid',
      reason: 'registration_authority',
    });
    expect(creditCodeState('94', false)).toEqual({
      kind: 'invalid',
      reason: 'organization_category',
    });
    expect(creditCodeState('9135A', false)).toEqual({ kind: 'invalid', reason: 'region' });
  });

  it('does not blame the second character before it is typed', () => {
    expect(creditCodeState('9', false)).toEqual({ kind: 'typing', count: 1 });
  });

  it('accepts a valid code, normalised from lower case, spaces and full-width digits', () => {
    expect(creditCodeState(VALID, false)).toEqual({ kind: 'valid', code: VALID });
    expect(creditCodeState(' 9135 0100m000100y43 ', false)).toEqual({ kind: 'valid', code: VALID });
    expect(creditCodeState('９１350100M000100Y43', false)).toEqual({ kind: 'valid', code: VALID });
  });

  it('finds a typo through the check character', () => {
    expect(creditCodeState('91350100M000100Y44', false)).toEqual({
      kind: 'invalid',
      reason: 'check_character',
    });
  });

  it('calls a code that is too long too long at once', () => {
    expect(creditCodeState(`${VALID}1`, false)).toEqual({ kind: 'invalid', reason: 'length' });
  });
});
