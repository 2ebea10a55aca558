import { HttpStatus, Injectable, PipeTransform } from '@nestjs/common';
import { AppException } from '../errors/app-exception';

/** Any RFC 4122-shaped uuid (PostgreSQL accepts every version). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export const INVALID_ID = 'INVALID_ID';

/** Refuses a malformed id in the path with 400 INVALID_ID before any query runs. */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (!isUuid(value)) {
      throw new AppException(HttpStatus.BAD_REQUEST, INVALID_ID, {
        'zh-CN': '编号格式不正确',
        en: 'The id is not valid',
      });
    }
    return value.toLowerCase();
  }
}
