import { HttpException, MethodNotAllowedException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppException } from './app-exception';
import { toErrorResponse } from './error-response';

const pgError = (code: string) =>
  new QueryFailedError(
    'INSERT INTO units ...',
    [],
    Object.assign(new Error('duplicate key value'), { code }),
  );

describe('toErrorResponse', () => {
  it('uses an AppException status and code, message in the asked locale, issue messages', () => {
    const error = new AppException(
      400,
      'VALIDATION_FAILED',
      { 'zh-CN': '数据有误', en: 'Invalid' },
      [{ field: 'name', code: 'too_long', params: { max: 120 } }],
    );
    expect(toErrorResponse(error, 'en')).toEqual({
      status: 400,
      unexpected: false,
      body: {
        code: 'VALIDATION_FAILED',
        message: 'Invalid',
        details: [
          {
            field: 'name',
            code: 'too_long',
            params: { max: 120 },
            message: 'Must be at most 120 characters',
          },
        ],
      },
    });
    expect(toErrorResponse(error, 'zh-CN').body.message).toBe('数据有误');
  });

  it('passes object details through unchanged', () => {
    const error = new AppException(
      409,
      'VERSION_CONFLICT',
      { 'zh-CN': '冲突', en: 'Conflict' },
      { currentVersion: 4 },
    );
    expect(toErrorResponse(error, 'en').body.details).toEqual({ currentVersion: 4 });
  });

  it('maps Nest HTTP exceptions to stable codes', () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /x'), 'zh-CN')).toEqual({
      status: 404,
      unexpected: false,
      body: { code: 'NOT_FOUND', message: '请求的资源不存在' },
    });
    expect(toErrorResponse(new MethodNotAllowedException(), 'en').body.code).toBe(
      'METHOD_NOT_ALLOWED',
    );
    expect(toErrorResponse(new HttpException('x', 413), 'en').body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('maps database errors without leaking SQL', () => {
    const unique = toErrorResponse(pgError('23505'), 'en');
    expect(unique.status).toBe(409);
    expect(unique.body.code).toBe('CONFLICT');
    expect(toErrorResponse(pgError('23514'), 'en')).toMatchObject({
      status: 400,
      body: { code: 'CONSTRAINT_VIOLATION' },
    });
    expect(toErrorResponse(pgError('23503'), 'en')).toMatchObject({
      status: 409,
      body: { code: 'REFERENCE_VIOLATION' },
    });
    for (const code of ['23001', '23P01']) {
      expect(toErrorResponse(pgError(code), 'en').status).toBe(409);
    }
    expect(toErrorResponse(pgError('22P02'), 'en')).toMatchObject({
      status: 400,
      body: { code: 'INVALID_VALUE' },
    });
    for (const code of ['23505', '23514', '42P01']) {
      expect(JSON.stringify(toErrorResponse(pgError(code), 'en').body)).not.toMatch(
        /INSERT|units|duplicate/,
      );
    }
  });

  it('maps Fastify body errors', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      statusCode: 413,
    });
    expect(toErrorResponse(tooLarge, 'en')).toMatchObject({
      status: 413,
      body: { code: 'PAYLOAD_TOO_LARGE' },
    });
    const badJson = Object.assign(new Error('Body is not valid JSON'), {
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
      statusCode: 400,
    });
    expect(toErrorResponse(badJson, 'zh-CN')).toMatchObject({
      status: 400,
      body: { code: 'INVALID_JSON' },
    });
  });

  it('turns anything else into a generic 500 flagged for logging', () => {
    const res = toErrorResponse(
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      'en',
    );
    expect(res).toEqual({
      status: 500,
      unexpected: true,
      body: { code: 'INTERNAL_ERROR', message: 'Internal server error; please try again later' },
    });
  });
});
