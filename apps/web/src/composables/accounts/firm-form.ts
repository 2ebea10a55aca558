/**
 * The firm profile form: its values (strings as the inputs hold them), the FirmInput they stand
 * for, what changed since loading, client-side checks before saving, and the merge after a
 * version conflict. Pure functions; the firm page wires them up.
 */
import {
  FIRM_SIZES,
  SPECIALISED_LEVELS,
  checkCreditCode,
  isIndustryCode,
  isIsoDate,
  isOneOf,
  normalizeCreditCode,
  type CreditCodeProblem,
  type FirmSize,
  type SpecialisedLevel,
} from '@factoryspace/domain';
import type { FirmInput } from '@/api/firms';

export const FIRM_FORM_FIELDS = [
  'name',
  'creditCode',
  'legalRepresentative',
  'industryCode',
  'size',
  'contactName',
  'contactPhone',
  'highTechCertificateNo',
  'highTechExpiresOn',
  'specialisedLevel',
] as const;
export type FirmFormField = (typeof FIRM_FORM_FIELDS)[number];

/** The sections of the firm profile page, with their fields in form order. */
export const FIRM_FIELD_GROUPS = {
  basic: ['name', 'creditCode', 'legalRepresentative', 'industryCode', 'size'],
  contact: ['contactName', 'contactPhone'],
  qualifications: ['highTechCertificateNo', 'highTechExpiresOn', 'specialisedLevel'],
} as const satisfies Record<string, readonly FirmFormField[]>;
export type FirmFieldGroup = keyof typeof FIRM_FIELD_GROUPS;
export const FIRM_FIELD_GROUP_NAMES = Object.keys(FIRM_FIELD_GROUPS) as FirmFieldGroup[];

export const FIRM_LIMITS = {
  name: 200,
  legalRepresentative: 60,
  contactName: 60,
  contactPhone: 30,
  highTechCertificateNo: 40,
} as const;

export interface FirmFormValues {
  name: string;
  creditCode: string;
  legalRepresentative: string;
  industryCode: string;
  size: FirmSize | '';
  contactName: string;
  contactPhone: string;
  highTechCertificateNo: string;
  /** YYYY-MM-DD or ''. */
  highTechExpiresOn: string;
  specialisedLevel: SpecialisedLevel | '';
}

export function emptyFirmForm(): FirmFormValues {
  return {
    name: '',
    creditCode: '',
    legalRepresentative: '',
    industryCode: '',
    size: '',
    contactName: '',
    contactPhone: '',
    highTechCertificateNo: '',
    highTechExpiresOn: '',
    specialisedLevel: '',
  };
}

export function formFromFirm(firm: FirmInput): FirmFormValues {
  return {
    name: firm.name ?? '',
    creditCode: firm.creditCode ?? '',
    legalRepresentative: firm.legalRepresentative ?? '',
    industryCode: firm.industryCode ?? '',
    size: isOneOf(FIRM_SIZES, firm.size) ? firm.size : '',
    contactName: firm.contactName ?? '',
    contactPhone: firm.contactPhone ?? '',
    highTechCertificateNo: firm.highTechCertificateNo ?? '',
    highTechExpiresOn: firm.highTechExpiresOn ?? '',
    specialisedLevel: isOneOf(SPECIALISED_LEVELS, firm.specialisedLevel)
      ? firm.specialisedLevel
      : '',
  };
}

/** What the form stands for, as the API takes it: trimmed, optional blanks as null. */
export function formToInput(values: FirmFormValues): FirmInput {
  const optional = (value: string) => value.trim() || null;
  return {
    name: values.name.trim(),
    creditCode: normalizeCreditCode(values.creditCode),
    legalRepresentative: values.legalRepresentative.trim(),
    industryCode: values.industryCode,
    size: values.size as FirmSize,
    contactName: values.contactName.trim(),
    contactPhone: values.contactPhone.trim(),
    highTechCertificateNo: optional(values.highTechCertificateNo),
    highTechExpiresOn: optional(values.highTechExpiresOn),
    specialisedLevel: (values.specialisedLevel || null) as SpecialisedLevel | null,
  };
}

/** The fields whose meaning changed from `base` to `current`, for a PATCH. */
export function changedFirmFields(
  base: FirmFormValues,
  current: FirmFormValues,
): Partial<FirmInput> {
  const before = formToInput(base);
  const after = formToInput(current);
  const changes: Partial<FirmInput> = {};
  for (const field of FIRM_FORM_FIELDS) {
    if (before[field] !== after[field]) {
      (changes as Record<string, unknown>)[field] = after[field];
    }
  }
  return changes;
}

/**
 * After a version conflict: the latest saved values, except the fields the user changed since
 * `base` (what the form was loaded with), which keep the user's input.
 */
export function rebaseFirmForm(
  current: FirmFormValues,
  base: FirmFormValues,
  latest: FirmFormValues,
): FirmFormValues {
  const merged = { ...latest };
  const changed = changedFirmFields(base, current);
  for (const field of FIRM_FORM_FIELDS) {
    if (field in changed) (merged as Record<string, string>)[field] = current[field];
  }
  return merged;
}

export type FirmIssue =
  | { code: 'required' }
  | { code: 'too_long'; max: number }
  | { code: 'credit_code'; reason: CreditCodeProblem }
  | { code: 'invalid_industry' }
  | { code: 'invalid_date' }
  | { code: 'certificate_no_required' };

/** Problems the form can find before saving, per field (fields without problems are absent). */
export function validateFirmForm(
  values: FirmFormValues,
): Partial<Record<FirmFormField, FirmIssue[]>> {
  const issues: Partial<Record<FirmFormField, FirmIssue[]>> = {};
  const add = (field: FirmFormField, issue: FirmIssue) => (issues[field] ??= []).push(issue);

  for (const field of ['name', 'legalRepresentative', 'contactName', 'contactPhone'] as const) {
    const value = values[field].trim();
    if (!value) add(field, { code: 'required' });
    else if (value.length > FIRM_LIMITS[field])
      add(field, { code: 'too_long', max: FIRM_LIMITS[field] });
  }
  const credit = checkCreditCode(values.creditCode);
  if (!credit.valid) add('creditCode', { code: 'credit_code', reason: credit.reason });
  if (!values.industryCode) add('industryCode', { code: 'required' });
  else if (!isIndustryCode(values.industryCode)) add('industryCode', { code: 'invalid_industry' });
  if (!values.size) add('size', { code: 'required' });

  const certificate = values.highTechCertificateNo.trim();
  if (certificate.length > FIRM_LIMITS.highTechCertificateNo) {
    add('highTechCertificateNo', { code: 'too_long', max: FIRM_LIMITS.highTechCertificateNo });
  }
  if (values.highTechExpiresOn) {
    if (!isIsoDate(values.highTechExpiresOn)) add('highTechExpiresOn', { code: 'invalid_date' });
    if (!certificate) add('highTechCertificateNo', { code: 'certificate_no_required' });
  }
  return issues;
}
