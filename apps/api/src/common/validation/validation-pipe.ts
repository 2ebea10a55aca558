import { ValidationPipe } from '@nestjs/common';
import { checkCreditCode, type FieldIssue, type IssueCode } from '@factoryspace/domain';
import { getMetadataStorage, type ValidationError } from 'class-validator';
import { AppException } from '../errors/app-exception';
import { COMMON_ERRORS } from '../errors/common-errors';

/** class-validator constraint name → domain issue code. Unlisted names become invalid_format. */
const ISSUE_BY_CONSTRAINT: Record<string, IssueCode> = {
  whitelistValidation: 'unknown_field',
  isDefined: 'required',
  isNotEmpty: 'required',
  isString: 'not_a_string',
  maxLength: 'too_long',
  minLength: 'too_short',
  isInt: 'not_integer',
  isNumber: 'not_a_number',
  min: 'out_of_range',
  max: 'out_of_range',
  inRange: 'out_of_range',
  isBoolean: 'not_boolean',
  isIn: 'invalid_choice',
  isEnum: 'invalid_choice',
  isUuid: 'invalid_uuid',
  isUUID: 'invalid_uuid',
  isIso8601: 'invalid_date',
  isISO8601: 'invalid_date',
  isDateString: 'invalid_date',
  isIsoDate: 'invalid_date',
  matches: 'invalid_format',
  arrayMaxSize: 'too_many_items',
  arrayUnique: 'duplicate_items',
  isArray: 'not_an_array',
  isLngLatRing: 'polygon_invalid',
  isEmailAddress: 'invalid_email',
  isChineseMobile: 'invalid_mobile',
  isIndustryCode: 'invalid_industry_code',
  isCreditCode: 'invalid_credit_code',
};

/** When a field breaks several constraints, the one reported (earlier wins). */
const PRIORITY = [
  'whitelistValidation',
  'isDefined',
  'isNotEmpty',
  'isArray',
  'isString',
  'isBoolean',
  'isInt',
  'isNumber',
];

type Constraints = Map<string, unknown[]>;

/** The constraint values declared on `target[property]` (e.g. maxLength → [120]). */
function declaredConstraints(target: object | undefined, property: string): Constraints {
  const found: Constraints = new Map();
  if (!target) return found;
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(
    target.constructor,
    '',
    true,
    false,
  );
  for (const m of metadatas) {
    if (m.propertyName !== property) continue;
    const name = m.name ?? m.type;
    if (name && !found.has(name)) found.set(name, m.constraints ?? []);
  }
  return found;
}

const bound = (value: unknown): string | number =>
  typeof value === 'number' || typeof value === 'string' ? value : '…';

function paramsFor(name: string, declared: Constraints): FieldIssue['params'] {
  const first = (key: string) => declared.get(key)?.[0];
  switch (name) {
    case 'maxLength':
      return { max: bound(first('maxLength')) };
    case 'minLength':
      return { min: bound(first('minLength')) };
    case 'arrayMaxSize':
      return { max: bound(first('arrayMaxSize')) };
    case 'min':
    case 'max':
      return { min: bound(first('min')), max: bound(first('max')) };
    case 'inRange': {
      const [min, max] = declared.get('inRange') ?? [];
      return { min: bound(min), max: bound(max) };
    }
    default:
      return undefined;
  }
}

function pickConstraint(names: string[]): string {
  for (const preferred of PRIORITY) if (names.includes(preferred)) return preferred;
  return names[0];
}

function toIssue(error: ValidationError, field: string): FieldIssue | undefined {
  const names = Object.keys(error.constraints ?? {});
  if (names.length === 0) return undefined;
  const name = pickConstraint(names);
  // A missing value reported by a type check (no @IsDefined) is still "required".
  if (error.value === undefined && name !== 'whitelistValidation' && PRIORITY.includes(name)) {
    return { field, code: 'required' };
  }
  const code = ISSUE_BY_CONSTRAINT[name] ?? 'invalid_format';
  if (name === 'isCreditCode') {
    const check = typeof error.value === 'string' ? checkCreditCode(error.value) : undefined;
    return { field, code, params: { reason: check && !check.valid ? check.reason : 'charset' } };
  }
  const params = paramsFor(name, declaredConstraints(error.target, error.property));
  return params ? { field, code, params } : { field, code };
}

/** Flattens class-validator errors (nested too) into one issue per field, with dotted paths. */
export function toFieldIssues(errors: ValidationError[], parent = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const issue = toIssue(error, field);
    if (issue) issues.push(issue);
    if (error.children?.length) issues.push(...toFieldIssues(error.children, field));
  }
  return issues;
}

export function validationException(errors: ValidationError[]): AppException {
  return new AppException(
    400,
    'VALIDATION_FAILED',
    COMMON_ERRORS.VALIDATION_FAILED,
    toFieldIssues(errors),
  );
}

/** The global pipe: unknown fields refused, payloads converted to their DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: true, value: true },
    exceptionFactory: validationException,
  });
}
