/**
 * The "new zone" form of /admin/zones (super administrator): its values, the checks that mirror
 * the API's (apps/api/src/modules/zones/dto/zone.dto.ts), the POST /zones body, the mapping of
 * the API's errors onto the fields, and the two steps of a submission: create the zone, then
 * (when an e-mail was given) invite its first administrator.
 */
import {
  EMAIL_MAX_LENGTH,
  issueMessage,
  LATITUDE_RANGE,
  LONGITUDE_RANGE,
  ZONE_LIMITS,
  isEmail,
  normalizeEmail,
  type Locale,
} from '@factoryspace/domain';
import { ApiError, type ApiErrorDetail } from '@/api/http';
import type { Zone } from '@/api/types';
import { createInvitation, type InvitationResponse } from '@/api/users';
import { createZone, type CreateZoneBody } from '@/api/zones';
import { issueText, topLevelField } from '@/composables/field-errors';

export const ZONE_FORM_FIELDS = [
  'name',
  'code',
  'nameEn',
  'platformCompany',
  'platformCompanyEn',
  'province',
  'city',
  'latitude',
  'longitude',
  'adminEmail',
] as const;
export type ZoneFormField = (typeof ZONE_FORM_FIELDS)[number];

/** The same pattern as the API's ZONE_CODE_PATTERN: a lower-case slug of at most 32 characters. */
export const ZONE_CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;

/** Longest values (the API's limits; province and city: ZONE_PLACE_MAX_LENGTH). */
export const ZONE_FORM_LIMITS = {
  name: ZONE_LIMITS.name.maxLength,
  nameEn: ZONE_LIMITS.name.maxLength,
  code: ZONE_LIMITS.code.maxLength,
  platformCompany: ZONE_LIMITS.platformCompany.maxLength,
  platformCompanyEn: ZONE_LIMITS.platformCompany.maxLength,
  province: 60,
  city: 60,
  adminEmail: EMAIL_MAX_LENGTH,
} as const;

/** What the inputs hold (strings; the optional ones may stay empty). */
export interface ZoneFormValues {
  name: string;
  code: string;
  nameEn: string;
  platformCompany: string;
  platformCompanyEn: string;
  province: string;
  city: string;
  /** The zone's centre, decimal degrees (WGS-84); both or neither. */
  latitude: string;
  longitude: string;
  /** The first administrator to invite (optional). */
  adminEmail: string;
}

export function emptyZoneForm(): ZoneFormValues {
  return {
    name: '',
    code: '',
    nameEn: '',
    platformCompany: '',
    platformCompanyEn: '',
    province: '',
    city: '',
    latitude: '',
    longitude: '',
    adminEmail: '',
  };
}

/** Codes are lower case: "GaoPing " is taken as "gaoping". */
export function normalizeZoneCode(input: string): string {
  return input.trim().toLowerCase();
}

export type ZoneFormIssue =
  | { code: 'required' }
  | { code: 'too_long'; max: number }
  | { code: 'code_format' }
  | { code: 'code_taken' }
  | { code: 'not_a_number' }
  | { code: 'out_of_range'; min: number; max: number }
  | { code: 'center_incomplete' }
  | { code: 'invalid_email' }
  /** A message from the API, already in the user's language. */
  | { code: 'server'; message: string };

export type ZoneFormIssues = Partial<Record<ZoneFormField, ZoneFormIssue[]>>;

/** A decimal number as typed ("35.8", "-0.5", "112,92" with a comma), or null. */
function parseDegrees(input: string): number | null {
  const text = input.trim().replace(',', '.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  return Number(text);
}

/** Problems the form finds before sending, per field (fields without problems are absent). */
export function validateZoneForm(values: ZoneFormValues): ZoneFormIssues {
  const issues: ZoneFormIssues = {};
  const add = (field: ZoneFormField, issue: ZoneFormIssue) => (issues[field] ??= []).push(issue);

  for (const field of ['name', 'platformCompany'] as const) {
    const value = values[field].trim();
    if (!value) add(field, { code: 'required' });
    else if (value.length > ZONE_FORM_LIMITS[field]) {
      add(field, { code: 'too_long', max: ZONE_FORM_LIMITS[field] });
    }
  }

  const code = normalizeZoneCode(values.code);
  if (!code) add('code', { code: 'required' });
  else if (code.length > ZONE_FORM_LIMITS.code) {
    add('code', { code: 'too_long', max: ZONE_FORM_LIMITS.code });
  } else if (!ZONE_CODE_PATTERN.test(code)) add('code', { code: 'code_format' });

  for (const field of ['nameEn', 'platformCompanyEn', 'province', 'city'] as const) {
    if (values[field].trim().length > ZONE_FORM_LIMITS[field]) {
      add(field, { code: 'too_long', max: ZONE_FORM_LIMITS[field] });
    }
  }

  const ranges = { latitude: LATITUDE_RANGE, longitude: LONGITUDE_RANGE } as const;
  const hasLatitude = values.latitude.trim() !== '';
  const hasLongitude = values.longitude.trim() !== '';
  for (const field of ['latitude', 'longitude'] as const) {
    if (!values[field].trim()) {
      if (hasLatitude !== hasLongitude) add(field, { code: 'center_incomplete' });
      continue;
    }
    const value = parseDegrees(values[field]);
    const { min, max } = ranges[field];
    if (value === null) add(field, { code: 'not_a_number' });
    else if (value < min || value > max) add(field, { code: 'out_of_range', min, max });
  }

  const email = values.adminEmail.trim();
  if (email && !isEmail(email)) add('adminEmail', { code: 'invalid_email' });
  return issues;
}

/** The POST /zones body: trimmed, the code in lower case, optional blanks left out. */
export function zoneFormToBody(values: ZoneFormValues): CreateZoneBody {
  const body: CreateZoneBody = {
    code: normalizeZoneCode(values.code),
    name: values.name.trim(),
    platformCompany: values.platformCompany.trim(),
  };
  for (const field of ['nameEn', 'platformCompanyEn', 'province', 'city'] as const) {
    const value = values[field].trim();
    if (value) body[field] = value;
  }
  const latitude = parseDegrees(values.latitude);
  const longitude = parseDegrees(values.longitude);
  if (latitude !== null && longitude !== null) body.center = { latitude, longitude };
  return body;
}

/** The API's name for a field (`center.latitude`, `platformCompany`) → the form's. */
function formField(apiField: string): ZoneFormField | null {
  if (apiField === 'center' || apiField.startsWith('center.latitude')) return 'latitude';
  if (apiField.startsWith('center.longitude')) return 'longitude';
  const top = topLevelField(apiField);
  return (ZONE_FORM_FIELDS as readonly string[]).includes(top) && top !== 'adminEmail'
    ? (top as ZoneFormField)
    : null;
}

export interface MappedZoneError {
  /** Messages under the fields (400 details; 409 ZONE_CODE_TAKEN under the code). */
  fields: ZoneFormIssues;
  /** What belongs to no field (403, 5xx, network, details for fields the form lacks). */
  general: string[];
}

/** Maps a failed POST /zones onto the form. */
export function mapCreateZoneError(error: unknown, locale: Locale): MappedZoneError {
  if (!(error instanceof ApiError)) {
    return { fields: {}, general: [(error as Error)?.message ?? String(error)] };
  }
  if (error.status === 409 && error.code === 'ZONE_CODE_TAKEN') {
    return { fields: { code: [{ code: 'code_taken' }] }, general: [] };
  }
  const details = Array.isArray(error.body.details)
    ? error.body.details.filter(
        (d): d is ApiErrorDetail => typeof d === 'object' && d !== null && 'field' in d,
      )
    : [];
  if (error.status !== 400 || details.length === 0) {
    return { fields: {}, general: [error.message] };
  }
  const fields: ZoneFormIssues = {};
  const general: string[] = [];
  for (const detail of details) {
    const field = formField(detail.field);
    const message = issueText(
      { field: detail.field, code: detail.code, params: detail.params, message: detail.message },
      locale,
    );
    if (field) (fields[field] ??= []).push({ code: 'server', message });
    else general.push(`${detail.field}: ${message}`);
  }
  return { fields, general };
}

/** Why an invitation failed, in words: the field messages of a 400, else the error's message. */
export function invitationErrorText(error: unknown, locale: Locale): string {
  if (error instanceof ApiError && error.status === 400 && Array.isArray(error.body.details)) {
    const texts = error.body.details
      .filter((d): d is ApiErrorDetail => typeof d === 'object' && d !== null && 'code' in d)
      .map((d) =>
        issueText({ field: d.field, code: d.code, params: d.params, message: d.message }, locale),
      );
    if (texts.length) return texts.join(' ');
  }
  return (error as Error)?.message ?? String(error);
}

/** How a submission ended. */
export type ZoneSubmitOutcome =
  /** The zone was not created: show the problems, keep the input. */
  | { kind: 'failed'; error: MappedZoneError }
  /**
   * The zone exists. `invitation`: the first administrator's, when an e-mail was given and the
   * invitation went out; `invitationError`: why it did not (the zone exists all the same).
   */
  | {
      kind: 'created';
      zone: Zone;
      adminEmail: string | null;
      invitation: InvitationResponse | null;
      invitationError: string | null;
    };

/**
 * Creates the zone, then invites its first administrator when `adminEmail` is set. Call after
 * `validateZoneForm` found nothing.
 */
export async function submitZoneForm(
  values: ZoneFormValues,
  locale: Locale,
): Promise<ZoneSubmitOutcome> {
  let zone: Zone;
  try {
    zone = await createZone(zoneFormToBody(values));
  } catch (error) {
    return { kind: 'failed', error: mapCreateZoneError(error, locale) };
  }
  const adminEmail = values.adminEmail.trim() ? normalizeEmail(values.adminEmail) : null;
  if (!adminEmail) {
    return { kind: 'created', zone, adminEmail, invitation: null, invitationError: null };
  }
  try {
    const invitation = await createInvitation({
      email: adminEmail,
      role: 'zone_admin',
      zoneId: zone.id,
    });
    return { kind: 'created', zone, adminEmail, invitation, invitationError: null };
  } catch (error) {
    return {
      kind: 'created',
      zone,
      adminEmail,
      invitation: null,
      invitationError: invitationErrorText(error, locale),
    };
  }
}

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * The text of an issue: the domain's shared wording for the common checks (the same as the
 * API's), this page's own for the zone code and the centre, the API's message as it came.
 */
export function zoneIssueText(issue: ZoneFormIssue, locale: Locale, t: Translate): string {
  switch (issue.code) {
    case 'required':
    case 'not_a_number':
    case 'invalid_email':
      return issueMessage({ code: issue.code }, locale);
    case 'too_long':
      return issueMessage({ code: 'too_long', params: { max: issue.max } }, locale);
    case 'out_of_range':
      return issueMessage(
        { code: 'out_of_range', params: { min: issue.min, max: issue.max } },
        locale,
      );
    case 'code_format':
      return t('admin.create.issues.codeFormat');
    case 'code_taken':
      return t('admin.create.issues.codeTaken');
    case 'center_incomplete':
      return t('admin.create.issues.centerIncomplete');
    case 'server':
      return issue.message;
  }
}
