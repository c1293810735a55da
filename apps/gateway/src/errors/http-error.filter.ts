import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { CodedError, type ErrorCode, type FieldProblem } from '@qifu/contracts';
import type { Response } from 'express';
import { STATUS_TEXT, statusOf } from './error-status';

interface ErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode | string;
  message: string;
  details?: FieldProblem[];
  correlationId?: string;
}

function fromHttpException(e: HttpException): ErrorBody {
  const status = e.getStatus();
  const res = e.getResponse();
  const raw = typeof res === 'string' ? res : ((res as { message?: unknown }).message ?? e.message);
  const message = Array.isArray(raw) ? raw.join('; ') : String(raw);
  const code: ErrorCode | string =
    status === 404
      ? 'NOT_FOUND'
      : status === 401
        ? 'UNAUTHORIZED'
        : status === 403
          ? 'FORBIDDEN'
          : status === 413
            ? 'PAYLOAD_TOO_LARGE'
            : status === 429
              ? 'RATE_LIMITED'
              : status >= 500
                ? 'INTERNAL'
                : 'VALIDATION_FAILED';
  return { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', code, message };
}

/** Every error leaves the gateway as {statusCode, error, code, message}; unknown ones are 500s with a correlation id. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    let body: ErrorBody;
    const bodyParser = exception as { type?: string; status?: number; message?: string };
    if (exception instanceof CodedError) {
      const status = statusOf(exception.code);
      body = { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', code: exception.code, message: exception.message };
      if (exception.details) body.details = exception.details;
    } else if (exception instanceof HttpException) {
      body = fromHttpException(exception);
    } else if (bodyParser.type === 'entity.parse.failed') {
      body = {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: `the body is not valid JSON: ${bodyParser.message ?? ''}`,
      };
    } else if (bodyParser.type === 'entity.too.large') {
      body = { statusCode: 413, error: 'Payload Too Large', code: 'PAYLOAD_TOO_LARGE', message: 'the body is larger than the limit' };
    } else if (typeof bodyParser.status === 'number' && bodyParser.status >= 400 && bodyParser.status < 500) {
      body = {
        statusCode: bodyParser.status,
        error: STATUS_TEXT[bodyParser.status] ?? 'Error',
        code: 'VALIDATION_FAILED',
        message: bodyParser.message ?? 'bad request',
      };
    } else {
      const correlationId = randomUUID();
      this.log.error(`unexpected error ${correlationId}`, (exception as Error | undefined)?.stack ?? String(exception));
      body = { statusCode: 500, error: 'Internal Server Error', code: 'INTERNAL', message: 'internal error', correlationId };
    }
    if (body.statusCode === 503) res.setHeader('Retry-After', '5');
    res.status(body.statusCode).json(body);
  }
}
