import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { InjectConfig, type AppConfig } from '../../config';
import { OutboxRepository } from './outbox.repository';
import { describeSendError, retryDelayMs, smtpEndpoint, smtpSecrets } from './outbox-retry';

/** Tuning of the delivery loop (tests override the MAIL_SENDER_OPTIONS provider). */
export interface MailSenderOptions {
  /** How often due messages are looked for. */
  pollIntervalMs: number;
  /** Messages claimed per transaction. */
  batchSize: number;
}

export const MAIL_SENDER_OPTIONS = Symbol('MAIL_SENDER_OPTIONS');
export const DEFAULT_MAIL_SENDER_OPTIONS: MailSenderOptions = {
  pollIntervalMs: 5_000,
  batchSize: 20,
};

/** Bounds on one SMTP exchange, so a stalled server cannot hold the delivery transaction. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export interface DeliveryResult {
  sent: number;
  failed: number;
}

/**
 * Delivers the outbox through SMTP when SMTP_URL is set: right after start and then every few
 * seconds it claims due pending messages (FOR UPDATE SKIP LOCKED), sends each, and marks it sent
 * or schedules a retry with back-off (30 s doubling to 1 h, forever: no message is dropped).
 * Without SMTP_URL it does nothing and mail stays in the outbox for administrators to read.
 */
@Injectable()
export class MailSenderService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('MailSender');
  private readonly options: MailSenderOptions;
  private readonly transport: Transporter | null;
  private readonly secrets: string[];
  private timer: NodeJS.Timeout | null = null;
  /** Delivery runs one at a time; each run waits for the one before. */
  private queue: Promise<unknown> = Promise.resolve();
  private running = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
    @Optional() @Inject(MAIL_SENDER_OPTIONS) options?: Partial<MailSenderOptions>,
  ) {
    this.options = { ...DEFAULT_MAIL_SENDER_OPTIONS, ...options };
    const smtpUrl = config.mail.smtpUrl;
    this.secrets = smtpSecrets(smtpUrl);
    this.transport = smtpUrl
      ? createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS }, { from: config.mail.from })
      : null;
  }

  /** Whether mail leaves the outbox (SMTP_URL set). */
  get enabled(): boolean {
    return this.transport !== null;
  }

  onApplicationBootstrap(): void {
    if (!this.transport) {
      this.logger.log('SMTP_URL is not set: mail stays in the outbox (GET /api/v1/outbox)');
      return;
    }
    this.logger.log(
      `delivering mail through ${smtpEndpoint(this.config.mail.smtpUrl!)} every ${this.options.pollIntervalMs} ms`,
    );
    this.tick();
    this.timer = setInterval(() => this.tick(), this.options.pollIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    // Let a run in progress finish before the database connection closes.
    await this.queue.catch(() => undefined);
    this.transport?.close();
  }

  /**
   * Delivers every due message (in batches) and says how many went out and how many failed.
   * Without SMTP it returns zeros and leaves the outbox untouched.
   */
  deliverDue(): Promise<DeliveryResult> {
    const run = this.queue.then(() => this.deliverAll());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The timer's run: skipped while one is still going. */
  private tick(): void {
    if (this.running || this.stopped) return;
    this.deliverDue().catch((error: unknown) =>
      this.logger.error({
        msg: 'outbox delivery run failed',
        error: describeSendError(error, this.secrets),
      }),
    );
  }

  private async deliverAll(): Promise<DeliveryResult> {
    const total: DeliveryResult = { sent: 0, failed: 0 };
    if (!this.transport) return total;
    this.running = true;
    try {
      // Failed messages move into the future, so each batch holds new messages; stop on a short one.
      for (;;) {
        const batch = await this.deliverBatch(this.transport);
        total.sent += batch.sent;
        total.failed += batch.failed;
        if (batch.sent + batch.failed < this.options.batchSize || this.stopped) break;
      }
    } finally {
      this.running = false;
    }
    return total;
  }

  private deliverBatch(transport: Transporter): Promise<DeliveryResult> {
    return this.dataSource.transaction(async (manager) => {
      const result: DeliveryResult = { sent: 0, failed: 0 };
      const due = await this.outbox.claimDue(manager, this.options.batchSize);
      for (const message of due) {
        try {
          await transport.sendMail({
            to: message.toAddress,
            subject: message.subject,
            text: message.bodyText,
          });
          await this.outbox.markSent(manager, message.id);
          result.sent += 1;
          this.logger.log({
            msg: 'mail sent',
            outboxId: message.id,
            kind: message.kind,
            attempt: message.attempts + 1,
          });
        } catch (error) {
          const failures = message.attempts + 1;
          const delayMs = retryDelayMs(failures);
          const reason = describeSendError(error, this.secrets);
          await this.outbox.markFailed(manager, message.id, reason, delayMs);
          result.failed += 1;
          this.logger.warn({
            msg: 'mail not sent; will retry',
            outboxId: message.id,
            kind: message.kind,
            attempt: failures,
            retryInMs: delayMs,
            error: reason,
          });
        }
      }
      return result;
    });
  }
}
