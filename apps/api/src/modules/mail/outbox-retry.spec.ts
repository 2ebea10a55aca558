import {
  FIRST_RETRY_DELAY_MS,
  MAX_ERROR_LENGTH,
  MAX_RETRY_DELAY_MS,
  describeSendError,
  retryDelayMs,
  smtpEndpoint,
  smtpSecrets,
} from './outbox-retry';

describe('outbox retry back-off', () => {
  it('waits 30 s after the first failure and doubles after each further one', () => {
    expect(FIRST_RETRY_DELAY_MS).toBe(30_000);
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000,
    ]);
  });

  it('never waits longer than an hour, however many failures', () => {
    expect(MAX_RETRY_DELAY_MS).toBe(3_600_000);
    expect(retryDelayMs(8)).toBe(3_600_000);
    expect(retryDelayMs(50)).toBe(3_600_000);
    expect(retryDelayMs(1_000_000)).toBe(3_600_000);
  });

  it('treats a nonsensical count as the first failure', () => {
    expect(retryDelayMs(0)).toBe(30_000);
    expect(retryDelayMs(-3)).toBe(30_000);
    expect(retryDelayMs(Number.NaN)).toBe(30_000);
  });
});

describe('describeSendError', () => {
  it("keeps an error's message only, on one line", () => {
    const error = new Error('connect ECONNREFUSED 127.0.0.1:2525\n    at somewhere');
    expect(describeSendError(error)).toBe('connect ECONNREFUSED 127.0.0.1:2525 at somewhere');
    expect(describeSendError('plain text')).toBe('plain text');
    expect(describeSendError({ weird: true })).toBe('Unknown error');
    expect(describeSendError(new Error(''))).toBe('Error');
    expect(describeSendError(null)).toBe('Unknown error');
  });

  it('recognises errors from another realm and explains an AggregateError by its parts', () => {
    const foreign = { name: 'Error', message: 'connect ECONNREFUSED ::1:25', code: 'ECONNREFUSED' };
    expect(describeSendError(foreign)).toBe('connect ECONNREFUSED ::1:25');
    const aggregate = new AggregateError(
      [new Error('connect ECONNREFUSED ::1:25'), new Error('connect ECONNREFUSED 127.0.0.1:25')],
      '',
    );
    expect(describeSendError(aggregate)).toBe(
      'connect ECONNREFUSED ::1:25; connect ECONNREFUSED 127.0.0.1:25',
    );
    expect(describeSendError({ message: '', code: 'ETIMEDOUT' })).toBe('ETIMEDOUT');
  });

  it('removes credentials from URLs and the configured user name and password', () => {
    const secrets = smtpSecrets('smtps://mailer%40corp.cn:s3cr%2Ft@smtp.corp.cn:465');
    const message = describeSendError(
      new Error(
        'Invalid login for mailer@corp.cn with s3cr/t via smtps://mailer:s3cr%2Ft@smtp.corp.cn',
      ),
      secrets,
    );
    expect(message).not.toContain('s3cr');
    expect(message).not.toContain('mailer@corp.cn');
    expect(message).toContain('smtps://***@smtp.corp.cn');
  });

  it('truncates long messages', () => {
    const message = describeSendError(new Error('x'.repeat(5000)));
    expect(message).toHaveLength(MAX_ERROR_LENGTH);
    expect(message.endsWith('…')).toBe(true);
  });
});

describe('smtpSecrets / smtpEndpoint', () => {
  it('finds the password and a real user name, raw and decoded', () => {
    expect(smtpSecrets('smtp://user%2Bx:p%40ss@host:25').sort()).toEqual(
      ['p%40ss', 'p@ss', 'user%2Bx', 'user+x'].sort(),
    );
    expect(smtpSecrets('smtp://ab:pw@host')).toEqual(['pw']);
    expect(smtpSecrets('smtp://127.0.0.1:25')).toEqual([]);
    expect(smtpSecrets(undefined)).toEqual([]);
    expect(smtpSecrets('not a url')).toEqual([]);
  });

  it('describes the server without credentials', () => {
    expect(smtpEndpoint('smtps://user:secret@smtp.example.com:465')).toBe(
      'smtps://smtp.example.com:465',
    );
  });
});
