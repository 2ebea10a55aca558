import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors/app-exception';
import { validationFailed } from '../shared/shared.errors';

export const AccountsErrors = {
  invalidCredentials: () =>
    new AppException(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', {
      'zh-CN': '账号或密码不正确',
      en: 'The account or password is not correct',
    }),
  emailNotVerified: () =>
    new AppException(HttpStatus.FORBIDDEN, 'EMAIL_NOT_VERIFIED', {
      'zh-CN': '邮箱尚未验证，请打开验证邮件中的链接，或重新发送验证邮件',
      en: 'Your email is not verified yet; open the link in the verification mail or send it again',
    }),
  tooManyAttempts: (seconds: number) =>
    new AppException(
      HttpStatus.TOO_MANY_REQUESTS,
      'TOO_MANY_REQUESTS',
      {
        'zh-CN': `尝试次数过多，请 ${seconds} 秒后再试`,
        en: `Too many attempts; try again in ${seconds} seconds`,
      },
      { retryAfterSeconds: seconds },
    ),
  tokenInvalid: () =>
    new AppException(HttpStatus.BAD_REQUEST, 'TOKEN_INVALID', {
      'zh-CN': '链接无效、已使用或已过期',
      en: 'The link is invalid, already used or expired',
    }),
  currentPasswordWrong: () =>
    new AppException(HttpStatus.BAD_REQUEST, 'CURRENT_PASSWORD_WRONG', {
      'zh-CN': '当前密码不正确',
      en: 'The current password is not correct',
    }),
  emailTaken: () =>
    new AppException(HttpStatus.CONFLICT, 'EMAIL_TAKEN', {
      'zh-CN': '该邮箱已有账号',
      en: 'This email address already has an account',
    }),
  userNotFound: () =>
    new AppException(HttpStatus.NOT_FOUND, 'USER_NOT_FOUND', {
      'zh-CN': '用户不存在',
      en: 'User not found',
    }),
  invitationNotFound: () =>
    new AppException(HttpStatus.NOT_FOUND, 'INVITATION_NOT_FOUND', {
      'zh-CN': '邀请不存在',
      en: 'Invitation not found',
    }),
  firmNotFound: () =>
    new AppException(HttpStatus.NOT_FOUND, 'FIRM_NOT_FOUND', {
      'zh-CN': '企业不存在',
      en: 'Firm not found',
    }),
  creditCodeTaken: () =>
    new AppException(HttpStatus.CONFLICT, 'CREDIT_CODE_TAKEN', {
      'zh-CN': '该统一社会信用代码已被其他企业使用',
      en: 'Another firm already uses this unified social credit code',
    }),
  cannotChangeSelf: () =>
    new AppException(HttpStatus.FORBIDDEN, 'CANNOT_CHANGE_SELF', {
      'zh-CN': '不能修改自己的角色或状态',
      en: 'You cannot change your own role or status',
    }),
  zoneRequired: () => validationFailed([{ field: 'zoneId', code: 'required' }]),
  highTechExpiryWithoutCertificate: () =>
    validationFailed([{ field: 'highTechCertificateNo', code: 'required' }]),
};

export const ACCOUNT_MESSAGES = {
  registered: {
    'zh-CN':
      '注册申请已收到。如果该邮箱可以注册，我们已向它发送了一封验证邮件，请查收并打开其中的链接。',
    en: 'We received your registration. If this address can be registered, a verification mail is on its way; open the link in it.',
  },
  resetRequested: {
    'zh-CN': '如果该邮箱有账号，我们已发送一封重置密码的邮件，请查收。',
    en: 'If this address has an account, a mail with a password reset link is on its way.',
  },
  verificationResent: {
    'zh-CN': '如果该邮箱有待验证的账号，我们已重新发送验证邮件。',
    en: 'If this address has an account waiting for verification, we sent the mail again.',
  },
};
