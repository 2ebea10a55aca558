import { HttpStatus } from '@nestjs/common';
import type { FieldIssue } from '@factoryspace/domain';
import { AppException } from '../../common/errors/app-exception';

export enum UnitsErrorCode {
  UNIT_NOT_FOUND = 'UNIT_NOT_FOUND',
  UNIT_CODE_TAKEN = 'UNIT_CODE_TAKEN',
}

export const UnitsErrors = {
  notFound: () =>
    new AppException(HttpStatus.NOT_FOUND, UnitsErrorCode.UNIT_NOT_FOUND, {
      'zh-CN': '厂房档案不存在',
      en: 'Unit not found',
    }),
  codeTaken: (code: string) =>
    new AppException(
      HttpStatus.CONFLICT,
      UnitsErrorCode.UNIT_CODE_TAKEN,
      { 'zh-CN': '该开发区内厂房编号已被使用', en: 'This unit code is already in use in the zone' },
      { code },
    ),
};

/**
 * Database CHECK constraints that mirror a dossier rule, as the field issue the API reports had
 * the rule been caught in code first (a race, or a rule the code missed).
 */
export const UNIT_CHECK_ISSUES: Record<string, FieldIssue> = {
  units_usable_area_ck: { field: 'usableArea', code: 'usable_exceeds_gross' },
  units_floors_ck: { field: 'floorTo', code: 'floor_exceeds_building' },
  units_vacant_since_past_ck: { field: 'vacantSince', code: 'date_in_future' },
  units_vacant_since_required_ck: { field: 'vacantSince', code: 'required' },
  units_class_reason_ck: { field: 'classReason', code: 'reason_required' },
};
