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
import type { CellRule, ConditionalFormat, LinkCell, SheetStylePort, StyleChange } from '../../src/ports/sheet-style';
import type { ChartSpec, DashboardPort } from '../../src/ports/dashboard';
import type { StagingTab } from '../../src/sheet/staging-tab';
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

/** The hidden Sync Staging tab's contract in memory: parts by source, replaced from `first` on. */
export function memoryStaging(): StagingTab & { data: Map<string, string[]> } {
  const data = new Map<string, string[]>();
  return {
    data,
    parts: (source, count) => (data.get(source) ?? []).slice(0, count),
    put: (source, first, chunks) => void data.set(source, [...(data.get(source) ?? []).slice(0, first), ...chunks]),
    clear: (source) => void data.delete(source),
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

/**
 * The dashboard port in memory: a spreadsheet time zone, days and wall-clock times computed in it as
 * Utilities.formatDate does, and a record of the formats, weights and charts asked for. It has no
 * spreadsheet, so it reports no formulas: Dashboard formulas are tested in the Apps Script fakes.
 */
export function memoryDashboard(timeZone = 'Europe/London', lastRows: Record<string, number> = {}): DashboardPort & {
  formats: Array<{ tab: string; row: number; column: number; rows: number; columns: number; pattern: string }>;
  bold: Array<{ tab: string; row: number; bold: boolean }>;
  charts: Array<{ tab: string } & ChartSpec>;
} {
  const formats: Array<{ tab: string; row: number; column: number; rows: number; columns: number; pattern: string }> = [];
  const bold: Array<{ tab: string; row: number; bold: boolean }> = [];
  const charts: Array<{ tab: string } & ChartSpec> = [];
  return {
    formats,
    bold,
    charts,
    timeZone: () => timeZone,
    dayOf: (ms, tz) => new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms)),
    wallClock: (ms, tz) => {
      const parts = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
      const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
      return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}:${p('second')}`;
    },
    // No spreadsheet behind this double: no cell holds a formula it could report.
    formulas: () => [],
    lastRow: (tab) => lastRows[tab] ?? 0,
    setNumberFormat: (tab, b, pattern) => void formats.push({ tab, ...b, pattern }),
    setBold: (tab, blocks, on) => blocks.forEach((b) => bold.push({ tab, row: b.row, bold: on })),
    chartCount: (tab) => charts.filter((c) => c.tab === tab).length,
    insertChart: (tab, spec) => void charts.push({ tab, ...spec }),
  };
}

/** One tab's styling as the memory double keeps it. */
export interface MemoryTabStyle {
  frozen: boolean;
  filterWidth: number | null;
  plainText: Set<number>;
  /** `column` or `row:column` → rule. */
  rules: Map<string, CellRule>;
  protectedWarningOnly: boolean;
  formats: ConditionalFormat[];
  links: LinkCell[];
}

/**
 * The sheet-style port in memory, with the adapter's semantics (src/adapters/gas/sheet-style.ts):
 * each method changes only what is missing or different and says so; `writes` counts the changes,
 * so a test sees that a second run wrote nothing.
 */
export function memorySheetStyle(): SheetStylePort & { tabs: Map<string, MemoryTabStyle>; writes: string[] } {
  const tabs = new Map<string, MemoryTabStyle>();
  const writes: string[] = [];
  const tabOf = (tab: string): MemoryTabStyle => {
    let t = tabs.get(tab);
    if (!t) tabs.set(tab, (t = { frozen: false, filterWidth: null, plainText: new Set(), rules: new Map(), protectedWarningOnly: false, formats: [], links: [] }));
    return t;
  };
  const wants = (have: CellRule | undefined, rule: CellRule): boolean =>
    !have || (rule !== 'checkbox' && have !== 'checkbox' && rule.list.some((v) => !have.list.includes(v)));
  return {
    tabs,
    writes,
    ensureStandard(std) {
      const t = tabOf(std.tab);
      const changes = new Set<StyleChange>();
      if (std.freezeHeader && !t.frozen) (t.frozen = true), changes.add('frozen header');
      if (std.filter && t.filterWidth === null && std.width > 0) (t.filterWidth = std.width), changes.add('filter');
      for (const c of std.plainText) if (!t.plainText.has(c)) t.plainText.add(c), changes.add('plain text');
      const rules = [...std.columnRules.map((r) => ({ at: String(r.column), rule: r.rule })), ...std.cellRules.map((r) => ({ at: `${r.row}:${r.column}`, rule: r.rule }))];
      for (const { at, rule } of rules) {
        if (!wants(t.rules.get(at), rule)) continue;
        t.rules.set(at, rule);
        changes.add(rule === 'checkbox' ? 'tick boxes' : 'drop-downs');
      }
      if (std.protect && !t.protectedWarningOnly) (t.protectedWarningOnly = true), changes.add('protection');
      writes.push(...[...changes].map((c) => `${std.tab}: ${c}`));
      return [...changes];
    },
    setConditionalFormats(tab, rules, isOwn) {
      const t = tabOf(tab);
      const ours = t.formats.filter((f) => isOwn(f.formula));
      if (JSON.stringify(ours) === JSON.stringify(rules)) return false;
      t.formats = [...t.formats.filter((f) => !isOwn(f.formula)), ...rules.map((r) => ({ ...r }))];
      writes.push(`${tab}: conditional formats`);
      return true;
    },
    ensureFilter(tab, width) {
      const t = tabOf(tab);
      if (t.filterWidth !== null || width < 1) return false;
      t.filterWidth = width;
      writes.push(`${tab}: filter`);
      return true;
    },
    setLinks(tab, cells) {
      if (cells.length === 0) return;
      const t = tabOf(tab);
      const placed = new Set(cells.map((c) => `${c.row}:${c.column}`));
      // A cell given without a url is plain text again: only linked cells are kept.
      t.links = [...t.links.filter((l) => !placed.has(`${l.row}:${l.column}`)), ...cells.filter((c) => c.url).map((c) => ({ ...c }))];
      writes.push(`${tab}: links`);
    },
  };
}
