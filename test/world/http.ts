// The world's network: the fake UrlFetchApp hands every request to the simulator that owns the
// URL's origin. Simulators answer with a status, headers and a body, or say the request timed out
// (optionally after performing it: a lost response). Latency is virtual time.

export interface SimRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** Header names lower-cased. Content-Type is present when the caller set a payload. */
  headers: Record<string, string>;
  /** The payload decoded as UTF-8 ('' when none). */
  body: string;
  /** The payload as raw bytes. */
  bodyBytes: Uint8Array;
}

export type SimResponse =
  | {
      status: number;
      headers?: Record<string, string>;
      body?: string | Uint8Array;
      /** Virtual milliseconds the call takes; the fake UrlFetchApp advances the clock by it. */
      latencyMs?: number;
    }
  | { timeout: true; latencyMs?: number };

export type SimHandler = (req: SimRequest) => SimResponse;

export class Network {
  private routes = new Map<string, SimHandler>();

  /** `origin` like "https://sellingpartnerapi-eu.amazon.com". */
  register(origin: string, handler: SimHandler): void {
    this.routes.set(origin.toLowerCase(), handler);
  }

  handlerFor(url: string): SimHandler | undefined {
    const m = /^(https?:\/\/[^/?#]+)/i.exec(url);
    return m ? this.routes.get(m[1]!.toLowerCase()) : undefined;
  }
}
