import type { NextFunction, Request, Response } from 'express';
import type { TokenService } from '../auth/token.service';

export const QUEUE_BOARD_PATH = '/admin/queues';
const COOKIE = 'qifu_queues';

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function refuse(res: Response, status: 401 | 403, message: string): void {
  res.status(status).json({
    statusCode: status,
    error: status === 401 ? 'Unauthorized' : 'Forbidden',
    code: status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN',
    message,
  });
}

/**
 * Admin only. A browser cannot send the Authorization header on a page load, so the board also
 * takes `?access_token=` once: it is moved into an HttpOnly cookie scoped to /admin/queues and the
 * address is loaded again without it (so the token does not stay in the address bar or history).
 */
export function queueBoardGuard(tokens: TokenService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const fromQuery = typeof req.query.access_token === 'string' ? req.query.access_token : undefined;
    const auth = req.headers.authorization;
    const fromHeader = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    const token = fromQuery ?? fromHeader ?? cookieValue(req.headers.cookie, COOKIE);
    if (!token) return refuse(res, 401, `log in as an admin: open ${QUEUE_BOARD_PATH}?access_token=<your token> once`);
    let role: string;
    try {
      role = tokens.verify(token).role;
    } catch (err) {
      return refuse(res, 401, (err as Error).message);
    }
    if (role !== 'admin') return refuse(res, 403, 'only an admin sees the queues');
    if (fromQuery) {
      res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', path: QUEUE_BOARD_PATH, secure: req.secure });
      return res.redirect(302, `${req.baseUrl}${req.path === '/' ? '/' : req.path}`);
    }
    next();
  };
}
