// HTTP port: the one way product code talks to Amazon, LWA and the 3PL. The Apps Script adapter
// wraps UrlFetchApp with muteHttpExceptions, so every status comes back as a value; only transport
// failures (timeouts, DNS) throw, as HttpTransportError.

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface HttpRequest {
  url: string;
  method: HttpMethod;
  headers?: Record<string, string>;
  /** Sent as-is. For form posts, pass an encoded string and contentType application/x-www-form-urlencoded. */
  payload?: string;
  contentType?: string;
  /**
   * Follow a 3xx answer to its Location. Off unless set: UrlFetchApp re-sends the headers (and so
   * the bearer or access token) to wherever a redirect points, so a call carrying credentials must
   * never follow one. Only a request carrying none (a pre-signed S3 URL) may turn it on.
   */
  followRedirects?: boolean;
}

export interface HttpResponse {
  status: number;
  /** Header names lower-cased; a repeated header keeps its last value. */
  headers: Record<string, string>;
  /** The body decoded as UTF-8. */
  text: string;
  /** The raw body bytes (0..255), for gzip documents. */
  bytes(): number[];
}

export interface HttpPort {
  fetch(req: HttpRequest): HttpResponse;
}

/** The request never produced a response (timeout, connection reset, DNS). The write may or may not have happened. */
/**
 * How long UrlFetchApp waits for an answer: about 60 s, not configurable (shared/reference/apps-script.md,
 * "Timeouts"). A call that went unanswered is tried again only when another such wait fits.
 */
export const FETCH_TIMEOUT_MS = 60_000;

export class HttpTransportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HttpTransportError';
  }
}
