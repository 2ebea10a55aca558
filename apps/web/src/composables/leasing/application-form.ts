/**
 * The application form (/account/applications/new, /account/applications/:id/edit): its model,
 * the body sent to the API, the checks made before sending, and where an API refusal is shown.
 * Number fields are kept as the text typed, so nothing typed is lost when the API refuses it.
 */
import {
  APPLICATION_MACHINE,
  allowedEvents,
  type ApplicationEvent,
  type ApplicationStatus,
  type LeasingActor,
} from '@factoryspace/domain';
import type { Application, ApplicationNeeds, CreateApplicationBody } from '@/api/leasing';

export const NEEDS = ['water', 'sewage', 'gas', 'heating', 'fibre'] as const;
export type Need = (typeof NEEDS)[number];

export interface ApplicationForm {
  intendedUse: string;
  headcount: string;
  powerKva: string;
  floorLoadKnM2: string;
  needs: Record<Need, boolean>;
  termMonths: string;
  /** YYYY-MM-DD */
  desiredMoveIn: string;
}

/** The fields the form shows (API issues on other fields go to the top of the form). */
export const FORM_FIELDS = [
  'intendedUse',
  'headcount',
  'powerKva',
  'floorLoadKnM2',
  'needs',
  'termMonths',
  'desiredMoveIn',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export function emptyForm(): ApplicationForm {
  return {
    intendedUse: '',
    headcount: '',
    powerKva: '',
    floorLoadKnM2: '',
    needs: { water: false, sewage: false, gas: false, heating: false, fibre: false },
    termMonths: '',
    desiredMoveIn: '',
  };
}

function text(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** A saved draft back into the form. */
export function formFromApplication(application: Application): ApplicationForm {
  const form = emptyForm();
  form.intendedUse = application.intendedUse ?? '';
  form.headcount = text(application.headcount);
  form.powerKva = text(application.powerKva);
  form.floorLoadKnM2 = text(application.floorLoadKnM2);
  for (const need of NEEDS) form.needs[need] = application.needs[need] === true;
  form.termMonths = String(application.termMonths);
  form.desiredMoveIn = application.desiredMoveIn;
  return form;
}

/** A field's text: `v-model` on a number input hands numbers over, so read any value as text. */
function textOf(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

function numberOrUndefined(value: string): number | undefined {
  const trimmed = textOf(value);
  if (trimmed === '') return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : undefined;
}

/** The create body (PATCH sends the same fields with the version). Empty numbers are left out. */
export function applicationBody(
  form: ApplicationForm,
  unitId: string,
  quoteId: string | null,
): CreateApplicationBody {
  const needs: ApplicationNeeds = {};
  for (const need of NEEDS) needs[need] = form.needs[need];
  const body: CreateApplicationBody = {
    unitId,
    intendedUse: form.intendedUse.trim(),
    termMonths: Number(textOf(form.termMonths)),
    desiredMoveIn: form.desiredMoveIn,
    needs,
  };
  const headcount = numberOrUndefined(form.headcount);
  const powerKva = numberOrUndefined(form.powerKva);
  const floorLoad = numberOrUndefined(form.floorLoadKnM2);
  if (headcount !== undefined) body.headcount = headcount;
  if (powerKva !== undefined) body.powerKva = powerKva;
  if (floorLoad !== undefined) body.floorLoadKnM2 = floorLoad;
  if (quoteId) body.quoteId = quoteId;
  return body;
}

/** A check made before sending: the field and the message key under `leasing.form.errors`. */
export type LocalIssues = Partial<Record<FormField, string>>;

function positive(value: string, integer: boolean): boolean {
  const text = textOf(value);
  const number = Number(text);
  return (
    text !== '' && Number.isFinite(number) && number > 0 && (!integer || Number.isInteger(number))
  );
}

/** What the form can tell before asking the API (the API checks everything again). */
export function checkForm(form: ApplicationForm, today: string): LocalIssues {
  const issues: LocalIssues = {};
  if (!form.intendedUse.trim()) issues.intendedUse = 'required';
  if (textOf(form.headcount) && !positive(form.headcount, true)) issues.headcount = 'wholeNumber';
  if (textOf(form.powerKva) && !positive(form.powerKva, false)) issues.powerKva = 'positive';
  if (textOf(form.floorLoadKnM2) && !positive(form.floorLoadKnM2, false)) {
    issues.floorLoadKnM2 = 'positive';
  }
  if (!positive(form.termMonths, true)) issues.termMonths = 'wholeNumber';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.desiredMoveIn)) issues.desiredMoveIn = 'required';
  else if (form.desiredMoveIn < today) issues.desiredMoveIn = 'pastDate';
  return issues;
}

/** Error codes of the API that belong to one field of the form (the message is the server's). */
const CODE_FIELDS: Record<string, FormField> = {
  MOVE_IN_DATE_IN_PAST: 'desiredMoveIn',
  TERM_OUT_OF_RANGE: 'termMonths',
};

export function fieldOfErrorCode(code: string): FormField | null {
  return CODE_FIELDS[code] ?? null;
}

/** The events an actor may trigger on an application now, in the machine's order. */
export function applicationActions(
  status: ApplicationStatus,
  actor: LeasingActor,
): ApplicationEvent[] {
  return allowedEvents(APPLICATION_MACHINE, status, actor);
}

/**
 * The last day of a period whose end the API gives exclusive (`[from, to)`): a lease from
 * 2027-01-01 for 36 months runs "to 2029-12-31", which is how people read a term.
 */
export function lastDayOf(exclusiveEnd: string): string {
  const day = new Date(`${exclusiveEnd}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}
