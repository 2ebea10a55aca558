import { HttpStatus } from '@nestjs/common';
import { AppException } from '../errors/app-exception';

export enum PaginationErrorCode {
  INVALID_CURSOR = 'INVALID_CURSOR',
}

export function invalidCursor(): AppException {
  return new AppException(HttpStatus.BAD_REQUEST, PaginationErrorCode.INVALID_CURSOR, {
    'zh-CN': '分页游标无效,请从第一页重新开始',
    en: 'The page cursor is not valid; start again from the first page',
  });
}
