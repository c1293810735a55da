import { CodedError } from '@qifu/contracts';
import type { NextFunction, Request, Response } from 'express';

const NUL_MESSAGE = 'text may not contain the NUL character (\\u0000)';

/**
 * Names no request field ever has, which class-transformer would silently drop instead of reporting
 * as unknown (they collide with Object's own members).
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf']);

/** JSON.parse reviver for the body parser: a NUL or a reserved key is a 400, never a database error. */
export function rejectNulInJson(key: string, value: unknown): unknown {
  if (key.includes('\u0000') || (typeof value === 'string' && value.includes('\u0000'))) throw new SyntaxError(NUL_MESSAGE);
  if (RESERVED_KEYS.has(key)) throw new SyntaxError(`${key}: unknown field`);
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
  if (url.includes('\u0000')) return next(new CodedError('VALIDATION_FAILED', `the address: ${NUL_MESSAGE}`));
  const query = req.originalUrl.indexOf('?');
  if (query >= 0) {
    for (const key of new URLSearchParams(req.originalUrl.slice(query + 1)).keys()) {
      if (RESERVED_KEYS.has(key))
        return next(new CodedError('VALIDATION_FAILED', `${key}: unknown query parameter`, [{ field: key, message: 'unknown' }]));
    }
  }
  next();
}
