import { CodedError } from '@qifu/contracts';
import type { NextFunction, Request, Response } from 'express';

const NUL_MESSAGE = 'text may not contain the NUL character (\\u0000)';

/** JSON.parse reviver for the body parser: a NUL in any key or string is a 400, never a database error. */
export function rejectNulInJson(key: string, value: unknown): unknown {
  if (key.includes('\u0000') || (typeof value === 'string' && value.includes('\u0000'))) throw new SyntaxError(NUL_MESSAGE);
  return value;
}

/** The same for the path and query string (`%00`). */
export function rejectNulInUrl(req: Request, _res: Response, next: NextFunction): void {
  let url = req.originalUrl;
  try {
    url = decodeURIComponent(url);
  } catch {
    /* malformed escapes are left to the router (400 or 404) */
  }
  next(url.includes('\u0000') ? new CodedError('VALIDATION_FAILED', `the address: ${NUL_MESSAGE}`) : undefined);
}
