import { computed, ref, type Ref } from 'vue';
import type { DossierContext, Locale } from '@factoryspace/domain';
import { issueText, type DisplayIssue } from './field-errors';
import { validateUnitForm, type FormField, type UnitFormValues } from './unit-form';

interface ServerIssueEntry {
  issues: DisplayIssue[];
  /** The field's value when the server complained; the message goes once the user edits it. */
  snapshot: string;
}

function snapshotOf(form: UnitFormValues, field: string): string {
  return JSON.stringify((form as unknown as Record<string, unknown>)[field] ?? null);
}

/**
 * Validation state of the unit form: client issues (mirroring the server: UNIT_LIMITS, then
 * checkDossierRules with the selected building's floors) and the server's 400 details, as
 * messages per field in the current locale. Client messages show for fields the user has left
 * and for every field after a save attempt.
 */
export function useUnitFormValidation(
  form: Ref<UnitFormValues>,
  context: Ref<DossierContext>,
  locale: Ref<Locale>,
) {
  const touched = ref<Record<string, boolean>>({});
  const submitted = ref(false);
  const serverIssues = ref<Record<string, ServerIssueEntry>>({});

  const clientIssues = computed(() => validateUnitForm(form.value, context.value));
  const isValid = computed(() => clientIssues.value.length === 0);

  const errors = computed<Record<string, string[]>>(() => {
    const result: Record<string, string[]> = {};
    for (const issue of clientIssues.value) {
      if (submitted.value || touched.value[issue.field]) {
        (result[issue.field] ??= []).push(issueText(issue, locale.value));
      }
    }
    for (const [field, entry] of Object.entries(serverIssues.value)) {
      if (snapshotOf(form.value, field) !== entry.snapshot) continue;
      for (const issue of entry.issues) {
        const message = issueText(issue, locale.value);
        const list = (result[field] ??= []);
        if (!list.includes(message)) list.push(message);
      }
    }
    return result;
  });

  const errorCount = computed(() => Object.keys(errors.value).length);

  function touch(field: FormField | string): void {
    touched.value = { ...touched.value, [field]: true };
  }

  /** Marks a save attempt: every message shows. True when the form may be sent. */
  function attemptSubmit(): boolean {
    submitted.value = true;
    return isValid.value;
  }

  function setServerIssues(byField: Record<string, DisplayIssue[]>): void {
    const next: Record<string, ServerIssueEntry> = {};
    for (const [field, issues] of Object.entries(byField)) {
      next[field] = { issues, snapshot: snapshotOf(form.value, field) };
    }
    serverIssues.value = next;
  }

  function errorsFor(field: FormField | string): string[] {
    return errors.value[field] ?? [];
  }

  function reset(): void {
    touched.value = {};
    submitted.value = false;
    serverIssues.value = {};
  }

  return {
    clientIssues,
    isValid,
    errors,
    errorCount,
    submitted,
    touch,
    attemptSubmit,
    setServerIssues,
    errorsFor,
    reset,
  };
}
