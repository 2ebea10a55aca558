import type { LocalizedText } from './app-exception';

/** Codes and messages of the errors that do not belong to one feature module. */
export const COMMON_ERRORS = {
  VALIDATION_FAILED: { 'zh-CN': '提交的数据有误,请检查标出的字段', en: 'Some fields are invalid' },
  INVALID_JSON: { 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '请求内容过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
  NOT_FOUND: { 'zh-CN': '请求的资源不存在', en: 'The requested resource does not exist' },
  METHOD_NOT_ALLOWED: { 'zh-CN': '不支持该请求方法', en: 'Method not allowed' },
  BAD_REQUEST: { 'zh-CN': '请求无效', en: 'Bad request' },
  UNAUTHORIZED: { 'zh-CN': '请先登录', en: 'Authentication required' },
  FORBIDDEN: { 'zh-CN': '没有权限执行此操作', en: 'You are not allowed to do this' },
  CONFLICT: { 'zh-CN': '数据冲突,请刷新后重试', en: 'Conflicting data; refresh and try again' },
  CONSTRAINT_VIOLATION: {
    'zh-CN': '数据不符合约束条件',
    en: 'The data breaks a rule of the database',
  },
  REFERENCE_VIOLATION: {
    'zh-CN': '关联的数据不存在或仍被使用',
    en: 'A related record is missing or still in use',
  },
  INVALID_VALUE: { 'zh-CN': '请求包含无效的值', en: 'The request contains an invalid value' },
  TOO_MANY_REQUESTS: { 'zh-CN': '请求过于频繁', en: 'Too many requests' },
  SERVICE_UNAVAILABLE: { 'zh-CN': '服务暂不可用', en: 'Service unavailable' },
  DATABASE_DOWN: { 'zh-CN': '数据库无法连接', en: 'The database is not reachable' },
  // Idempotency-Key (src/common/idempotency, docs/api.md).
  IDEMPOTENCY_KEY_INVALID: {
    'zh-CN': 'Idempotency-Key 请求头无效：须为 1–200 个可见 ASCII 字符（不含空格）',
    en: 'The Idempotency-Key header is invalid: use 1–200 visible ASCII characters (no spaces)',
  },
  IDEMPOTENCY_KEY_IN_PROGRESS: {
    'zh-CN': '使用该 Idempotency-Key 的请求仍在处理中，请稍后用同一个键重试',
    en: 'A request with this Idempotency-Key is still being processed; retry later with the same key',
  },
  IDEMPOTENCY_KEY_REUSED: {
    'zh-CN': '该 Idempotency-Key 已用于另一个请求；新的请求请使用新的键',
    en: 'This Idempotency-Key was used for a different request; use a new key for a new request',
  },
  INTERNAL_ERROR: {
    'zh-CN': '服务器内部错误,请稍后再试',
    en: 'Internal server error; please try again later',
  },
} satisfies Record<string, LocalizedText>;

export type CommonErrorCode = keyof typeof COMMON_ERRORS;

/** Code for an HTTP status raised by Nest or Fastify rather than by our own code. */
export function codeForStatus(status: number): CommonErrorCode {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'TOO_MANY_REQUESTS';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST';
  }
}
