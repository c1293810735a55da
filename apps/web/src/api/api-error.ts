/** The error body of the public contract: {statusCode, error, code, message} (+ optional details). */
export interface ApiErrorBody {
  statusCode?: number;
  error?: string;
  code?: string;
  message?: string | string[];
  details?: { field: string; message: string }[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: string[];
  readonly details: { field: string; message: string }[];
  readonly retryAfterSeconds: number | null;

  constructor(status: number, body: ApiErrorBody, retryAfterSeconds: number | null = null) {
    const messages = Array.isArray(body.message) ? body.message : body.message ? [body.message] : [];
    super(messages.join('; ') || body.error || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? defaultCode(status);
    this.messages = messages;
    this.details = Array.isArray(body.details) ? body.details : [];
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

function defaultCode(status: number): string {
  if (status === 0) return 'NETWORK';
  if (status === 400) return 'VALIDATION_FAILED';
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  return 'INTERNAL';
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
