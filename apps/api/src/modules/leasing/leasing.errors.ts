import { HttpStatus } from '@nestjs/common';
import { TransitionError } from '@factoryspace/domain';
import { AppException } from '../../common/errors/app-exception';

export enum LeasingErrorCode {
  APPLICATION_NOT_FOUND = 'APPLICATION_NOT_FOUND',
  LEASE_NOT_FOUND = 'LEASE_NOT_FOUND',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  TRANSITION_NOT_PERMITTED = 'TRANSITION_NOT_PERMITTED',
  UNIT_NOT_AVAILABLE = 'UNIT_NOT_AVAILABLE',
  MOVE_IN_DATE_IN_PAST = 'MOVE_IN_DATE_IN_PAST',
  INVALID_ALTERNATIVES = 'INVALID_ALTERNATIVES',
  QUOTE_MISMATCH = 'QUOTE_MISMATCH',
  APPLICATION_NOT_EDITABLE = 'APPLICATION_NOT_EDITABLE',
  INVALID_LEASE_DATE = 'INVALID_LEASE_DATE',
}

/** Alternatives an application may rank besides its own unit. */
export const MAX_ALTERNATIVES = 3;

export const LeasingErrors = {
  applicationNotFound: () =>
    new AppException(HttpStatus.NOT_FOUND, LeasingErrorCode.APPLICATION_NOT_FOUND, {
      'zh-CN': '申请不存在',
      en: 'Application not found',
    }),
  leaseNotFound: () =>
    new AppException(HttpStatus.NOT_FOUND, LeasingErrorCode.LEASE_NOT_FOUND, {
      'zh-CN': '租约不存在',
      en: 'Lease not found',
    }),
  /**
   * The domain machine's refusal: 409 INVALID_TRANSITION (wrong state; details name the states
   * it is allowed from) or 403 TRANSITION_NOT_PERMITTED (wrong actor), with its own messages.
   */
  fromTransition: (error: TransitionError) =>
    new AppException(
      error.code === 'TRANSITION_NOT_PERMITTED' ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT,
      error.code,
      { 'zh-CN': error.zh, en: error.en },
      error.details,
    ),
  unitNotAvailable: (unitId: string, period: string) =>
    new AppException(
      HttpStatus.CONFLICT,
      LeasingErrorCode.UNIT_NOT_AVAILABLE,
      {
        'zh-CN': '该厂房在申请期间已有其他租约，无法批准',
        en: 'The unit already has another lease over an overlapping period; it cannot be approved',
      },
      { unitId, period },
    ),
  moveInInPast: (today: string) =>
    new AppException(
      HttpStatus.BAD_REQUEST,
      LeasingErrorCode.MOVE_IN_DATE_IN_PAST,
      {
        'zh-CN': '期望入驻日期不能早于今天',
        en: 'The desired move-in date cannot be before today',
      },
      { today },
    ),
  invalidAlternatives: (reason: 'same_unit' | 'duplicate' | 'other_zone' | 'not_found') =>
    new AppException(
      HttpStatus.BAD_REQUEST,
      LeasingErrorCode.INVALID_ALTERNATIVES,
      {
        'zh-CN': `备选厂房须为同一开发区内在租的其他厂房，最多 ${MAX_ALTERNATIVES} 个且不可重复`,
        en: `Alternatives must be up to ${MAX_ALTERNATIVES} other distinct units on the market in the same zone`,
      },
      { reason, max: MAX_ALTERNATIVES },
    ),
  quoteMismatch: (quote: { unitId: string; termMonths: number; startDate: string }) =>
    new AppException(
      HttpStatus.BAD_REQUEST,
      LeasingErrorCode.QUOTE_MISMATCH,
      {
        'zh-CN': '所选报价的厂房、租期或起租日期与申请不一致',
        en: 'The quote’s unit, term or start date differs from the application',
      },
      quote,
    ),
  notEditable: (status: string) =>
    new AppException(
      HttpStatus.CONFLICT,
      LeasingErrorCode.APPLICATION_NOT_EDITABLE,
      {
        'zh-CN': '只有草稿状态的申请可以修改',
        en: 'Only a draft application can be changed',
      },
      { status, allowedFrom: ['draft'] },
    ),
  invalidLeaseDate: (field: string, min: string | null, max: string | null) =>
    new AppException(
      HttpStatus.BAD_REQUEST,
      LeasingErrorCode.INVALID_LEASE_DATE,
      {
        'zh-CN': `日期不在允许范围内（${min ?? '—'} 至 ${max ?? '—'}）`,
        en: `The date is outside the allowed range (${min ?? '—'} to ${max ?? '—'})`,
      },
      { field, min, max },
    ),
};

/** Runs `fn`, turning the domain's TransitionError into its AppException. */
export function transition<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof TransitionError) throw LeasingErrors.fromTransition(error);
    throw error;
  }
}
