import { mapOutboxMessage } from './outbox.mapper';

describe('outbox mapper', () => {
  const row = {
    id: 'm',
    kind: 'verify_email',
    toAddress: 'a@example.com',
    subject: 'Hi',
    bodyText: 'Body',
    status: 'pending' as const,
    attempts: 2,
    lastError: 'connect ECONNREFUSED',
    nextAttemptAt: new Date('2026-01-01T00:01:00Z'),
    sentAt: null,
    createdAt: '2026-01-01T08:00:00+08:00',
    zoneId: null,
  };

  it('maps a pending message with ISO UTC timestamps', () => {
    expect(mapOutboxMessage(row)).toEqual({
      id: 'm',
      kind: 'verify_email',
      toAddress: 'a@example.com',
      subject: 'Hi',
      bodyText: 'Body',
      status: 'pending',
      attempts: 2,
      lastError: 'connect ECONNREFUSED',
      nextAttemptAt: '2026-01-01T00:01:00.000Z',
      sentAt: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      zoneId: null,
    });
  });

  it('maps the sending time of a sent message', () => {
    const sent = mapOutboxMessage({
      ...row,
      status: 'sent',
      sentAt: new Date('2026-01-02T03:04:05.678Z'),
    });
    expect(sent.sentAt).toBe('2026-01-02T03:04:05.678Z');
  });
});
