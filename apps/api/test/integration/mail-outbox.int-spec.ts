/**
 * The mail outbox end to end: MailService queues, MailSenderService delivers to a real SMTP server
 * (smtp-server on a random local port), retries with back-off while the server is down without
 * losing anything, and without SMTP leaves mail in the outbox for administrators to read.
 */
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { MAIL_SENDER_OPTIONS, MailSenderService } from '../../src/modules/mail/mail-sender.service';
import { MailService, type MailMessage } from '../../src/modules/mail/mail.service';
import { verifyEmailMail } from '../../src/modules/mail/mail-templates';
import { createTestApp, type TestApp, type CreateTestAppOptions } from '../utils/create-test-app';
import { insertUserWithSession, insertZone, type TestSession } from '../utils/sign-in';

interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  raw: string;
}

interface TestSmtp {
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) of an unfolded header. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_h, hex: string) =>
                String.fromCharCode(parseInt(hex, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    );
}

function subjectOf(raw: string): string {
  const headers = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = headers.split(/\r?\n/).find((l) => /^subject:/i.test(l)) ?? '';
  return decodeHeader(line.replace(/^subject:\s*/i, ''));
}

/** An SMTP server without TLS or authentication that keeps what it receives. */
async function startSmtp(port = 0): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mailFrom = session.envelope.mailFrom;
        received.push({
          from: mailFrom ? mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: subjectOf(raw),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as { port: number };
  return {
    port: address.port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A local port nothing listens on (just released). */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The app with the delivery timer effectively off, so only deliverDue() delivers. */
function appOptions(env: Record<string, string> = {}): CreateTestAppOptions {
  return {
    env,
    override: (builder) =>
      builder
        .overrideProvider(MAIL_SENDER_OPTIONS)
        .useValue({ pollIntervalMs: 3_600_000, batchSize: 20 }),
  };
}

interface OutboxDbRow {
  id: string;
  to_address: string;
  status: string;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  /** next_attempt_at - now() in seconds */
  due_in: number;
}

async function outboxRows(t: TestApp): Promise<OutboxDbRow[]> {
  return t.dataSource.query(
    `SELECT id, to_address, status, attempts, last_error, sent_at,
            extract(epoch FROM next_attempt_at - now())::float8 AS due_in
       FROM outbox_messages ORDER BY to_address`,
  );
}

async function enqueue(t: TestApp, ...messages: MailMessage[]): Promise<void> {
  const mail = t.app.get(MailService);
  for (const message of messages) await mail.enqueue(t.dataSource.manager, message);
}

const message = (to: string, overrides: Partial<MailMessage> = {}): MailMessage => ({
  kind: 'test',
  to,
  subject: `Hello ${to}`,
  text: `A plain-text body for ${to}`,
  ...overrides,
});

describe('mail outbox: delivery through SMTP (integration)', () => {
  let smtp: TestSmtp;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(appOptions({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }));
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('delivers pending messages to their recipients and marks them sent', async () => {
    await enqueue(
      t,
      message('alice@example.com'),
      message('bob@example.com'),
      verifyEmailMail('carol@example.com', '王芳', 'http://localhost:3000/verify-email?token=abc'),
    );

    const result = await t.app.get(MailSenderService).deliverDue();

    expect(result).toEqual({ sent: 3, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual(
      expect.arrayContaining([['alice@example.com'], ['bob@example.com'], ['carol@example.com']]),
    );
    expect(smtp.received).toHaveLength(3);
    const alice = smtp.received.find((m) => m.to[0] === 'alice@example.com')!;
    expect(alice.subject).toBe('Hello alice@example.com');
    expect(alice.from).toBe('no-reply@factoryspace.local');
    const carol = smtp.received.find((m) => m.to[0] === 'carol@example.com')!;
    expect(carol.subject).toBe('请验证你的邮箱 / Verify your email — 厂房通');

    const rows = await outboxRows(t);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
      expect(row.sent_at).toBeInstanceOf(Date);
    }
  });

  it('sends nothing twice: a second run finds nothing due', async () => {
    const before = smtp.received.length;
    expect(await t.app.get(MailSenderService).deliverDue()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(before);
  });
});

describe('mail outbox: SMTP down, then back (integration)', () => {
  let port: number;
  let smtp: TestSmtp | undefined;
  let t: TestApp;

  beforeAll(async () => {
    port = await closedPort();
    t = await createTestApp(appOptions({ SMTP_URL: `smtp://127.0.0.1:${port}` }));
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('keeps messages pending with the error and a back-off while the server is unreachable', async () => {
    await enqueue(t, message('dave@example.com'), message('erin@example.com'));
    const sender = t.app.get(MailSenderService);

    expect(await sender.deliverDue()).toEqual({ sent: 0, failed: 2 });

    const rows = await outboxRows(t);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'pending', attempts: 1, sent_at: null });
      expect(row.last_error).toMatch(/ECONNREFUSED/);
      // first back-off: 30 s from now
      expect(row.due_in).toBeGreaterThan(25);
      expect(row.due_in).toBeLessThanOrEqual(30);
    }

    // not due yet: nothing is tried again before the back-off ends
    expect(await sender.deliverDue()).toEqual({ sent: 0, failed: 0 });
    expect((await outboxRows(t)).every((row) => row.attempts === 1)).toBe(true);
  });

  it('delivers every message once the server is up and the retry is due: nothing is lost', async () => {
    smtp = await startSmtp(port);
    // time passes: the retry is due
    await t.dataSource.query(
      `UPDATE outbox_messages SET next_attempt_at = now() - interval '1 second'`,
    );

    expect(await t.app.get(MailSenderService).deliverDue()).toEqual({ sent: 2, failed: 0 });

    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([
      'dave@example.com',
      'erin@example.com',
    ]);
    expect(smtp.received.map((m) => m.subject).sort()).toEqual([
      'Hello dave@example.com',
      'Hello erin@example.com',
    ]);
    for (const row of await outboxRows(t)) {
      expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    }
  });
});

describe('mail outbox without SMTP, read by administrators (integration)', () => {
  type Json = Record<string, unknown>;
  let t: TestApp;
  let zoneA: string;
  let zoneB: string;
  let superAdmin: TestSession;
  let adminA: TestSession;
  let staffA: TestSession;

  const get = (url: string, session?: TestSession) =>
    t.inject({
      method: 'GET',
      url,
      headers: { 'accept-language': 'en', ...(session ? { cookie: session.cookie } : {}) },
    });

  beforeAll(async () => {
    t = await createTestApp(appOptions());
    zoneA = await insertZone(t.dataSource);
    zoneB = await insertZone(t.dataSource);
    superAdmin = await insertUserWithSession(t.dataSource, { role: 'super_admin' });
    adminA = await insertUserWithSession(t.dataSource, { role: 'zone_admin', zoneId: zoneA });
    staffA = await insertUserWithSession(t.dataSource, { role: 'staff', zoneId: zoneA });
    await enqueue(
      t,
      message('a1@example.com', { zoneId: zoneA }),
      message('b1@example.com', { zoneId: zoneB }),
      message('a2@example.com', { zoneId: zoneA }),
      message('platform@example.com', { zoneId: null }),
      message('a3@example.com', { zoneId: zoneA }),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('deliverDue sends nothing and leaves every message pending', async () => {
    const sender = t.app.get(MailSenderService);
    expect(sender.enabled).toBe(false);
    expect(await sender.deliverDue()).toEqual({ sent: 0, failed: 0 });
    const rows = await outboxRows(t);
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => row.status === 'pending' && row.attempts === 0)).toBe(true);
  });

  it('shows the super administrator every message, newest first, and that SMTP is off', async () => {
    const res = await get('/api/v1/outbox', superAdmin);
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      items: Json[];
      total: Json;
      smtpConfigured: boolean;
      nextCursor: unknown;
    }>();
    expect(body.smtpConfigured).toBe(false);
    expect(body.total).toEqual({ value: 5, exact: true });
    expect(body.nextCursor).toBeNull();
    expect(body.items.map((m) => m.toAddress)).toEqual([
      'a3@example.com',
      'platform@example.com',
      'a2@example.com',
      'b1@example.com',
      'a1@example.com',
    ]);
    const a3 = body.items[0];
    expect(a3).toEqual({
      id: expect.any(String),
      kind: 'test',
      toAddress: 'a3@example.com',
      subject: 'Hello a3@example.com',
      bodyText: 'A plain-text body for a3@example.com',
      status: 'pending',
      attempts: 0,
      lastError: null,
      nextAttemptAt: expect.stringMatching(/Z$/),
      sentAt: null,
      createdAt: expect.stringMatching(/Z$/),
      zoneId: zoneA,
    });
  });

  it("shows a zone administrator only their zone's messages", async () => {
    const res = await get('/api/v1/outbox', adminA);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: Json[]; total: Json }>();
    expect(body.items.map((m) => m.toAddress)).toEqual([
      'a3@example.com',
      'a2@example.com',
      'a1@example.com',
    ]);
    expect(body.total).toEqual({ value: 3, exact: true });
  });

  it('pages with limit and cursor, and filters by status', async () => {
    const first = await get('/api/v1/outbox?limit=2', superAdmin);
    const page1 = first.json<{ items: Json[]; nextCursor: string }>();
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const second = await get(
      `/api/v1/outbox?limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`,
      superAdmin,
    );
    const page2 = second.json<{ items: Json[]; nextCursor: string }>();
    const third = await get(
      `/api/v1/outbox?limit=2&cursor=${encodeURIComponent(page2.nextCursor)}`,
      superAdmin,
    );
    const page3 = third.json<{ items: Json[]; nextCursor: string | null }>();
    expect(page3.nextCursor).toBeNull();
    expect([...page1.items, ...page2.items, ...page3.items].map((m) => m.toAddress)).toEqual([
      'a3@example.com',
      'platform@example.com',
      'a2@example.com',
      'b1@example.com',
      'a1@example.com',
    ]);

    const sent = await get('/api/v1/outbox?status=sent', superAdmin);
    expect(sent.json<{ items: Json[] }>().items).toEqual([]);
    const pending = await get('/api/v1/outbox?status=pending', adminA);
    expect(pending.json<{ items: Json[] }>().items).toHaveLength(3);

    expect((await get('/api/v1/outbox?status=lost', superAdmin)).statusCode).toBe(400);
    const badCursor = await get('/api/v1/outbox?cursor=nonsense', superAdmin);
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json<Json>().code).toBe('INVALID_CURSOR');
  });

  it('refuses visitors (401) and staff (403)', async () => {
    const visitor = await get('/api/v1/outbox');
    expect(visitor.statusCode).toBe(401);
    expect(visitor.json<Json>().code).toBe('NOT_AUTHENTICATED');
    const staff = await get('/api/v1/outbox', staffA);
    expect(staff.statusCode).toBe(403);
    expect(staff.json<Json>().code).toBe('FORBIDDEN');
  });
});
