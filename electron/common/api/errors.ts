// The typed errors that cross the boundary between the renderer and the core, what
// every host turns a failure into (./contract.ts re-exports them).

/**
 * Typed errors that cross the boundary. Anything else becomes `internal`.
 * `forbidden` comes from a host's transport checks (browser edition: missing token
 * cookie, cross-origin request); `too_large` from them (an oversized body) or from
 * the core (an export larger than the bound every host can carry).
 */
export type ApiErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unavailable'
  | 'forbidden'
  | 'too_large'
  | 'internal';

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
  toJSON(): ApiErrorBody {
    return { code: this.code, message: this.message };
  }
}

/**
 * Any failure as the ApiError that crosses a boundary: an ApiError as it is,
 * anything else `internal` with its message (prefixed with `context`), never a stack.
 */
export function asApiError(err: unknown, context?: string): ApiError {
  if (err instanceof ApiError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ApiError('internal', context ? `${context}: ${message}` : message);
}
