import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors/app-exception';

export enum ZonesErrorCode {
  ZONE_NOT_FOUND = 'ZONE_NOT_FOUND',
  ZONE_CODE_TAKEN = 'ZONE_CODE_TAKEN',
  ZONE_IN_USE = 'ZONE_IN_USE',
}

export const ZonesErrors = {
  notFound: () =>
    new AppException(HttpStatus.NOT_FOUND, ZonesErrorCode.ZONE_NOT_FOUND, {
      'zh-CN': '开发区不存在',
      en: 'Zone not found',
    }),
  codeTaken: (code: string) =>
    new AppException(
      HttpStatus.CONFLICT,
      ZonesErrorCode.ZONE_CODE_TAKEN,
      { 'zh-CN': '开发区代码已被使用', en: 'This zone code is already in use' },
      { code },
    ),
  inUse: () =>
    new AppException(HttpStatus.CONFLICT, ZonesErrorCode.ZONE_IN_USE, {
      'zh-CN': '开发区下仍有园区,不能删除',
      en: 'The zone still has parks and cannot be deleted',
    }),
};
