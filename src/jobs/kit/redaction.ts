// The one redaction point of an execution: a registry of the secrets it knows (stored credentials,
// plus every credential a client sends or obtains while it runs) and the port wrappers that apply it
// to everything leaving the product: cells, the Sync Log, the console, mails and returned values.

import type { SheetStylePort } from '../../ports/sheet-style';
import { redact } from '../../core/secrets';
import { LWA_TOKEN_URL } from '../../amazon/hosts';
import type { Ports } from '../../ports';
import type { HttpPort, HttpRequest } from '../../ports/http';
import type { LogPort } from '../../ports/log';
import type { MailPort } from '../../ports/mail';
import type { CellValue, WorkbookPort } from '../../ports/workbook';

export interface Redactor {
  /** Makes a credential known (a live access token): from now on it never leaves the product. */
  add(secret: string | null | undefined): void;
  /** Every secret known so far (for code that redacts on its own, e.g. kit/alerts). */
  known(): string[];
  /** The text with every known secret and pre-signed URL query removed. */
  text(text: string): string;
  /** A copy of a returned value (summary, sidebar state) with every string in it redacted. */
  value<T>(value: T): T;
  /** The ports with every output (workbook writes, log, mail) redacted and every sent credential registered. */
  ports(ports: Ports): Ports;
}

/**
 * Headers that carry a credential: ShipBob's bearer token (Authorization: Bearer, ShipBob
 * authentication docs https://developer.shipbob.com/auth) and the LWA access token SP-API takes in
 * x-amz-access-token (sp-api.md §1.2, https://developer-docs.amazon.com/sp-api/docs/connecting-to-the-selling-partner-api),
 * and Mintsoft's key in ms-apikey (help-mintsoft 12087865).
 */
const CREDENTIAL_HEADERS = ['authorization', 'x-amz-access-token', 'ms-apikey'];

function headerSecrets(req: HttpRequest): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    if (!CREDENTIAL_HEADERS.includes(name.toLowerCase()) || !value) continue;
    out.push(value, value.replace(/^(Bearer|Basic)\s+/i, ''));
  }
  return out;
}

/** The access token in a Login with Amazon answer (sp-api.md §1.1: {"access_token", ...}). */
function issuedToken(text: string): string | null {
  try {
    const body = JSON.parse(text) as { access_token?: unknown };
    return typeof body.access_token === 'string' ? body.access_token : null;
  } catch {
    return null;
  }
}

export function createRedactor(secrets: ReadonlyArray<string | null | undefined>): Redactor {
  const known = new Set<string>();
  const r: Redactor = {
    add: (s) => void (s && s.length >= 4 && known.add(s)),
    known: () => [...known],
    text: (t) => redact(t, [...known]),
    value: <T>(v: T): T => deep(v, r.text) as T,
    ports: (p) => ({
      ...p,
      http: registeringHttp(p.http, r),
      log: redactingLog(p.log, r.text),
      mail: redactingMail(p.mail, r.text),
      workbook: redactingWorkbook(p.workbook, r.text),
      ...(p.sheetStyle ? { sheetStyle: redactingStyle(p.sheetStyle, r.text) } : {}),
    }),
  };
  secrets.forEach(r.add);
  return r;
}

function deep(v: unknown, text: (t: string) => string): unknown {
  if (typeof v === 'string') return text(v);
  if (Array.isArray(v)) return v.map((x) => deep(x, text));
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, deep(x, text)]));
  }
  return v;
}

/** The key Mintsoft's POST /api/Auth issues: a JSON string or a bare one (help-mintsoft 12087865). */
function issuedMintsoftKey(text: string): string | null {
  const t = text.trim();
  try {
    const v = JSON.parse(t) as unknown;
    return typeof v === 'string' ? v : null;
  } catch {
    return t || null;
  }
}

/** Registers the credentials a call sends before it goes, and the tokens Login with Amazon and Mintsoft issue. */
function registeringHttp(http: HttpPort, r: Redactor): HttpPort {
  return {
    fetch(req) {
      headerSecrets(req).forEach(r.add);
      const res = http.fetch(req);
      if (req.url === LWA_TOKEN_URL && res.status >= 200 && res.status < 300) r.add(issuedToken(res.text));
      if (/^https:\/\/api\.mintsoft\.co\.uk\/api\/auth$/i.test(req.url) && res.status === 200) r.add(issuedMintsoftKey(res.text));
      return res;
    },
  };
}

function redactingLog(log: LogPort, text: (t: string) => string): LogPort {
  return { info: (m) => log.info(text(m)), warn: (m) => log.warn(text(m)), error: (m) => log.error(text(m)) };
}

/** Link text and addresses are cells too. */
function redactingStyle(style: SheetStylePort, text: (t: string) => string): SheetStylePort {
  return {
    ensureStandard: (std) => style.ensureStandard(std),
    setConditionalFormats: (tab, rules, isOwn) => style.setConditionalFormats(tab, rules, isOwn),
    ensureFilter: (tab, width) => style.ensureFilter(tab, width),
    setLinks: (tab, cells) => style.setLinks(tab, cells.map((c) => ({ ...c, text: text(c.text), url: c.url === null ? null : text(c.url) }))),
  };
}

function redactingMail(mail: MailPort, text: (t: string) => string): MailPort {
  return { send: (to, subject, body) => mail.send(to, text(subject), text(body)), remainingDailyQuota: () => mail.remainingDailyQuota() };
}

function redactingWorkbook(wb: WorkbookPort, text: (t: string) => string): WorkbookPort {
  const cell = (v: CellValue): CellValue => (typeof v === 'string' ? text(v) : v);
  const rows = (rs: CellValue[][]) => rs.map((row) => row.map(cell));
  return {
    tabNames: () => wb.tabNames(),
    readHeader: (tab) => wb.readHeader(tab),
    read: (tab) => wb.read(tab),
    readColumn: (tab, column) => wb.readColumn(tab, column),
    readShown: (tab) => wb.readShown(tab),
    readShownColumn: (tab, column) => wb.readShownColumn(tab, column),
    createTab: (def, rs, formats) => wb.createTab(def, rows(rs), formats),
    appendRows: (tab, rs, formats) => wb.appendRows(tab, rows(rs), formats),
    addColumns: (tab, start, columns) => wb.addColumns(tab, start, columns),
    replaceRows: (tab, rs, formats) => wb.replaceRows(tab, rows(rs), formats),
    writeRows: (tab, blocks, formats) => wb.writeRows(tab, blocks.map((b) => ({ ...b, rows: rows(b.rows) })), formats),
    rearrangeRows: (tab, deletes, inserts, formats) => wb.rearrangeRows(tab, deletes, inserts, formats),
    flush: () => wb.flush(),
    writeCell: (tab, row, column, value) => wb.writeCell(tab, row, column, cell(value)),
  };
}
