/**
 * Small helpers shared by the sign-in pages: password checks with the domain's policy, the
 * message to show for an API error (throttling with its wait, network trouble, or the API's own
 * message, which already comes in the user's language), and the state and submit of a form.
 */
import { nextTick, ref, useTemplateRef, type ComponentPublicInstance } from 'vue';
import { useI18n } from 'vue-i18n';
import {
  checkPassword,
  isEmail,
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

/** A new password the policy accepts, confirmed by the same password again. */
export function newPasswordAccepted(
  password: string,
  confirm: string,
  context: PasswordContext = {},
): boolean {
  return (
    password.length > 0 && checkPassword(password, context).length === 0 && confirm === password
  );
}

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** What is wrong with an e-mail address typed into a required field (empty: nothing). */
export function emailProblems(email: string, t: Translate): string[] {
  if (!email.trim()) return [t('auth.required')];
  return isEmail(email) ? [] : [t('auth.invalidEmail')];
}

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

/**
 * Moves the focus to the first field of the form marked invalid (after the DOM updated). `form`:
 * the <form>, or the component that renders it (AuthForm).
 */
export function focusFirstInvalid(
  form: HTMLElement | ComponentPublicInstance | null | undefined,
): void {
  const root = form instanceof HTMLElement ? form : (form?.$el as HTMLElement | undefined);
  const target = root?.querySelector?.<HTMLElement>('[aria-invalid="true"]');
  target?.focus();
}

/**
 * The state of a sign-in page's form and its submit. The page marks its form `ref="authForm"`
 * (an AuthForm or a <form>). `submit(valid, send)`: marks the form attempted; when the page's own
 * checks fail (`valid()`, asked then) it focuses the first invalid field, else it calls `send`. An
 * error of `send` that `handle` takes (returns true) is the page's; any other goes under its
 * fields (`fields`; `aliases` sends a server field to a form field) or over the whole form.
 * Either way the first invalid field then gets the focus. The API's field messages of the last
 * submit are cleared on the next one, unless `keepServerErrors` (the page clears them as its
 * fields change).
 */
export function useAuthForm(
  fields: readonly string[],
  options: { aliases?: Record<string, string>; keepServerErrors?: boolean } = {},
) {
  const { t, locale } = useI18n();
  const attempted = ref(false);
  const submitting = ref(false);
  const serverErrors = ref<Record<string, string[]>>({});
  const generalErrors = ref<string[]>([]);
  const form = useTemplateRef<HTMLElement | ComponentPublicInstance>('authForm');

  async function focusInvalid(): Promise<void> {
    await nextTick();
    focusFirstInvalid(form.value);
  }

  async function submit(
    valid: () => boolean,
    send: () => Promise<void>,
    handle: (error: unknown) => boolean = () => false,
  ): Promise<void> {
    attempted.value = true;
    if (!options.keepServerErrors) serverErrors.value = {};
    generalErrors.value = [];
    if (!valid()) {
      await focusInvalid();
      return;
    }
    submitting.value = true;
    try {
      await send();
    } catch (error) {
      if (!handle(error)) {
        const mapped = formErrors(error, fields, locale.value as Locale, t, options.aliases);
        serverErrors.value = mapped.fields;
        generalErrors.value = mapped.general;
      }
      await focusInvalid();
    } finally {
      submitting.value = false;
    }
  }

  return { attempted, submitting, serverErrors, generalErrors, submit };
}
