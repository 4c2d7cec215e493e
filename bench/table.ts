// Plain-text and Markdown tables of the bench results: one summary line per catalogue size and one
// line per sync run, with each measure next to its minimum or floor.

import type { PureCpu } from './pure-cpu';
import type { SizeReport } from './e2e';

export interface SizeResult extends SizeReport {
  pureCpu: PureCpu;
}

const s1 = (x: number) => x.toFixed(1);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function outcomeOf(r: SizeReport['runs'][number]): string {
  if (r.execution !== 'ok') return r.execution;
  return r.job;
}

export function summaryRows(results: ReadonlyArray<SizeResult>): string[][] {
  const header = ['N SKUs', 'runs to settle', 'sheet calls/run (max)', 'Amazon calls (all runs) / min', '3PL calls / min', 'virtual s (all runs) / rate floor / seq. floor', 'slowest run: virtual s / seq. floor / budget', 'pure CPU ms median (min)', 'outcomes'];
  const rows = results.map((r) => {
    const slowest = r.runs.reduce((a, b) => (b.virtualS > a.virtualS ? b : a), r.runs[0]!);
    return [
      r.n.toLocaleString('en-GB'),
      r.runsToSettle === null ? `not in ${r.runs.length}` : String(r.runsToSettle),
      String(Math.max(...r.runs.map((x) => x.sheetCalls))),
      `${sum(r.runs.map((x) => x.amazon.total))} / ${sum(r.runs.map((x) => x.amazon.minimum))}`,
      `${sum(r.runs.map((x) => x.shipbob.total))} / ${sum(r.runs.map((x) => x.shipbob.minimum))}`,
      `${s1(sum(r.runs.map((x) => x.virtualS)))} / ${s1(sum(r.runs.map((x) => x.floor.rateS)))} / ${s1(sum(r.runs.map((x) => x.floor.sequentialS)))}`,
      `${s1(slowest.virtualS)} / ${s1(slowest.floor.sequentialS)} / ${Math.round(slowest.budgetShare * 100)}%`,
      `${r.pureCpu.medianMs.toFixed(1)} (${r.pureCpu.minMs.toFixed(1)})`,
      r.runs.map(outcomeOf).join(', '),
    ];
  });
  return [header, ...rows];
}

export function runRows(results: ReadonlyArray<SizeResult>): string[][] {
  const header = ['N SKUs', 'run', 'outcome', 'sheet calls', 'Amazon SP/LWA/S3', 'Amazon min', '3PL', '3PL min', 'virtual s', 'rate floor s (binding limit)', 'seq. floor s', 'exec CPU ms', 'what the run did'];
  const rows: string[][] = [];
  for (const r of results) {
    for (const x of r.runs) {
      rows.push([
        r.n.toLocaleString('en-GB'),
        String(x.run),
        outcomeOf(x),
        String(x.sheetCalls),
        `${x.amazon.spApi}/${x.amazon.lwa}/${x.amazon.s3}`,
        String(x.amazon.minimum),
        String(x.shipbob.total),
        String(x.shipbob.minimum),
        s1(x.virtualS),
        `${s1(x.floor.rateS)} (${x.floor.bindingLimit})`,
        s1(x.floor.sequentialS),
        String(x.executionCpuMs),
        x.message.length > 90 ? `${x.message.slice(0, 87)}…` : x.message,
      ]);
    }
  }
  return [header, ...rows];
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
