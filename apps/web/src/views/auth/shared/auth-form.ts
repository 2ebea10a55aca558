/**
 * Small helpers shared by the sign-in pages: password checks with the domain's policy, and the
 * message to show for an API error (throttling with its wait, network trouble, or the API's own
 * message, which already comes in the user's language).
 */
import {
  checkPassword,
  passwordProblemMessage,
  type Locale,
  type PasswordContext,
} from '@factoryspace/domain';
import { ApiError } from '@/api/http';
import { issueText, mapApiError } from '@/composables/field-errors';

/** The policy problems of a new password, as messages in `locale` (empty: acceptable). */
export function passwordProblems(
  password: string,
  context: PasswordContext,
  locale: Locale,
): string[] {
  return checkPassword(password, context).map((problem) => passwordProblemMessage(problem, locale));
}

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** One line for an error that belongs to no field. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      return error.retryAfterSeconds
        ? t('auth.tooMany', { seconds: error.retryAfterSeconds })
        : t('auth.tooManyLater');
    }
    if (error.status === 0) return t('auth.networkError');
    return error.message || error.code;
  }
  return (error as Error)?.message ?? String(error);
}

export interface FormErrors {
  /** Messages per form field. */
  fields: Record<string, string[]>;
  /** Messages for the whole form. */
  general: string[];
}

/**
 * An API error spread over a form: 400 VALIDATION_FAILED details under their fields (`aliases`
 * sends a server field to a form field, e.g. `newPassword` → `password`; a `firm.` prefix is
 * dropped), everything else as one general message.
 */
export function formErrors(
  error: unknown,
  formFields: readonly string[],
  locale: Locale,
  t: Translate,
  aliases: Record<string, string> = {},
): FormErrors {
  if (error instanceof ApiError && error.status === 400 && Array.isArray(error.body.details)) {
    const flattened = new ApiError(error.status, {
      ...error.body,
      details: error.body.details.map((detail) => ({
        ...detail,
        field: detail.field.replace(/^firm\./, ''),
      })),
    });
    const mapped = mapApiError(flattened, formFields, aliases);
    if (mapped.kind === 'validation') {
      const fields: Record<string, string[]> = {};
      for (const [field, issues] of Object.entries(mapped.fieldIssues)) {
        fields[field] = issues.map((issue) => issueText(issue, locale));
      }
      return { fields, general: mapped.general };
    }
  }
  return { fields: {}, general: [errorMessage(error, t)] };
}

/** Moves the focus to the first field of the form marked invalid (after the DOM updated). */
export function focusFirstInvalid(form: HTMLElement | null | undefined): void {
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  target?.focus();
}
