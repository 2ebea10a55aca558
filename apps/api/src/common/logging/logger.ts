import pino, { Logger } from 'pino';
import type { LogLevel } from '../../config';

/**
 * The one pino instance: Fastify logs requests with it (each line carries `reqId`) and Nest logs
 * through `PinoLoggerService`. Bodies are never logged; credentials are redacted.
 */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    serializers: {
      req: (req: { method?: string; url?: string; host?: string; remoteAddress?: string }) => ({
        method: req.method,
        url: req.url === undefined ? undefined : maskUrlSecrets(req.url),
        host: req.host,
        remoteAddress: req.remoteAddress,
      }),
    },
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

/**
 * Masks single-use secrets that travel in URLs: `token=` query values (mail links opened in the
 * browser) and the invitation token path segment.
 */
export function maskUrlSecrets(url: string): string {
  return url
    .replace(/([?&]token=)[^&#]*/gi, '$1[redacted]')
    .replace(/(\/auth\/invitations\/)(?!accept\b)[^/?#]+/i, '$1[redacted]');
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
