// Typed failures of the SP-API client. Messages carry Amazon's error code, message and request id
// (quote it to Amazon support) but never a token, secret or request body. Each one carries the
// RemoteError fields, so jobs branch on system/kind/retryable rather than on the text.

import { isRetryableStatus, RemoteError, type RemoteErrorKind } from '../ports/errors';

export interface SpApiErrorItem {
  code: string;
  message: string;
  details?: string;
}

/**
 * Amazon answers 403 "Unauthorized" for an expired or revoked access token as well as 401, so both
 * are 'auth' (the stock sync already reads both as a credentials problem).
 */
function spApiKind(status: number): RemoteErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'upstream';
  // 400, 422 and the rarer 4xx (409, 413, 415...) all refuse this request as it was sent.
  if (status >= 400 && status < 500) return 'validation';
  return 'upstream';
}

/** Amazon answered with an error status (after any retries the status allowed). */
export class SpApiError extends RemoteError {
  constructor(
    readonly operation: string,
    override readonly status: number,
    readonly errors: SpApiErrorItem[],
    readonly requestId: string | undefined,
    /** What the status means when it is not the SP-API's own answer (a pre-signed document URL's, documents.ts). */
    kind: RemoteErrorKind = spApiKind(status),
  ) {
    const first = errors[0];
    const what = first ? `${first.code}: ${first.message}${first.details ? ` (${first.details})` : ''}` : 'no error body';
    super(`Amazon ${operation} failed with HTTP ${status} — ${what}${requestId ? ` [request id ${requestId}]` : ''}`, {
      system: 'amazon',
      status,
      retryable: isRetryableStatus(status),
      kind,
    });
    this.name = 'SpApiError';
  }
  get code(): string | undefined {
    return this.errors[0]?.code;
  }
  /**
   * Amazon named the access token in the error's details ("The access token you provided has
   * expired.", "… is invalid."): a login problem on any path, never the seller ID's, whose refusal
   * leaves details empty (sp-api.md §10, §12).
   */
  get tokenRejected(): boolean {
    return this.errors.some((e) => /access token/i.test(e.details ?? ''));
  }
}

/** Login with Amazon refused to issue an access token (revoked refresh token, rotated client secret...). */
export class SpApiAuthError extends RemoteError {
  constructor(
    override readonly status: number,
    readonly lwaError: string,
    description: string,
  ) {
    // In practice never retryable: LWA's 429s and 5xx are retried inside the client (and end as a
    // transport error), so what arrives here is a refusal only a person can fix.
    super(`Login with Amazon refused the token exchange (HTTP ${status}, ${lwaError})${description ? `: ${description}` : ''}`, {
      system: 'lwa',
      status,
      retryable: isRetryableStatus(status),
      kind: 'auth',
    });
    this.name = 'SpApiAuthError';
  }
}

/**
 * The call produced no usable answer: timeouts, or an unreadable body after a write. When
 * `mayHaveApplied` is true the write may have happened; the caller must look before writing again.
 */
export class SpApiTransportError extends RemoteError {
  constructor(
    readonly operation: string,
    message: string,
    readonly mayHaveApplied: boolean,
    /**
     * The HTTP status of the last answer when the tries ended on answers, not silence (Login with
     * Amazon's 429s or 5xx): "Amazon did not answer" would then send people to check their network.
     */
    readonly lastStatus: number | null = null,
  ) {
    // System 'amazon' for LWA's timeouts too: the remedy (try again later) is the same, unlike LWA's
    // refusals, which are 'lwa' because they need a person.
    super(`Amazon ${operation}: ${message}`, { system: 'amazon', status: null, retryable: true, kind: 'transport' });
    this.name = 'SpApiTransportError';
  }
}

/** A 2xx body that does not have the shape the client relies on. */
export class SpApiSchemaError extends RemoteError {
  constructor(
    readonly operation: string,
    readonly issues: string,
    readonly requestId: string | undefined,
  ) {
    // Status null: the answer was a 2xx whose status is not kept; the body is what failed. The same
    // call gives the same body, so repeating it does not help.
    super(`Amazon ${operation} returned an unexpected response: ${issues}${requestId ? ` [request id ${requestId}]` : ''}`, {
      system: 'amazon',
      status: null,
      retryable: false,
      kind: 'schema',
    });
    this.name = 'SpApiSchemaError';
  }
}
