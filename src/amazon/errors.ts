// Typed failures of the SP-API client. Messages carry Amazon's error code, message and request id
// (quote it to Amazon support) but never a token, secret or request body.

export interface SpApiErrorItem {
  code: string;
  message: string;
  details?: string;
}

/** Amazon answered with an error status (after any retries the status allowed). */
export class SpApiError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly errors: SpApiErrorItem[],
    readonly requestId: string | undefined,
  ) {
    const first = errors[0];
    const what = first ? `${first.code}: ${first.message}${first.details ? ` (${first.details})` : ''}` : 'no error body';
    super(`Amazon ${operation} failed with HTTP ${status} — ${what}${requestId ? ` [request id ${requestId}]` : ''}`);
    this.name = 'SpApiError';
  }
  get code(): string | undefined {
    return this.errors[0]?.code;
  }
}

/** Login with Amazon refused to issue an access token (revoked refresh token, rotated client secret...). */
export class SpApiAuthError extends Error {
  constructor(
    readonly status: number,
    readonly lwaError: string,
    description: string,
  ) {
    super(`Login with Amazon refused the token exchange (HTTP ${status}, ${lwaError})${description ? `: ${description}` : ''}`);
    this.name = 'SpApiAuthError';
  }
}

/**
 * The call produced no usable answer: timeouts, or an unreadable body after a write. When
 * `mayHaveApplied` is true the write may have happened; the caller must look before writing again.
 */
export class SpApiTransportError extends Error {
  constructor(
    readonly operation: string,
    message: string,
    readonly mayHaveApplied: boolean,
  ) {
    super(`Amazon ${operation}: ${message}`);
    this.name = 'SpApiTransportError';
  }
}

/** A 2xx body that does not have the shape the client relies on. */
export class SpApiSchemaError extends Error {
  constructor(
    readonly operation: string,
    readonly issues: string,
    readonly requestId: string | undefined,
  ) {
    super(`Amazon ${operation} returned an unexpected response: ${issues}${requestId ? ` [request id ${requestId}]` : ''}`);
    this.name = 'SpApiSchemaError';
  }
}

/**
 * The execution's time budget would run out before the next call or wait could finish. Jobs catch
 * this, save their cursor and stop; the next run carries on.
 */
export class DeadlineExceeded extends Error {
  constructor(
    readonly operation: string,
    readonly neededMs: number,
    readonly remainingMs: number,
  ) {
    super(`Stopped before Amazon ${operation}: needs ${Math.ceil(neededMs / 1000)}s, ${Math.max(0, Math.floor(remainingMs / 1000))}s of the run's time left`);
    this.name = 'DeadlineExceeded';
  }
}
