import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { resolveLocale } from '@factoryspace/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from './error-response';

/**
 * The one global exception filter: every error leaves as `{ code, message, details? }`, the
 * message in the locale asked for by Accept-Language. 5xx are logged with the request id (via
 * the request's pino child logger) and never expose stacks or SQL.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const locale = resolveLocale(request.headers['accept-language']);
    const { status, body, unexpected } = toErrorResponse(exception, locale);

    if (unexpected) {
      request.log.error({ err: exception, status }, 'request failed');
    } else if (status >= 400) {
      request.log.info({ code: body.code, status }, 'request refused');
    }

    if (reply.sent) return;
    reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
