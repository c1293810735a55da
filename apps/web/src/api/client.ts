import { ApiError, type ApiErrorBody } from './api-error';
import { clearSession, getToken } from '../auth/token-store';

export const API_BASE = '/api/v1';

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** Raw body (e.g. text/calendar); sent as is with the given content type. */
  rawBody?: { content: string; contentType: string };
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Do not treat a 401 as "session expired" (the login call itself). */
  anonymous?: boolean;
}

/** Events the shell listens to: a 401 sends the person to login, a 503/network error shows a banner. */
export const apiEvents = new EventTarget();
export const UNAUTHORIZED_EVENT = 'unauthorized';
export const AVAILABILITY_EVENT = 'availability';

let currentLanguage = 'zh-CN';
export function setApiLanguage(lang: string): void {
  currentLanguage = lang;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function signalAvailability(up: boolean, status?: number): void {
  apiEvents.dispatchEvent(new CustomEvent(AVAILABILITY_EVENT, { detail: { up, status } }));
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage,
    ...opts.headers,
  };
  const token = getToken();
  if (token && !opts.anonymous) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.rawBody) {
    headers['Content-Type'] = opts.rawBody.contentType;
    body = opts.rawBody.content;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), { method: opts.method ?? 'GET', headers, body, signal: opts.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    signalAvailability(false, 0);
    throw new ApiError(0, { message: e instanceof Error ? e.message : 'Network error' });
  }
  if (res.ok) {
    signalAvailability(true);
    return res;
  }
  const errBody = await readErrorBody(res);
  const retryAfter = Number(res.headers.get('Retry-After'));
  const error = new ApiError(res.status, errBody, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
  if (res.status === 503 || res.status === 502 || res.status === 504) signalAvailability(false, res.status);
  else signalAvailability(true);
  if (res.status === 401 && !opts.anonymous) {
    clearSession(true);
    apiEvents.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
  }
  throw error;
}

async function readErrorBody(res: Response): Promise<ApiErrorBody> {
  const text = await res.text().catch(() => '');
  if (!text) return { statusCode: res.status, error: res.statusText };
  try {
    return JSON.parse(text) as ApiErrorBody;
  } catch {
    return { statusCode: res.status, error: res.statusText, message: text.slice(0, 300) };
  }
}

/** JSON call. Returns undefined for 204. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Binary/text download with the bearer token (e.g. the CSV ledger). */
export async function apiBlob(
  path: string,
  opts: RequestOptions = {},
): Promise<{ blob: Blob; filename: string | null }> {
  const res = await send(path, { ...opts, headers: { Accept: '*/*', ...opts.headers } });
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return { blob: await res.blob(), filename: match?.[1] ? decodeURIComponent(match[1]) : null };
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Lists may come as {items,...} (API.md) or a bare array (older endpoints): accept both. */
export function asItems<T>(data: T[] | { items: T[] } | undefined | null): T[] {
  if (!data) return [];
  return Array.isArray(data) ? data : data.items;
}

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
