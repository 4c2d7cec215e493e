// Node-side implementations of the product's ports, wired to the local world, so API clients can
// be tested directly (without the bundle) against the simulators. They keep the same semantics as
// the Apps Script adapters: statuses come back as values, timeouts throw HttpTransportError,
// sleeping moves the virtual clock.

import { gunzipSync, gzipSync } from 'node:zlib';
import type { HttpPort, HttpRequest, HttpResponse } from '../../src/ports/http';
import { HttpTransportError } from '../../src/ports/http';
import type { CachePort, KeyValueStore, LockPort } from '../../src/ports/store';
import type { ClockPort } from '../../src/ports/clock';
import type { CodecPort } from '../../src/ports/codec';
import type { LogPort } from '../../src/ports/log';
import type { MailPort } from '../../src/ports/mail';
import type { Network, SimRequest } from './http';
import type { VirtualClock } from './clock';

export function nodeHttp(network: Network, clock: VirtualClock, calls: SimRequest[] = []): HttpPort {
  return {
    fetch(req: HttpRequest): HttpResponse {
      const handler = network.handlerFor(req.url);
      if (!handler) throw new Error(`No simulator serves ${req.url}`);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v;
      if (req.payload !== undefined) headers['content-type'] = req.contentType ?? 'application/x-www-form-urlencoded';
      const body = req.payload ?? '';
      const simReq: SimRequest = {
        method: req.method.toUpperCase() as SimRequest['method'],
        url: req.url,
        headers,
        body,
        bodyBytes: new Uint8Array(Buffer.from(body, 'utf8')),
      };
      calls.push(simReq);
      const res = handler(simReq);
      clock.advance(res.latencyMs ?? 0);
      if ('timeout' in res) throw new HttpTransportError(`Timeout: ${req.url}`);
      const raw = res.body ?? '';
      const buf = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw);
      const outHeaders: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers ?? {})) outHeaders[k.toLowerCase()] = v;
      return { status: res.status, headers: outHeaders, text: buf.toString('utf8'), bytes: () => [...buf] };
    },
  };
}

export function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: (k) => data.get(k) ?? null,
    set: (k, v) => void data.set(k, String(v)),
    delete: (k) => void data.delete(k),
    all: () => Object.fromEntries(data),
  };
}

export function memoryCache(clock: VirtualClock): CachePort {
  const data = new Map<string, { value: string; expires: number }>();
  return {
    get(k) {
      const e = data.get(k);
      if (!e || e.expires <= clock.now()) return null;
      return e.value;
    },
    put(k, v, ttl) {
      data.set(k, { value: v, expires: clock.now() + ttl * 1000 });
    },
    remove(k) {
      data.delete(k);
    },
  };
}

export function virtualClockPort(clock: VirtualClock): ClockPort {
  return { now: () => clock.now(), sleep: (ms) => clock.advance(ms) };
}

export function nodeLock(): LockPort {
  let held = false;
  return {
    tryLock: () => (held ? false : (held = true)),
    release: () => void (held = false),
  };
}

export const nodeCodec: CodecPort = {
  gunzip: (b) => [...gunzipSync(Buffer.from(b))],
  gzip: (b) => [...gzipSync(Buffer.from(b))],
  utf8Decode: (b) => Buffer.from(b).toString('utf8'),
  utf8Encode: (t) => [...Buffer.from(t, 'utf8')],
  base64Encode: (t) => Buffer.from(t, 'utf8').toString('base64'),
  base64Decode: (t) => [...Buffer.from(t, 'base64')],
};

export function memoryLog(lines: string[] = []): LogPort & { lines: string[] } {
  return {
    lines,
    info: (m) => void lines.push(`INFO ${m}`),
    warn: (m) => void lines.push(`WARN ${m}`),
    error: (m) => void lines.push(`ERROR ${m}`),
  };
}

/** The mail port over the world's MailApp fake (test/world/gas/mail.ts), as src/adapters/gas/mail.ts uses MailApp. */
export function worldMail(mailApp: { sendEmail(to: string, subject: string, body: string, options?: { name?: string }): void; getRemainingDailyQuota(): number }): MailPort {
  return {
    send: (to, subject, body) => mailApp.sendEmail(to, subject, body, { name: 'FBA 3PL Sync' }),
    remainingDailyQuota: () => mailApp.getRemainingDailyQuota(),
  };
}
