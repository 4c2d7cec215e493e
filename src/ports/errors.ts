// The one base of every failure a remote system (Amazon SP-API, Login with Amazon, a 3PL) causes.
// Jobs decide what to do from these fields, never from message text, which stays free to change.

type RemoteSystem = 'amazon' | 'lwa' | 'threePl';

export type RemoteErrorKind =
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'validation'
  | 'duplicate'
  | 'upstream'
  | 'transport'
  | 'schema';

interface RemoteErrorFields {
  system: RemoteSystem;
  /** HTTP status of the answer; null when no answer arrived or it was not kept. */
  status: number | null;
  /**
   * Repeating the same call later may succeed (throttling, the remote's own faults, no answer). It
   * does not make a write safe to repeat: after a lost answer the caller still looks first.
   */
  retryable: boolean;
  kind: RemoteErrorKind;
}

/** Abstract so every failure names its system and kind through a subclass that maps its own data. */
export abstract class RemoteError extends Error implements RemoteErrorFields {
  readonly system: RemoteSystem;
  readonly status: number | null;
  readonly retryable: boolean;
  readonly kind: RemoteErrorKind;

  protected constructor(message: string, fields: RemoteErrorFields) {
    super(message);
    this.system = fields.system;
    this.status = fields.status;
    this.retryable = fields.retryable;
    this.kind = fields.kind;
  }
}

/**
 * The 3PL failed a call even after retries (no answer, its own fault, throttling): it cannot be
 * reached this run, so a step stops there rather than have every later item wait out the same silence.
 */
export function threePlUnreachable(e: unknown): e is RemoteError {
  return e instanceof RemoteError && e.system === 'threePl' && e.retryable;
}

/** The HTTP statuses a later repeat may get past: throttling and the remote's own faults. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}
