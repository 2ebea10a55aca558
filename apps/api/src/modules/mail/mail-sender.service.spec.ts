import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../../config';
import { MailSenderService } from './mail-sender.service';
import type { DueMessage, OutboxRepository } from './outbox.repository';

const sendMail = jest.fn();
const close = jest.fn();
const createTransport = jest.fn((_options: unknown, _defaults: unknown) => ({ sendMail, close }));
jest.mock('nodemailer', () => ({
  createTransport: (options: unknown, defaults: unknown) => createTransport(options, defaults),
}));

function config(smtpUrl: string | undefined): AppConfig {
  return { mail: { smtpUrl, from: 'FactorySpace <no-reply@example.com>' } } as AppConfig;
}

function message(overrides: Partial<DueMessage> = {}): DueMessage {
  return {
    id: 'm1',
    kind: 'verify_email',
    toAddress: 'a@example.com',
    subject: 'Verify',
    bodyText: 'Open the link',
    attempts: 0,
    ...overrides,
  };
}

describe('MailSenderService', () => {
  const manager = {} as EntityManager;
  const dataSource = {
    transaction: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)),
  } as unknown as DataSource & { transaction: jest.Mock };
  let outbox: { claimDue: jest.Mock; markSent: jest.Mock; markFailed: jest.Mock };

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    jest.clearAllMocks();
    outbox = { claimDue: jest.fn(), markSent: jest.fn(), markFailed: jest.fn() };
  });

  const create = (smtpUrl: string | undefined) =>
    new MailSenderService(dataSource, config(smtpUrl), outbox as unknown as OutboxRepository, {
      pollIntervalMs: 60_000,
    });

  it('without SMTP sends nothing and does not touch the outbox', async () => {
    const sender = create(undefined);
    sender.onApplicationBootstrap();
    expect(sender.enabled).toBe(false);
    expect(await sender.deliverDue()).toEqual({ sent: 0, failed: 0 });
    expect(createTransport).not.toHaveBeenCalled();
    expect(dataSource.transaction).not.toHaveBeenCalled();
    await sender.onModuleDestroy();
  });

  it('sends due messages and marks them sent', async () => {
    const sender = create('smtp://127.0.0.1:2525');
    expect(createTransport).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'smtp://127.0.0.1:2525' }),
      { from: 'FactorySpace <no-reply@example.com>' },
    );
    outbox.claimDue.mockResolvedValueOnce([
      message(),
      message({ id: 'm2', toAddress: 'b@example.com' }),
    ]);
    sendMail.mockResolvedValue({});
    expect(await sender.deliverDue()).toEqual({ sent: 2, failed: 0 });
    expect(sendMail).toHaveBeenCalledWith({
      to: 'a@example.com',
      subject: 'Verify',
      text: 'Open the link',
    });
    expect(outbox.markSent.mock.calls.map((call) => call[1])).toEqual(['m1', 'm2']);
    expect(outbox.markFailed).not.toHaveBeenCalled();
    await sender.onModuleDestroy();
    expect(close).toHaveBeenCalled();
  });

  it('schedules a failed message with back-off and keeps the password out of last_error', async () => {
    const sender = create('smtp://mailer:hunter2secret@127.0.0.1:2525');
    outbox.claimDue.mockResolvedValueOnce([message({ attempts: 2 }), message({ id: 'm2' })]);
    sendMail
      .mockRejectedValueOnce(new Error('Invalid login: hunter2secret refused'))
      .mockResolvedValueOnce({});
    expect(await sender.deliverDue()).toEqual({ sent: 1, failed: 1 });
    expect(outbox.markFailed).toHaveBeenCalledWith(
      manager,
      'm1',
      'Invalid login: *** refused',
      120_000, // third failure: 30 s × 2²
    );
    expect(outbox.markSent).toHaveBeenCalledWith(manager, 'm2');
    await sender.onModuleDestroy();
  });

  it('keeps claiming while batches come back full', async () => {
    const sender = new MailSenderService(
      dataSource,
      config('smtp://127.0.0.1:2525'),
      outbox as unknown as OutboxRepository,
      { batchSize: 2 },
    );
    outbox.claimDue
      .mockResolvedValueOnce([message({ id: 'a' }), message({ id: 'b' })])
      .mockResolvedValueOnce([message({ id: 'c' })]);
    sendMail.mockResolvedValue({});
    expect(await sender.deliverDue()).toEqual({ sent: 3, failed: 0 });
    expect(outbox.claimDue).toHaveBeenCalledTimes(2);
    await sender.onModuleDestroy();
  });

  it('runs once at start, then on an unref-ed timer that stops on shutdown', async () => {
    jest.useFakeTimers();
    try {
      const sender = create('smtp://127.0.0.1:2525');
      outbox.claimDue.mockResolvedValue([]);
      sender.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(0);
      expect(outbox.claimDue).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(outbox.claimDue).toHaveBeenCalledTimes(2);
      await sender.onModuleDestroy();
      await jest.advanceTimersByTimeAsync(180_000);
      expect(outbox.claimDue).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
