// Plain-text and Markdown tables of the stock bench: one line per catalogue size for settling, one
// per run, the settle sequence's calls by operation next to the world-derived minimum, and the
// targets' PASS/MISS. textTable and markdownTable are shared with the orders and settlements parts.

import type { PureCpu } from './pure-cpu';
import type { RunReport, SizeReport } from './e2e';
import { EXECUTION_LIMIT_S, allRuns, quietWrites, sequenceCalls, sequenceSeconds, settleRuns, slowest } from './stock-targets';
import type { Verdict } from './stock-targets';

export interface SizeResult extends SizeReport {
  pureCpu: PureCpu;
}

const s1 = (x: number) => x.toFixed(1);
const int = (x: number) => Math.round(x).toLocaleString('en-GB');
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');

function outcomeOf(r: RunReport): string {
  return r.execution !== 'ok' ? r.execution : r.job;
}

export function settleRows(results: ReadonlyArray<SizeResult>): string[][] {
  const header = [
    'N SKUs',
    'listings / FBA read by',
    'runs to settle (failed)',
    'outcomes',
    'API calls: sequence / minimum',
    'modelled s: sequence / floor',
    'slowest run s (% of 6 min) / run-A floor',
    'cells read / written per run (max)',
    'quiet run cells written: Inventory / all',
    'pure CPU ms (min)',
    'real s',
  ];
  const rows = results.map((r) => {
    const worst = slowest(allRuns(r));
    const calls = sequenceCalls(r);
    const secs = sequenceSeconds(r);
    const seq = settleRuns(r);
    const quiet = quietWrites(r);
    const a = r.minimum.readAndPush;
    return [
      int(r.n),
      `${r.minimum.plan.listings} / ${r.minimum.plan.fba}`,
      `${r.runsToSettle === null ? `not in ${r.runs.length}` : r.runsToSettle} (${r.failedRuns})`,
      seq.map(outcomeOf).join(', '),
      `${calls.total} / ${r.minimum.total}${r.runsToSettle === null ? ' (not settled)' : ` = ${ratio(calls.total, r.minimum.total)}`}`,
      `${s1(secs)} / ${s1(r.minimum.timeS)}${r.runsToSettle === null ? ' (not settled)' : ` = ${ratio(secs, r.minimum.timeS)}`}`,
      `${s1(worst.virtualS)} (${Math.round((worst.virtualS / EXECUTION_LIMIT_S) * 100)}%, ${worst.kind} ${worst.run}${worst.execution === 'timeout' ? ', stopped' : ''}) / ${s1(a.totalS)} = ${ratio(worst.virtualS, a.totalS)}`,
      `${int(Math.max(...seq.map((x) => x.cellsRead)))} / ${int(Math.max(...seq.map((x) => x.cellsWritten)))}`,
      quiet === null ? '–' : `${int(quiet.inventory)} / ${int(r.quiet!.cellsWritten)}`,
      `${r.pureCpu.medianMs.toFixed(0)} (${r.pureCpu.minMs.toFixed(0)})`,
      s1(r.realMs / 1000),
    ];
  });
  return [header, ...rows];
}

/** The tabs a run wrote, largest first: "Inventory 1,234 · Sync Log 14". */
function tabsWritten(r: RunReport): string {
  const parts = Object.entries(r.tabs)
    .filter(([, c]) => c.written > 0)
    .sort((a, b) => b[1].written - a[1].written)
    .map(([t, c]) => `${t} ${int(c.written)}`);
  return parts.length ? parts.join(' · ') : '0';
}

export function runRows(results: ReadonlyArray<SizeResult>): string[][] {
  const header = ['N SKUs', 'run', 'kind', 'outcome', 'modelled s (cost model s)', 'Node CPU ms', 'sheet calls', 'cells read', 'cells written by tab', 'flushes', 'fetches: SP/LWA/S3 · ShipBob', 'what the run did'];
  const rows: string[][] = [];
  for (const r of results) {
    for (const x of allRuns(r)) {
      rows.push([
        int(r.n),
        String(x.run),
        x.kind,
        outcomeOf(x),
        `${s1(x.virtualS)} (${s1(x.modelledS)})`,
        int(x.cpuMs),
        int(x.sheetCalls),
        int(x.cellsRead),
        tabsWritten(x),
        String(x.flushes),
        `${x.amazon.spApi}/${x.amazon.lwa}/${x.amazon.s3} · ${x.shipbob}`,
        x.message.length > 100 ? `${x.message.slice(0, 97)}…` : x.message,
      ]);
    }
  }
  return [header, ...rows];
}

const SHORT: Record<string, string> = {
  'get-all-inventory-levels-grouped-by-fulfillment-center': 'ShipBob inventory-level/locations',
  'get-products': 'ShipBob get-products (bundles, changed since)',
  'get-orders': 'ShipBob get-orders (changed since)',
  'query-inventory-history': 'ShipBob inventory/history:query',
};

/** The settle sequence's calls by operation next to the minimum's (S3 upload and download as one "s3"). */
export function opRows(results: ReadonlyArray<SizeResult>): string[][] {
  const header = ['N SKUs', 'operation', 'sequence', 'minimum', 'extra'];
  const rows: string[][] = [];
  for (const r of results) {
    const seen: Record<string, number> = {};
    for (const x of settleRuns(r)) for (const [op, n] of Object.entries(x.operations)) seen[op] = (seen[op] ?? 0) + n;
    const min: Record<string, number> = {};
    for (const o of r.minimum.ops) {
      const op = o.operation.startsWith('s3-') ? 's3' : o.operation;
      min[op] = (min[op] ?? 0) + o.calls;
    }
    const ops = [...new Set([...Object.keys(min), ...Object.keys(seen)])];
    for (const op of ops) {
      const a = seen[op] ?? 0;
      const b = min[op] ?? 0;
      rows.push([`${int(r.n)}${r.runsToSettle === null ? ' (not settled)' : ''}`, SHORT[op] ?? op, String(a), String(b), a - b === 0 ? '' : `${a - b > 0 ? '+' : ''}${a - b}`]);
    }
  }
  return [header, ...rows];
}

export function floorRows(results: ReadonlyArray<SizeResult>): string[][] {
  const header = ['N SKUs', 'run', 'calls', 'UrlFetch overhead s', 'longest chain s (what)', 'sheet cells s', 'floor s', 'rate limits alone s (binding)'];
  const rows: string[][] = [];
  for (const r of results) {
    const m = r.minimum;
    for (const [name, f] of [['A: read and push', m.readAndPush], ['B: follow and read back', m.followAndReadBack]] as const) {
      rows.push([int(r.n), name, String(f.calls), s1(f.overheadS), `${s1(f.chainS)} (${f.binding})`, s1(f.sheetS), s1(f.totalS), name.startsWith('A') ? `${s1(m.rateOnlyS)} (${m.rateOnlyBinding})` : '']);
    }
  }
  return [header, ...rows];
}

export function targetRows(verdicts: ReadonlyArray<Verdict>): string[][] {
  return [['target', 'N SKUs', 'result', 'measured'], ...verdicts.map((v) => [v.target, int(v.n), v.pass ? 'PASS' : 'MISS', v.value])];
}

export function textTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function markdownTable(rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const line = (r: string[]) => `| ${r.map(esc).join(' | ')} |`;
  return [line(rows[0]!), `|${rows[0]!.map(() => '---').join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
