import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setApiLocale } from './http';
import {
  createQuote,
  getCurrentRentPolicy,
  listRentPolicies,
  policyIssuesOf,
  publishRentPolicy,
  quoteFailureOf,
  saveQuote,
  updateRentPolicy,
} from './pricing';

const fetchMock = vi.fn<(request: Request) => Promise<Response>>();

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

const body = {
  unitId: '00000000-0000-4000-8000-000000000001',
  termMonths: 36,
  startDate: '2026-03-01',
  profile: { leadingIndustry: false, highTech: true, specialisedLevel: 'provincial' as const },
};

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(async () => json(200, {}));
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
  setApiLocale(() => 'zh-CN');
});

describe('pricing API wrappers', () => {
  it('asks for the current policy of a zone, with the date only when given', async () => {
    await getCurrentRentPolicy('z1');
    await getCurrentRentPolicy('z1', '2026-05-01');
    const first = new URL(fetchMock.mock.calls[0]![0].url);
    const second = new URL(fetchMock.mock.calls[1]![0].url);
    expect(first.pathname).toBe('/api/v1/public/rent-policies/current');
    expect(first.searchParams.get('zoneId')).toBe('z1');
    expect(first.searchParams.has('date')).toBe(false);
    expect(second.searchParams.get('date')).toBe('2026-05-01');
  });

  it('posts the quote body as it is, to the public and the firm routes', async () => {
    await createQuote(body);
    await saveQuote(body);
    const [quote, save] = fetchMock.mock.calls.map((call) => call[0]);
    expect(quote!.method).toBe('POST');
    expect(new URL(quote!.url).pathname).toBe('/api/v1/quotes');
    expect(await quote!.json()).toEqual(body);
    expect(new URL(save!.url).pathname).toBe('/api/v1/firms/me/quotes');
  });

  it('sends the optimistic-lock version with a policy change and a publish', async () => {
    await updateRentPolicy('p1', { version: 3, name: 'x' });
    await publishRentPolicy('p1', 4);
    const [patch, publish] = fetchMock.mock.calls.map((call) => call[0]);
    expect(patch!.method).toBe('PATCH');
    expect(await patch!.json()).toEqual({ version: 3, name: 'x' });
    expect(new URL(publish!.url).pathname).toBe('/api/v1/rent-policies/p1/publish');
    expect(await publish!.json()).toEqual({ version: 4 });
  });

  it('keeps the server message in the user’s language on errors', async () => {
    setApiLocale(() => 'en');
    fetchMock.mockResolvedValueOnce(
      json(404, { code: 'RENT_POLICY_NOT_FOUND', message: 'This zone has no rent policy' }),
    );
    const error = await listRentPolicies('z1').catch((e: unknown) => e);
    expect(fetchMock.mock.calls[0]![0].headers.get('Accept-Language')).toBe('en');
    expect(error).toBeInstanceOf(ApiError);
    expect(quoteFailureOf(error)).toEqual({
      kind: 'no-policy',
      message: 'This zone has no rent policy',
    });
  });
});

describe('quoteFailureOf', () => {
  const apiError = (status: number, code: string, details?: Record<string, unknown>) =>
    new ApiError(status, { code, message: `msg ${code}`, details });

  it('sorts the quote errors into what the calculator shows', () => {
    expect(quoteFailureOf(apiError(409, 'UNIT_RENT_NOT_SET')).kind).toBe('rent-not-set');
    expect(quoteFailureOf(apiError(404, 'UNIT_NOT_FOUND')).kind).toBe('unit-gone');
    expect(quoteFailureOf(apiError(400, 'INVALID_START_DATE')).kind).toBe('start-date');
    expect(quoteFailureOf(apiError(500, 'INTERNAL')).kind).toBe('error');
    expect(quoteFailureOf(new Error('offline'))).toEqual({ kind: 'error', message: 'offline' });
  });

  it('reads the allowed range of TERM_OUT_OF_RANGE', () => {
    expect(quoteFailureOf(apiError(400, 'TERM_OUT_OF_RANGE', { min: 12, max: 60 }))).toEqual({
      kind: 'term',
      message: 'msg TERM_OUT_OF_RANGE',
      min: 12,
      max: 60,
    });
    expect(quoteFailureOf(apiError(400, 'TERM_OUT_OF_RANGE'))).toMatchObject({
      min: null,
      max: null,
    });
  });
});

describe('policyIssuesOf', () => {
  it('returns the well-formed issues of INVALID_RENT_POLICY only', () => {
    const issue = {
      path: 'floorTiers[1].fromFloor',
      code: 'NOT_CONTIGUOUS',
      zh: '不连续',
      en: 'gap',
    };
    const error = new ApiError(400, {
      code: 'INVALID_RENT_POLICY',
      message: 'invalid',
      details: { issues: [issue, { path: 1 }, null] },
    });
    expect(policyIssuesOf(error)).toEqual([issue]);
    expect(
      policyIssuesOf(new ApiError(409, { code: 'VERSION_CONFLICT', message: 'x', details: {} })),
    ).toEqual([]);
    expect(
      policyIssuesOf(
        new ApiError(400, {
          code: 'VALIDATION_FAILED',
          message: 'x',
          details: [{ field: 'name', code: 'REQUIRED' }],
        }),
      ),
    ).toEqual([]);
    expect(policyIssuesOf(new Error('x'))).toEqual([]);
  });
});
