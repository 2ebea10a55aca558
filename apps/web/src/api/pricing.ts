/**
 * Rent policies and quotes (issue #5, docs/pricing.md): the public current policy of a zone, a
 * public quote, the firm's saved quotes, and the zone's policy versions (draft, publish,
 * coverage, quote with a given version). Thin wrappers over the generated client; the shapes
 * below restate the DTOs with the engine's types (`RentPolicyRules`, `QuoteResult`), which the
 * OpenAPI document describes only as JSON objects.
 */
import type {
  ApplicantProfile,
  PolicyIssue,
  QuoteResult,
  QuoteTotals,
  RentPolicyRules,
} from '@factoryspace/domain';
import { ApiError, api, unwrap } from './http';

/** The policy a zone applies today (or on a date): `PublicRentPolicyDto`. */
export interface PublicRentPolicy {
  id: string;
  zoneId: string;
  versionNo: number;
  name: string;
  effectiveFrom: string;
  rules: RentPolicyRules;
}

/** `CreateQuoteDto`: the body of every quote request. */
export interface QuoteRequest {
  unitId: string;
  termMonths: number;
  /** YYYY-MM-DD. */
  startDate: string;
  profile: ApplicantProfile;
}

export interface QuotePolicyRef {
  id: string;
  versionNo: number;
  name: string;
  effectiveFrom: string | null;
}

/** `QuoteResponseDto`: the unit and policy version used, the profile and the engine's result. */
export interface QuoteResponse {
  unit: {
    id: string;
    code: string;
    name: string;
    zoneId: string;
    grossArea: number;
    floor: number;
    listRentFenPerM2: number;
  };
  policy: QuotePolicyRef;
  profile: ApplicantProfile;
  result: QuoteResult;
}

/** `SavedQuoteDto`: a quote as the firm saved it (never recomputed). */
export interface SavedQuote extends QuoteResponse {
  id: string;
  createdAt: string;
}

/** `SavedQuoteSummaryDto`: one row of "My quotes". */
export interface SavedQuoteSummary {
  id: string;
  createdAt: string;
  unit: { id: string; code: string; name: string };
  policy: QuotePolicyRef;
  termMonths: number;
  startDate: string;
  totals: QuoteTotals;
}

export type RentPolicyStatus = 'draft' | 'published';

/** `RentPolicyVersionSummaryDto`: one version in the zone's list. */
export interface RentPolicyVersionSummary {
  id: string;
  zoneId: string;
  versionNo: number;
  name: string;
  status: RentPolicyStatus;
  effectiveFrom: string | null;
  publishedAt: string | null;
  updatedAt: string;
  version: number;
  /** The version in effect today. */
  isCurrent: boolean;
}

/** `RentPolicyVersionDto`: a version with its notes and rules. */
export interface RentPolicyVersion extends RentPolicyVersionSummary {
  notes: string | null;
  rules: RentPolicyRules;
}

export interface CreateRentPolicyBody {
  name: string;
  effectiveFrom?: string | null;
  notes?: string | null;
  rules: RentPolicyRules;
}

export interface UpdateRentPolicyBody {
  version: number;
  name?: string;
  effectiveFrom?: string | null;
  notes?: string | null;
  rules?: RentPolicyRules;
}

/** `RentPolicyCoverageDto`: how much of the zone's area enjoys any floor or area tier. */
export interface RentPolicyCoverage {
  zoneAreaM2: number;
  coveredAreaM2: number;
  /** 0..1, four decimals. */
  coveredShare: number;
  unitCount: number;
  coveredUnitCount: number;
  floorTierAreaM2: number;
  areaTierAreaM2: number;
  byPark: { parkId: string; parkName: string; areaM2: number; coveredAreaM2: number }[];
}

// --- Public: current policy and quotes ------------------------------------------------------------

/** The zone's policy in effect on `date` (default: today in China); 404 RENT_POLICY_NOT_FOUND. */
export function getCurrentRentPolicy(
  zoneId: string,
  date?: string,
  signal?: AbortSignal,
): Promise<PublicRentPolicy> {
  return unwrap(
    api.GET('/api/v1/public/rent-policies/current', {
      params: { query: { zoneId, ...(date ? { date } : {}) } },
      signal,
    }),
  );
}

/** A quote for a unit on the market with the policy in effect on the start date. */
export function createQuote(body: QuoteRequest, signal?: AbortSignal): Promise<QuoteResponse> {
  return unwrap(api.POST('/api/v1/quotes', { body, signal }));
}

// --- The firm's saved quotes ------------------------------------------------------------------------

export function saveQuote(body: QuoteRequest): Promise<SavedQuote> {
  return unwrap(api.POST('/api/v1/firms/me/quotes', { body }));
}

export function listSavedQuotes(signal?: AbortSignal): Promise<{ items: SavedQuoteSummary[] }> {
  return unwrap(api.GET('/api/v1/firms/me/quotes', { signal }));
}

export function getSavedQuote(id: string, signal?: AbortSignal): Promise<SavedQuote> {
  return unwrap(api.GET('/api/v1/firms/me/quotes/{id}', { params: { path: { id } }, signal }));
}

export async function deleteSavedQuote(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/firms/me/quotes/{id}', { params: { path: { id } } }));
}

// --- Policy versions (zone workers read, zone administrators write) --------------------------------

export function listRentPolicies(
  zoneId: string,
  signal?: AbortSignal,
): Promise<{ items: RentPolicyVersionSummary[] }> {
  return unwrap(
    api.GET('/api/v1/zones/{zoneId}/rent-policies', { params: { path: { zoneId } }, signal }),
  );
}

/** 400 INVALID_RENT_POLICY with `details.issues` when the rules are not valid. */
export function createRentPolicy(
  zoneId: string,
  body: CreateRentPolicyBody,
): Promise<RentPolicyVersion> {
  return unwrap(
    api.POST('/api/v1/zones/{zoneId}/rent-policies', {
      params: { path: { zoneId } },
      body,
    }),
  );
}

export function getRentPolicy(id: string, signal?: AbortSignal): Promise<RentPolicyVersion> {
  return unwrap(api.GET('/api/v1/rent-policies/{id}', { params: { path: { id } }, signal }));
}

/** 409 RENT_POLICY_PUBLISHED for a published version, 409 VERSION_CONFLICT when stale. */
export function updateRentPolicy(
  id: string,
  body: UpdateRentPolicyBody,
): Promise<RentPolicyVersion> {
  return unwrap(
    api.PATCH('/api/v1/rent-policies/{id}', {
      params: { path: { id } },
      body,
    }),
  );
}

export async function deleteRentPolicy(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/rent-policies/{id}', { params: { path: { id } } }));
}

/** 400 EFFECTIVE_DATE_IN_PAST, 409 EFFECTIVE_DATE_TAKEN, 400 INVALID_RENT_POLICY. */
export function publishRentPolicy(id: string, version: number): Promise<RentPolicyVersion> {
  return unwrap(
    api.POST('/api/v1/rent-policies/{id}/publish', {
      params: { path: { id } },
      body: { version },
    }),
  );
}

export function getRentPolicyCoverage(
  id: string,
  signal?: AbortSignal,
): Promise<RentPolicyCoverage> {
  return unwrap(
    api.GET('/api/v1/rent-policies/{id}/coverage', { params: { path: { id } }, signal }),
  );
}

/** A quote computed with this version (draft or published), for any unit of the zone. */
export function quoteWithRentPolicy(
  id: string,
  body: QuoteRequest,
  signal?: AbortSignal,
): Promise<QuoteResponse> {
  return unwrap(
    api.POST('/api/v1/rent-policies/{id}/quote', {
      params: { path: { id } },
      body,
      signal,
    }),
  );
}

// --- Errors ---------------------------------------------------------------------------------------

/** What a failed quote means for the calculator. */
export type QuoteFailure =
  | { kind: 'no-policy'; message: string }
  | { kind: 'rent-not-set'; message: string }
  | { kind: 'unit-gone'; message: string }
  | { kind: 'term'; message: string; min: number | null; max: number | null }
  | { kind: 'start-date'; message: string }
  | { kind: 'error'; message: string };

function numberOr(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The details object of an API error (the validation errors' list gives none). */
function detailsObject(error: ApiError): Record<string, unknown> {
  const details = error.body.details;
  return details && !Array.isArray(details) ? details : {};
}

/**
 * Sorts a quote error into what the calculator shows: the server's message (already in the
 * user's language: the client sends Accept-Language) plus, for a term out of range, the range.
 */
export function quoteFailureOf(error: unknown): QuoteFailure {
  const message = (error as Error | null)?.message ?? String(error);
  if (!(error instanceof ApiError)) return { kind: 'error', message };
  switch (error.code) {
    case 'RENT_POLICY_NOT_FOUND':
      return { kind: 'no-policy', message };
    case 'UNIT_RENT_NOT_SET':
      return { kind: 'rent-not-set', message };
    case 'UNIT_NOT_FOUND':
      return { kind: 'unit-gone', message };
    case 'INVALID_START_DATE':
      return { kind: 'start-date', message };
    case 'TERM_OUT_OF_RANGE': {
      const details = detailsObject(error);
      return {
        kind: 'term',
        message,
        min: numberOr(details.min),
        max: numberOr(details.max),
      };
    }
    default:
      return { kind: 'error', message };
  }
}

function isPolicyIssue(value: unknown): value is PolicyIssue {
  const issue = value as PolicyIssue | null;
  return (
    typeof issue === 'object' &&
    issue !== null &&
    typeof issue.path === 'string' &&
    typeof issue.code === 'string' &&
    typeof issue.zh === 'string' &&
    typeof issue.en === 'string'
  );
}

/** The policy issues of a 400 INVALID_RENT_POLICY (or INVALID_POLICY) answer; [] otherwise. */
export function policyIssuesOf(error: unknown): PolicyIssue[] {
  if (!(error instanceof ApiError)) return [];
  if (error.code !== 'INVALID_RENT_POLICY' && error.code !== 'INVALID_POLICY') return [];
  const issues = detailsObject(error).issues;
  return Array.isArray(issues) ? issues.filter(isPolicyIssue) : [];
}
