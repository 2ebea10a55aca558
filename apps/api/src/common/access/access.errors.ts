import { HttpStatus } from '@nestjs/common';
import { AppException } from '../errors/app-exception';

export const AccessErrors = {
  notAuthenticated: () =>
    new AppException(HttpStatus.UNAUTHORIZED, 'NOT_AUTHENTICATED', {
      'zh-CN': '请先登录',
      en: 'Please sign in first',
    }),
  sessionExpired: () =>
    new AppException(HttpStatus.UNAUTHORIZED, 'SESSION_EXPIRED', {
      'zh-CN': '登录已过期，请重新登录',
      en: 'Your session has ended; please sign in again',
    }),
  forbidden: () =>
    new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', {
      'zh-CN': '你的账号没有执行此操作的权限',
      en: 'Your account is not allowed to do this',
    }),
  otherZone: () =>
    new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', {
      'zh-CN': '你只能访问本开发区的数据',
      en: 'You can only access data of your own zone',
    }),
  csrf: () =>
    new AppException(HttpStatus.FORBIDDEN, 'CSRF_TOKEN_INVALID', {
      'zh-CN': '安全校验失败，请刷新页面后重试',
      en: 'Security check failed; reload the page and try again',
    }),
  policyMissing: (route: string) =>
    new AppException(HttpStatus.INTERNAL_SERVER_ERROR, 'ACCESS_POLICY_MISSING', {
      'zh-CN': '服务器内部错误',
      en: `Internal error: ${route} declares no access policy`,
    }),
};
