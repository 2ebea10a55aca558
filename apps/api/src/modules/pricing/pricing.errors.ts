import { HttpStatus } from '@nestjs/common';
import type { PolicyIssue, QuoteInputError } from '@factoryspace/domain';
import { AppException } from '../../common/errors/app-exception';

export enum PricingErrorCode {
  RENT_POLICY_NOT_FOUND = 'RENT_POLICY_NOT_FOUND',
  RENT_POLICY_PUBLISHED = 'RENT_POLICY_PUBLISHED',
  INVALID_RENT_POLICY = 'INVALID_RENT_POLICY',
  EFFECTIVE_DATE_IN_PAST = 'EFFECTIVE_DATE_IN_PAST',
  EFFECTIVE_DATE_REQUIRED = 'EFFECTIVE_DATE_REQUIRED',
  EFFECTIVE_DATE_TAKEN = 'EFFECTIVE_DATE_TAKEN',
  UNIT_RENT_NOT_SET = 'UNIT_RENT_NOT_SET',
  INVALID_START_DATE = 'INVALID_START_DATE',
  QUOTE_NOT_FOUND = 'QUOTE_NOT_FOUND',
  QUOTES_FULL = 'QUOTES_FULL',
}

/** Saved quotes a firm may keep. */
export const MAX_SAVED_QUOTES = 100;
/** How far ahead a public quote may start. */
export const MAX_START_YEARS_AHEAD = 2;

export const PricingErrors = {
  policyNotFound: () =>
    new AppException(HttpStatus.NOT_FOUND, PricingErrorCode.RENT_POLICY_NOT_FOUND, {
      'zh-CN': '租金优惠政策不存在',
      en: 'Rent policy not found',
    }),
  noEffectivePolicy: (zoneId: string, date: string) =>
    new AppException(
      HttpStatus.NOT_FOUND,
      PricingErrorCode.RENT_POLICY_NOT_FOUND,
      {
        'zh-CN': `该开发区在 ${date} 没有生效的租金优惠政策`,
        en: `The zone has no rent policy in effect on ${date}`,
      },
      { zoneId, date },
    ),
  published: () =>
    new AppException(HttpStatus.CONFLICT, PricingErrorCode.RENT_POLICY_PUBLISHED, {
      'zh-CN': '已发布的政策版本不能修改或删除,请新建一个版本',
      en: 'A published policy version cannot be changed or deleted; create a new version',
    }),
  invalidPolicy: (issues: PolicyIssue[]) =>
    new AppException(
      HttpStatus.BAD_REQUEST,
      PricingErrorCode.INVALID_RENT_POLICY,
      { 'zh-CN': '租金优惠政策有误,请检查标出的规则', en: 'The rent policy is not valid' },
      { issues },
    ),
  effectiveDateInPast: (effectiveFrom: string, today: string) =>
    new AppException(
      HttpStatus.BAD_REQUEST,
      PricingErrorCode.EFFECTIVE_DATE_IN_PAST,
      {
        'zh-CN': '生效日期不能早于今天',
        en: 'The effective date cannot be before today',
      },
      { effectiveFrom, today },
    ),
  effectiveDateRequired: () =>
    new AppException(HttpStatus.BAD_REQUEST, PricingErrorCode.EFFECTIVE_DATE_REQUIRED, {
      'zh-CN': '发布前请先设置生效日期',
      en: 'Set an effective date before publishing',
    }),
  effectiveDateTaken: (effectiveFrom: string) =>
    new AppException(
      HttpStatus.CONFLICT,
      PricingErrorCode.EFFECTIVE_DATE_TAKEN,
      {
        'zh-CN': '该开发区已有一个同日生效的已发布版本',
        en: 'Another published version of the zone takes effect on the same date',
      },
      { effectiveFrom },
    ),
  rentNotSet: () =>
    new AppException(HttpStatus.CONFLICT, PricingErrorCode.UNIT_RENT_NOT_SET, {
      'zh-CN': '该厂房租金面议,无法在线测算',
      en: 'This unit’s rent is on request; it cannot be quoted online',
    }),
  invalidStartDate: (min: string, max: string) =>
    new AppException(
      HttpStatus.BAD_REQUEST,
      PricingErrorCode.INVALID_START_DATE,
      {
        'zh-CN': `起租日期须在 ${min} 至 ${max} 之间`,
        en: `The start date must be between ${min} and ${max}`,
      },
      { min, max },
    ),
  quoteNotFound: () =>
    new AppException(HttpStatus.NOT_FOUND, PricingErrorCode.QUOTE_NOT_FOUND, {
      'zh-CN': '报价不存在',
      en: 'Quote not found',
    }),
  quotesFull: () =>
    new AppException(
      HttpStatus.CONFLICT,
      PricingErrorCode.QUOTES_FULL,
      {
        'zh-CN': `最多保存 ${MAX_SAVED_QUOTES} 份报价,请先删除一些`,
        en: `A firm can keep at most ${MAX_SAVED_QUOTES} saved quotes; delete some first`,
      },
      { max: MAX_SAVED_QUOTES },
    ),
  /** The engine's refusal (TERM_OUT_OF_RANGE, INVALID_START_DATE, …) as a 400 with its code. */
  fromQuoteInput: (error: QuoteInputError) =>
    new AppException(
      HttpStatus.BAD_REQUEST,
      error.code,
      { 'zh-CN': error.zh, en: error.en },
      error.details,
    ),
};
