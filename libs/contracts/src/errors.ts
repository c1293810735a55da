/**
 * Stable error codes. Services throw `CodedError`; the gateway maps each code to an HTTP status
 * in exactly one place (apps/gateway/src/errors). Adding a code forces that switch to handle it.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_TRANSITION',
  'IDEMPOTENCY_CONFLICT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'INVALID_CREDENTIALS',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  field: string;
  message: string;
}

/** What travels back over RPC when a command fails. JSON-safe. */
export interface RpcErrorPayload {
  code: ErrorCode;
  message: string;
  details?: FieldProblem[];
}

export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldProblem[],
  ) {
    super(message);
    this.name = 'CodedError';
  }

  toPayload(): RpcErrorPayload {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function isRpcErrorPayload(value: unknown): value is RpcErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as { code: string }).code) &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
