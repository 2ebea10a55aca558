import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors/app-exception';

export enum ParksErrorCode {
  PARK_NOT_FOUND = 'PARK_NOT_FOUND',
  PARK_CODE_TAKEN = 'PARK_CODE_TAKEN',
  PARK_IN_USE = 'PARK_IN_USE',
}

export const ParksErrors = {
  notFound: () =>
    new AppException(HttpStatus.NOT_FOUND, ParksErrorCode.PARK_NOT_FOUND, {
      'zh-CN': '园区不存在',
      en: 'Park not found',
    }),
  codeTaken: (code: string) =>
    new AppException(
      HttpStatus.CONFLICT,
      ParksErrorCode.PARK_CODE_TAKEN,
      { 'zh-CN': '该开发区内园区代码已被使用', en: 'This park code is already in use in the zone' },
      { code },
    ),
  inUse: () =>
    new AppException(HttpStatus.CONFLICT, ParksErrorCode.PARK_IN_USE, {
      'zh-CN': '园区下仍有楼栋或园中园,不能删除',
      en: 'The park still has buildings or parks within it and cannot be deleted',
    }),
};
