// A short human summary of a scenario run for the terminal: what ran, how it ended, what it cost
// (calls, cells, bytes, and the time the cost model charged), what the sheet and the two simulated
// systems look like afterwards.

import type { ScenarioRun } from './runner';

export function summarise(run: ScenarioRun): string {
  const lines: string[] = [];
  const { scenario, world } = run;
  lines.push(`Scenario "${scenario.name}" (${world.mode} script), ${scenario.steps.length} steps, virtual time ${world.clock.iso()}`);
  lines.push('');
  lines.push('Executions:');
  for (const e of world.executions) {
    const fetches = Object.values(e.fetches).reduce((a, b) => a + b, 0);
    const kb = Math.round(e.bytesDownloaded / 1024);
    lines.push(
      `  #${e.id} ${e.entry} [${e.kind}] ${e.outcome}${e.error ? ` – ${e.error}` : ''} · ${e.spreadsheetCalls} sheet calls ` +
        `(${e.cellsRead} cells read, ${e.cellsWritten} written, ${e.flushes} flushes), ${fetches} fetches (${kb} KB), ` +
        `${Math.round(e.virtualMs / 1000)} s (${(e.modelledMs / 1000).toFixed(1)} s modelled)`,
    );
  }
  const book = run.gas.spreadsheet.toDisplayJson();
  lines.push('');
  lines.push('Tabs:');
  for (const [tab, rows] of Object.entries(book)) {
    lines.push(`  ${tab}: ${Math.max(0, rows.length - 1)} rows under ${rows[0]?.filter(Boolean).length ?? 0} headers`);
  }
  const log = book['Sync Log'];
  // A person's own tab of that name (no Run ID / Type column) is not the add-on's: its rows are not runs.
  if (log && log.length > 1 && log[0]!.includes('Run ID')) {
    const h = log[0]!;
    const at = (name: string) => h.indexOf(name);
    lines.push('');
    lines.push('Sync Log:');
    for (const r of log.slice(1)) lines.push(`  ${r[at('End')]} ${r[at('Job')]} ${r[at('Outcome')]}: ${r[at('Message')]}`);
  }
  const exceptions = book.Exceptions;
  if (exceptions && exceptions.length > 1 && exceptions[0]!.includes('Type')) {
    const header = exceptions[0]!;
    const type = header.indexOf('Type');
    const status = header.indexOf('Status');
    const open = new Map<string, number>();
    for (const r of exceptions.slice(1)) {
      if (r[status] === 'Resolved') continue;
      open.set(r[type] ?? '?', (open.get(r[type] ?? '?') ?? 0) + 1);
    }
    lines.push('');
    lines.push(`Open exceptions: ${[...open].map(([t, n]) => `${t} ×${n}`).join(', ') || 'none'}`);
  }
  const amazon = run.amazon.snapshot();
  // The Mintsoft world's state when the scenario's 3PL is Mintsoft.
  const threePl = (run.mintsoft ?? run.threePl).snapshot() as { orders: unknown[] };
  lines.push('');
  lines.push(`Amazon: ${amazon.listings.length} listings, ${amazon.writes.length} quantity writes, ${amazon.confirmations.length} shipment confirmations`);
  lines.push(`3PL: ${threePl.orders.length} orders`);
  return lines.join('\n');
}
