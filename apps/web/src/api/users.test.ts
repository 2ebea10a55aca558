import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './http';
import { listAuditEvents } from './audit';
import { getMyFirm, removeMember } from './firms';
import { listOutbox } from './outbox';
import { createInvitation, listUsers, revokeInvitation, updateUser } from './users';

/** The accounts calls go through the shared typed client: same fetch, cookies and CSRF header. */
const fetchMock = vi.fn<(request: Request) => Promise<Response>>();

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function sent(index = 0): Request {
  return fetchMock.mock.calls[index]![0];
}

function url(index = 0): URL {
  return new URL(sent(index).url);
}

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockResolvedValue(
    json(200, { items: [], nextCursor: null, total: { value: 0, exact: true } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  document.cookie = 'fs_csrf=csrf-1; path=/';
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = 'fs_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});

describe('accounts API calls', () => {
  it('lists users with the query, without a CSRF header on GET', async () => {
    await listUsers({ role: 'staff', q: '王', status: undefined, cursor: 'abc' });
    expect(url().pathname).toBe('/api/v1/users');
    expect(Object.fromEntries(url().searchParams)).toEqual({
      limit: '20',
      role: 'staff',
      q: '王',
      cursor: 'abc',
    });
    expect(sent().headers.get('X-CSRF-Token')).toBeNull();
  });

  it('patches a user with the version and the CSRF token', async () => {
    fetchMock.mockResolvedValue(json(200, { id: 'u 1', version: 4 }));
    await updateUser('u 1', { status: 'disabled', version: 3 });
    expect(sent().method).toBe('PATCH');
    expect(url().pathname).toBe('/api/v1/users/u%201');
    expect(sent().headers.get('X-CSRF-Token')).toBe('csrf-1');
    expect(await sent().json()).toEqual({ status: 'disabled', version: 3 });
  });

  it('resolves a 204 to nothing', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(revokeInvitation('i1')).resolves.toBeUndefined();
    await expect(removeMember('m1')).resolves.toBeUndefined();
    expect(url(0).pathname).toBe('/api/v1/invitations/i1');
    expect(url(1).pathname).toBe('/api/v1/firms/me/members/m1');
    expect(sent(1).method).toBe('DELETE');
  });

  it('throws the API error with its code and details', async () => {
    fetchMock.mockResolvedValue(
      json(409, { code: 'VERSION_CONFLICT', message: 'stale', details: { currentVersion: 5 } }),
    );
    const error = await getMyFirm().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(409);
    expect((error as ApiError).code).toBe('VERSION_CONFLICT');
  });

  it('reaches the invitation, outbox and audit routes', async () => {
    fetchMock.mockImplementation(async () =>
      json(200, { items: [], nextCursor: null, total: { value: 0, exact: true } }),
    );
    await createInvitation({ email: 'a@b.cn', role: 'staff' });
    await listOutbox({ status: 'pending' });
    await listAuditEvents({ type: 'login.failure', from: '2025-01-01' });
    expect(url(0).pathname).toBe('/api/v1/invitations');
    expect(sent(0).method).toBe('POST');
    expect(url(1).pathname + url(1).search).toBe('/api/v1/outbox?limit=20&status=pending');
    expect(url(2).pathname).toBe('/api/v1/audit-events');
    expect(url(2).searchParams.get('type')).toBe('login.failure');
    expect(url(2).searchParams.get('from')).toBe('2025-01-01');
  });
});
