import pino, { Logger } from 'pino';
import type { LogLevel } from '../../config';

/**
 * The one pino instance: Fastify logs requests with it (each line carries `reqId`) and Nest logs
 * through `PinoLoggerService`. Bodies are never logged; credentials are redacted.
 */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'factoryspace-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'headers.cookie',
        'req.headers["x-csrf-token"]',
        'headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.newPassword',
        '*.currentPassword',
        '*.token',
        '*.passwordHash',
        '*.smtpUrl',
        '*.password',
        'password',
        'databaseUrl',
      ],
      censor: '[redacted]',
    },
  });
}

/** Removes the password from a connection string before it is logged. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '[unparseable url]';
  }
}
