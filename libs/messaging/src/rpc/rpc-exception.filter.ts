import { type ArgumentsHost, Catch, Logger, type RpcExceptionFilter } from '@nestjs/common';
import { CodedError, type RpcErrorPayload } from '@qifu/contracts';
import { isConnectionError } from '@qifu/database';
import { type Observable, throwError } from 'rxjs';

/**
 * Turns whatever a command handler throws into the JSON error payload the gateway maps to HTTP.
 * Coded errors pass through; a database that is down becomes SERVICE_UNAVAILABLE; anything else is
 * a bug, logged here with its stack and sent as INTERNAL.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly log = new Logger('RpcErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    let payload: RpcErrorPayload;
    if (exception instanceof CodedError) {
      payload = exception.toPayload();
    } else if (isConnectionError(exception)) {
      payload = { code: 'SERVICE_UNAVAILABLE', message: 'the database is unavailable' };
    } else {
      const pattern = String(host.switchToRpc().getContext<{ getPattern?: () => string }>()?.getPattern?.() ?? '?');
      this.log.error(`unexpected error in ${pattern}`, (exception as Error | undefined)?.stack ?? String(exception));
      payload = { code: 'INTERNAL', message: 'internal error' };
    }
    return throwError(() => payload);
  }
}
