import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  answerApplication,
  approveApplication,
  createApplication,
  listZoneApplications,
  moveInLease,
  signLease,
  startReview,
  submitApplication,
  withdrawApplication,
} from './leasing';

const fetchMock = vi.fn<(request: Request) => Promise<Response>>();

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(async () => json(200, {}));
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function call(index: number): Request {
  return fetchMock.mock.calls[index]![0];
}

describe('leasing API wrappers', () => {
  it('sends the Idempotency-Key on create, submit, approve and sign', async () => {
    const body = {
      unitId: 'u1',
      intendedUse: '仓储',
      termMonths: 36,
      desiredMoveIn: '2030-01-01',
    };
    await createApplication(body, 'k-create');
    await submitApplication('a1', 'k-submit');
    await approveApplication('a1', 500000, 'k-approve');
    await signLease('l1', '2030-01-02', 'k-sign');
    const [create, submit, approve, sign] = [0, 1, 2, 3].map(call);
    expect(create!.method).toBe('POST');
    expect(new URL(create!.url).pathname).toBe('/api/v1/applications');
    expect(create!.headers.get('Idempotency-Key')).toBe('k-create');
    expect(await create!.json()).toEqual(body);
    expect(new URL(submit!.url).pathname).toBe('/api/v1/applications/a1/submit');
    expect(submit!.headers.get('Idempotency-Key')).toBe('k-submit');
    expect(new URL(approve!.url).pathname).toBe('/api/v1/applications/a1/approve');
    expect(approve!.headers.get('Idempotency-Key')).toBe('k-approve');
    expect(await approve!.json()).toEqual({ depositFen: 500000 });
    expect(new URL(sign!.url).pathname).toBe('/api/v1/leases/l1/sign');
    expect(sign!.headers.get('Idempotency-Key')).toBe('k-sign');
    expect(await sign!.json()).toEqual({ signedOn: '2030-01-02' });
  });

  it('sends no Idempotency-Key where the API takes none', async () => {
    await withdrawApplication('a1');
    await answerApplication('a1', '已补充');
    await startReview('a1');
    await moveInLease('l1', '2030-01-03');
    for (const index of [0, 1, 2, 3]) {
      expect(call(index).headers.has('Idempotency-Key')).toBe(false);
    }
    expect(await call(0).json()).toEqual({});
    expect(await call(1).json()).toEqual({ message: '已补充' });
    expect(new URL(call(2).url).pathname).toBe('/api/v1/applications/a1/start-review');
    expect(await call(3).json()).toEqual({ movedInOn: '2030-01-03' });
  });

  it('asks for the zone queue with the status filter only when given', async () => {
    fetchMock.mockImplementation(async () => json(200, { items: [], nextCursor: null }));
    await listZoneApplications('z1');
    await listZoneApplications('z1', { status: 'approved' });
    const first = new URL(call(0).url);
    const second = new URL(call(1).url);
    expect(first.pathname).toBe('/api/v1/zones/z1/applications');
    expect(first.searchParams.has('status')).toBe(false);
    expect(second.searchParams.get('status')).toBe('approved');
  });

  it('turns a refusal into an ApiError with the server message', async () => {
    fetchMock.mockImplementation(async () =>
      json(409, { code: 'INVALID_TRANSITION', message: '只有已提交的申请可以开始审核' }),
    );
    await expect(startReview('a1')).rejects.toMatchObject({
      status: 409,
      code: 'INVALID_TRANSITION',
      message: '只有已提交的申请可以开始审核',
    });
  });
});
