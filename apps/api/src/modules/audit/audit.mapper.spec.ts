import { mapAuditEvent } from './audit.mapper';

describe('audit mapper', () => {
  const row = {
    id: 'e',
    occurredAt: new Date('2026-01-01T00:00:00.123Z'),
    type: 'login.failure',
    outcome: 'failure' as const,
    actorId: null,
    actorLabel: 'someone@example.com',
    actorRole: null,
    zoneId: null,
    ip: '127.0.0.1',
    userAgent: 'jest',
    targetType: null,
    targetId: null,
    targetLabel: null,
    details: { reason: 'bad_password' },
  };

  it('maps a row with an ISO timestamp and its details', () => {
    const event = mapAuditEvent(row);
    expect(event.occurredAt).toBe('2026-01-01T00:00:00.123Z');
    expect(event.details).toEqual({ reason: 'bad_password' });
    expect(event.actorLabel).toBe('someone@example.com');
  });

  it('answers an object for details whatever the column holds', () => {
    expect(mapAuditEvent({ ...row, details: null }).details).toEqual({});
    expect(mapAuditEvent({ ...row, details: [1, 2] }).details).toEqual({});
  });
});
