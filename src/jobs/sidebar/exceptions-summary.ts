// The Exceptions tab at a glance for the sidebar: open rows counted by severity, the few most urgent,
// and when each system's credentials were last refused (its open AUTH_FAILED row).

import { readStatus } from '../../core/exception-rows';
import { TABS, TAB, headersOf } from '../../core/tabs';
import type { CellValue, WorkbookPort } from '../../ports/workbook';
import { readTable } from '../../sheet/table';
import { SETUP_KEYS } from '../kit/failures';
import type { System } from './connection-record';

const X = headersOf(TABS.exceptions);

type Severity = 'High' | 'Medium' | 'Low';
const ORDER: Record<Severity, number> = { High: 0, Medium: 1, Low: 2 };

export interface ExceptionSummary {
  open: Record<Severity, number>;
  /** Rows people marked Acknowledged: still open, someone is on them. */
  acknowledged: number;
  /** The most urgent open rows (High first, newest first), at most 3. */
  top: Array<{ severity: Severity; type: string; entity: string; message: string }>;
  /** Open AUTH_FAILED rows by system: Last Seen (ms) and message. */
  refused: Partial<Record<System, { at: number; message: string }>>;
}

const text = (v: CellValue | undefined): string => String(v ?? '').trim();

function ms(v: CellValue | undefined): number {
  if (Object.prototype.toString.call(v) === '[object Date]') return (v as Date).getTime();
  const t = Date.parse(text(v));
  return Number.isFinite(t) ? t : 0;
}

/** The Status column as the tab's reconcile reads it (core/exceptions readStatus): anything unrecognised counts as open. */
function statusOf(v: CellValue | undefined): 'open' | 'acknowledged' | 'closed' {
  const { status } = readStatus(v);
  if (status === 'Acknowledged') return 'acknowledged';
  return status === 'Open' ? 'open' : 'closed';
}

function severityOf(v: CellValue | undefined): Severity {
  const t = text(v);
  return t === 'High' || t === 'Low' ? t : 'Medium';
}

export function exceptionSummary(wb: WorkbookPort): ExceptionSummary {
  const out: ExceptionSummary = { open: { High: 0, Medium: 0, Low: 0 }, acknowledged: 0, top: [], refused: {} };
  const table = readTable(wb, TAB.exceptions);
  if (!table) return out;
  const open: Array<{ severity: Severity; type: string; entity: string; message: string; at: number }> = [];
  for (const r of table.records) {
    const key = text(r[X.key]);
    if (!key && !text(r[X.message])) continue;
    const status = statusOf(r[X.status]);
    if (status === 'closed') continue;
    if (status === 'acknowledged') {
      out.acknowledged++;
      continue;
    }
    const row = { severity: severityOf(r[X.severity]), type: text(r[X.type]), entity: text(r[X.entity]), message: text(r[X.message]), at: ms(r[X.lastSeen]) };
    out.open[row.severity]++;
    open.push(row);
    if (key === SETUP_KEYS.amazonAuth) out.refused.amazon = { at: row.at, message: row.message };
    if (key === SETUP_KEYS.threePlAuth) out.refused.threePl = { at: row.at, message: row.message };
  }
  out.top = open
    .sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || b.at - a.at)
    .slice(0, 3)
    .map(({ severity, type, entity, message }) => ({ severity, type, entity, message }));
  return out;
}
