/**
 * What the credit-code field shows while the user types: nothing yet, a character count, the
 * first problem @factoryspace/domain finds, or a tick. The rules themselves are the domain's
 * (`checkCreditCode`); this only decides when to show them.
 */
import {
  CREDIT_CODE_LENGTH,
  checkCreditCode,
  normalizeCreditCode,
  type CreditCodeProblem,
} from '@factoryspace/domain';

export type CreditCodeState =
  /** Nothing typed and not yet left (or not required). */
  | { kind: 'idle' }
  /** Still typing a code that is too short to judge; `count` characters so far. */
  | { kind: 'typing'; count: number }
  | { kind: 'valid'; code: string }
  | { kind: 'invalid'; reason: CreditCodeProblem };

/**
 * The state for `input`. A short code is "typing" until the field has been left (`touched`);
 * then it is a length problem. A problem no further typing can fix (a character outside the
 * charset, a wrong first or second character, a letter in the region digits) shows at once.
 */
export function creditCodeState(input: string, touched: boolean): CreditCodeState {
  const code = normalizeCreditCode(input);
  const check = checkCreditCode(code);
  if (check.valid) return { kind: 'valid', code: check.code };
  if (check.reason === 'empty')
    return touched ? { kind: 'invalid', reason: 'empty' } : { kind: 'idle' };
  if (check.reason === 'length' && code.length < CREDIT_CODE_LENGTH) {
    const early = earlyProblem(code);
    if (early) return { kind: 'invalid', reason: early };
    return touched ? { kind: 'invalid', reason: 'length' } : { kind: 'typing', count: code.length };
  }
  return { kind: 'invalid', reason: check.reason };
}

/**
 * A problem already certain in an incomplete code: the domain's check of the code padded with
 * zeros, kept only when the padding cannot be the cause (a zero is a valid character and a valid
 * region digit, but never a valid organization category, and the check character is unknown).
 */
function earlyProblem(partial: string): CreditCodeProblem | null {
  const padded = checkCreditCode(partial.padEnd(CREDIT_CODE_LENGTH, '0'));
  if (padded.valid) return null;
  switch (padded.reason) {
    case 'charset':
    case 'registration_authority':
    case 'region':
      return padded.reason;
    case 'organization_category':
      return partial.length >= 2 ? padded.reason : null;
    default:
      return null;
  }
}
