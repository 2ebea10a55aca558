import type { Locale } from './labels';
import { CREDIT_CODE_PROBLEMS, creditCodeProblemMessage } from './credit-code';
import { PASSWORD_PROBLEMS, passwordProblemMessage } from './accounts';

/**
 * A problem with one field, in a form both the API (400 details) and the web form use.
 * `code` is stable; `params` fill the message template.
 */
export interface FieldIssue {
  field: string;
  code: IssueCode;
  params?: Record<string, string | number>;
}

export const ISSUE_CODES = [
  'required',
  'too_long',
  'too_short',
  'out_of_range',
  'not_integer',
  'not_a_number',
  'not_boolean',
  'not_a_string',
  'not_an_array',
  'invalid_format',
  'invalid_choice',
  'invalid_uuid',
  'invalid_date',
  'duplicate_items',
  'too_many_items',
  'unknown_field',
  'usable_exceeds_gross',
  'floor_order',
  'floor_exceeds_building',
  'date_in_future',
  'polygon_invalid',
  'reason_required',
  'invalid_email',
  'invalid_mobile',
  'invalid_industry_code',
  /** params.reason: a CreditCodeProblem */
  'invalid_credit_code',
  /** params.problem: a PasswordProblem */
  'weak_password',
  'passwords_differ',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

const MESSAGES: Record<IssueCode, Record<Locale, string>> = {
  required: { 'zh-CN': '此项为必填项', en: 'This field is required' },
  too_long: { 'zh-CN': '不能超过 {max} 个字符', en: 'Must be at most {max} characters' },
  too_short: { 'zh-CN': '至少需要 {min} 个字符', en: 'Must be at least {min} characters' },
  out_of_range: { 'zh-CN': '应在 {min} 至 {max} 之间', en: 'Must be between {min} and {max}' },
  not_integer: { 'zh-CN': '应为整数', en: 'Must be a whole number' },
  not_a_number: { 'zh-CN': '应为数字', en: 'Must be a number' },
  not_boolean: { 'zh-CN': '应为是或否', en: 'Must be yes or no' },
  not_a_string: { 'zh-CN': '应为文本', en: 'Must be text' },
  not_an_array: { 'zh-CN': '应为列表', en: 'Must be a list' },
  invalid_format: { 'zh-CN': '格式不正确', en: 'Invalid format' },
  invalid_choice: { 'zh-CN': '不是允许的选项', en: 'Not one of the allowed values' },
  invalid_uuid: { 'zh-CN': '编号格式不正确', en: 'Not a valid id' },
  invalid_date: { 'zh-CN': '应为有效日期(年-月-日)', en: 'Must be a valid date (YYYY-MM-DD)' },
  duplicate_items: { 'zh-CN': '存在重复项', en: 'Contains duplicates' },
  too_many_items: { 'zh-CN': '最多 {max} 项', en: 'At most {max} items' },
  unknown_field: { 'zh-CN': '不允许的字段', en: 'This field is not allowed' },
  usable_exceeds_gross: {
    'zh-CN': '使用面积不能大于建筑面积',
    en: 'Usable area cannot exceed gross area',
  },
  floor_order: {
    'zh-CN': '起始楼层不能高于结束楼层',
    en: 'First floor cannot be above last floor',
  },
  floor_exceeds_building: {
    'zh-CN': '楼层超出该楼栋的层数({floors} 层)',
    en: 'Floor is above the building’s {floors} floors',
  },
  date_in_future: { 'zh-CN': '日期不能晚于今天', en: 'Date cannot be in the future' },
  polygon_invalid: {
    'zh-CN': '边界至少需要 3 个有效坐标点',
    en: 'A boundary needs at least 3 valid points',
  },
  reason_required: {
    'zh-CN': '一般类和疑难类厂房需填写分类原因',
    en: 'General and difficult units need a reason for their class',
  },
  invalid_email: { 'zh-CN': '请输入有效的邮箱地址', en: 'Enter a valid email address' },
  invalid_mobile: {
    'zh-CN': '请输入有效的手机号码(11 位)',
    en: 'Enter a valid mainland China mobile number (11 digits)',
  },
  invalid_industry_code: {
    'zh-CN': '请选择国民经济行业分类(GB/T 4754)中的门类或大类',
    en: 'Choose a section or division of the GB/T 4754 classification',
  },
  invalid_credit_code: {
    'zh-CN': '统一社会信用代码无效',
    en: 'Invalid unified social credit code',
  },
  weak_password: { 'zh-CN': '密码不符合要求', en: 'The password does not meet the policy' },
  passwords_differ: { 'zh-CN': '两次输入的密码不一致', en: 'The passwords do not match' },
};

/** The message for an issue in a locale, with its parameters filled in. */
export function issueMessage(issue: Pick<FieldIssue, 'code' | 'params'>, locale: Locale): string {
  const reason = issue.params?.reason;
  if (issue.code === 'invalid_credit_code' && isOneOfList(CREDIT_CODE_PROBLEMS, reason)) {
    return creditCodeProblemMessage(reason, locale);
  }
  const problem = issue.params?.problem;
  if (issue.code === 'weak_password' && isOneOfList(PASSWORD_PROBLEMS, problem)) {
    return passwordProblemMessage(problem, locale);
  }
  const template = MESSAGES[issue.code]?.[locale] ?? MESSAGES.invalid_format[locale];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(issue.params?.[key] ?? '…'));
}

function isOneOfList<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
