/**
 * Applications and leases (issue #6, docs/leasing.md): the firm drafts, submits, withdraws and
 * answers; zone staff review, approve into a draft lease, then sign, record the move-in, end or
 * cancel it. Thin wrappers over the generated client. Create, submit, approve and sign take an
 * `Idempotency-Key` chosen once per user action (see composables/leasing/idempotency.ts), so a
 * retry of the same action is answered from the first attempt instead of running twice.
 */
import type { Schemas } from '@factoryspace/api-client';
import type { ApplicationStatus } from '@factoryspace/domain';
import { api, unwrap } from './http';

export type Application = Schemas['ApplicationResponseDto'];
export type ApplicationNeeds = Schemas['ApplicationNeedsDto'];
export type CreateApplicationBody = Schemas['CreateApplicationDto'];
export type UpdateApplicationBody = Schemas['UpdateApplicationDto'];
export type Lease = Schemas['LeaseResponseDto'];
export type LeasingEvent = Schemas['LeasingEventDto'];

/** The statuses the zone queue can be filtered by (a draft is never in the queue). */
export type QueueStatus = Exclude<ApplicationStatus, 'draft'>;

function idempotent(key: string) {
  return { 'Idempotency-Key': key };
}

// --- The firm ---------------------------------------------------------------------------------

export function createApplication(
  body: CreateApplicationBody,
  idempotencyKey: string,
): Promise<Application> {
  return unwrap(
    api.POST('/api/v1/applications', {
      params: { header: idempotent(idempotencyKey) },
      body,
    }),
  );
}

/** Only a draft; 409 APPLICATION_NOT_EDITABLE / VERSION_CONFLICT otherwise. */
export function updateApplication(id: string, body: UpdateApplicationBody): Promise<Application> {
  return unwrap(api.PATCH('/api/v1/applications/{id}', { params: { path: { id } }, body }));
}

export function submitApplication(id: string, idempotencyKey: string): Promise<Application> {
  return unwrap(
    api.POST('/api/v1/applications/{id}/submit', {
      params: { path: { id }, header: idempotent(idempotencyKey) },
    }),
  );
}

export function withdrawApplication(id: string, reason?: string): Promise<Application> {
  return unwrap(
    api.POST('/api/v1/applications/{id}/withdraw', {
      params: { path: { id } },
      body: reason ? { reason } : {},
    }),
  );
}

export function answerApplication(id: string, message: string): Promise<Application> {
  return unwrap(
    api.POST('/api/v1/applications/{id}/answer', { params: { path: { id } }, body: { message } }),
  );
}

export function listMyApplications(signal?: AbortSignal): Promise<{ items: Application[] }> {
  return unwrap(api.GET('/api/v1/firms/me/applications', { signal }));
}

// --- Either side ------------------------------------------------------------------------------

export function getApplication(id: string, signal?: AbortSignal): Promise<Application> {
  return unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id } }, signal }));
}

export function listApplicationEvents(
  id: string,
  signal?: AbortSignal,
): Promise<{ items: LeasingEvent[] }> {
  return unwrap(api.GET('/api/v1/applications/{id}/events', { params: { path: { id } }, signal }));
}

// --- Zone staff -------------------------------------------------------------------------------

export function listZoneApplications(
  zoneId: string,
  query: { status?: QueueStatus; cursor?: string; limit?: number } = {},
  signal?: AbortSignal,
): Promise<{ items: Application[]; nextCursor: string | null }> {
  return unwrap(
    api.GET('/api/v1/zones/{zoneId}/applications', {
      params: { path: { zoneId }, query },
      signal,
    }),
  );
}

export function startReview(id: string): Promise<Application> {
  return unwrap(api.POST('/api/v1/applications/{id}/start-review', { params: { path: { id } } }));
}

export function requestInfo(id: string, reason: string): Promise<Application> {
  return unwrap(
    api.POST('/api/v1/applications/{id}/request-info', {
      params: { path: { id } },
      body: { reason },
    }),
  );
}

export function rejectApplication(id: string, reason: string): Promise<Application> {
  return unwrap(
    api.POST('/api/v1/applications/{id}/reject', { params: { path: { id } }, body: { reason } }),
  );
}

/** Approves into a draft lease (the answer carries `leaseId`); 409 UNIT_NOT_AVAILABLE. */
export function approveApplication(
  id: string,
  depositFen: number,
  idempotencyKey: string,
): Promise<Application> {
  return unwrap(
    api.POST('/api/v1/applications/{id}/approve', {
      params: { path: { id }, header: idempotent(idempotencyKey) },
      body: { depositFen },
    }),
  );
}

// --- Leases -----------------------------------------------------------------------------------

export function getLease(id: string, signal?: AbortSignal): Promise<Lease> {
  return unwrap(api.GET('/api/v1/leases/{id}', { params: { path: { id } }, signal }));
}

export function listLeaseEvents(
  id: string,
  signal?: AbortSignal,
): Promise<{ items: LeasingEvent[] }> {
  return unwrap(api.GET('/api/v1/leases/{id}/events', { params: { path: { id } }, signal }));
}

export function signLease(id: string, signedOn: string, idempotencyKey: string): Promise<Lease> {
  return unwrap(
    api.POST('/api/v1/leases/{id}/sign', {
      params: { path: { id }, header: idempotent(idempotencyKey) },
      body: { signedOn },
    }),
  );
}

export function moveInLease(id: string, movedInOn: string): Promise<Lease> {
  return unwrap(
    api.POST('/api/v1/leases/{id}/move-in', { params: { path: { id } }, body: { movedInOn } }),
  );
}

export function terminateLease(id: string, movedOutOn: string, reason: string): Promise<Lease> {
  return unwrap(
    api.POST('/api/v1/leases/{id}/terminate', {
      params: { path: { id } },
      body: { movedOutOn, reason },
    }),
  );
}

export function cancelLease(id: string, reason: string): Promise<Lease> {
  return unwrap(
    api.POST('/api/v1/leases/{id}/cancel', { params: { path: { id } }, body: { reason } }),
  );
}
