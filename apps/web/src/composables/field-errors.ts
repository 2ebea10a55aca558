/**
 * Turns an API error body into messages under form fields. 400 VALIDATION_FAILED carries one
 * detail per bad field; 409 VERSION_CONFLICT carries the current version.
 */
import {
  ISSUE_CODES,
  isOneOf,
  issueMessage,
  type IssueCode,
  type Locale,
} from '@factoryspace/domain';
import { ApiError, type ApiErrorBody, type ApiErrorDetail } from '@/api/http';

/** A field issue as shown: a known code (message in the current locale) or the server's text. */
export interface DisplayIssue {
  field: string;
  code: string;
  params?: Record<string, string | number>;
  /** The server's message, used when the code has parameters we were not sent. */
  message?: string;
}

export interface MappedApiError {
  kind: 'validation' | 'conflict' | 'other';
  /** Issues for fields the form shows, keyed by form field. */
  fieldIssues: Record<string, DisplayIssue[]>;
  /** Issues that belong to no field on the form, and other error messages. */
  general: string[];
  /** For a version conflict: the version now stored, when the server said. */
  currentVersion?: number;
  code: string;
}

/** `suitableIndustries[2]` or `footprint.0.1` → the top-level field name. */
export function topLevelField(field: string): string {
  const match = /^[A-Za-z_$][\w$]*/.exec(field);
  return match ? match[0] : field;
}

function detailsList(body: ApiErrorBody): ApiErrorDetail[] {
  return Array.isArray(body.details)
    ? body.details.filter(
        (d): d is ApiErrorDetail => typeof d === 'object' && d !== null && 'field' in d,
      )
    : [];
}

function versionFrom(body: ApiErrorBody): number | undefined {
  const details = body.details;
  if (details && !Array.isArray(details)) {
    for (const key of ['currentVersion', 'version', 'actualVersion']) {
      const value = (details as Record<string, unknown>)[key];
      if (typeof value === 'number') return value;
    }
  }
  if (Array.isArray(details)) {
    for (const detail of details as unknown as Record<string, unknown>[]) {
      for (const key of ['currentVersion', 'version']) {
        if (typeof detail?.[key] === 'number') return detail[key] as number;
      }
    }
  }
  return undefined;
}

/**
 * Maps an error (usually an ApiError) onto form fields. `formFields` lists the fields the form
 * renders; `aliases` sends a server field to another form field (e.g. zoneId → buildingId).
 */
export function mapApiError(
  error: unknown,
  formFields: readonly string[],
  aliases: Record<string, string> = {},
): MappedApiError {
  if (!(error instanceof ApiError)) {
    return {
      kind: 'other',
      code: 'UNKNOWN',
      fieldIssues: {},
      general: [(error as Error)?.message ?? String(error)],
    };
  }
  const body = error.body;
  if (error.status === 409 && body.code === 'VERSION_CONFLICT') {
    return {
      kind: 'conflict',
      code: body.code,
      fieldIssues: {},
      general: [],
      currentVersion: versionFrom(body),
    };
  }
  const details = detailsList(body);
  if (error.status !== 400 || details.length === 0) {
    return { kind: 'other', code: body.code, fieldIssues: {}, general: [body.message] };
  }
  const fieldIssues: Record<string, DisplayIssue[]> = {};
  const general: string[] = [];
  for (const detail of details) {
    const top = topLevelField(detail.field);
    const field = aliases[top] ?? top;
    const issue: DisplayIssue = {
      field,
      code: detail.code,
      params: detail.params,
      message: detail.message,
    };
    if (formFields.includes(field)) {
      (fieldIssues[field] ??= []).push(issue);
    } else {
      general.push(`${detail.field}: ${detail.message ?? detail.code}`);
    }
  }
  return { kind: 'validation', code: body.code, fieldIssues, general };
}

/**
 * The text for an issue in a locale: our own message for a known code when we can fill its
 * parameters, otherwise the server's message (already in the requested language).
 */
export function issueText(issue: DisplayIssue, locale: Locale): string {
  if (isOneOf(ISSUE_CODES, issue.code)) {
    const text = issueMessage({ code: issue.code as IssueCode, params: issue.params }, locale);
    if (!text.includes('…') || !issue.message) return text;
  }
  return issue.message ?? issue.code;
}
