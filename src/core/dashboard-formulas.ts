// The Dashboard's "last successful sync" cells as formulas over the Sync Log, so a run that changes
// nothing else writes nothing on the Dashboard (issue 13: a quiet run writes only its Sync Log row).
// Sheets recalculates the cell whenever the Sync Log changes, and the run's own row (its End) is in
// the Sync Log before the Dashboard is refreshed. The formula also carries the add-on's record of the
// last success as a floor, written as DATE()+TIME() in the spreadsheet's zone: the Sync Log keeps only
// "Log retention (days)" of rows and people may delete some, and the Dashboard must still show it.
// Formulas set from Apps Script are read in English with comma separators whatever the spreadsheet's
// locale (https://developers.google.com/apps-script/reference/spreadsheet/range#setformulaformula),
// and MAXIFS is documented at https://support.google.com/docs/answer/7013817 (no match gives 0).

import { columnLetters } from './cells';

/** A Sync Log column a formula reads, by its 1-based column number. */
export interface SyncLogColumns {
  /** The Sync Log's name as the spreadsheet spells it (tabs match whatever their case). */
  tab: string;
  job: number;
  end: number;
  outcome: number;
}

/** Outcomes the Dashboard counts as a success (core/dashboard recordRun). */
const SUCCESS = ['ok', 'held'] as const;

/** 'Sync Log' with any quote doubled, as Sheets writes a sheet name in a reference. */
const sheetRef = (tab: string) => `'${tab.replace(/'/g, "''")}'`;

/** "2026-11-02 08:00:05" (the spreadsheet's zone) as DATE(2026,11,2)+TIME(8,0,5); null when it does not read so. */
function dateTimeTerm(wall: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(wall);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  return `DATE(${y},${mo},${d})+TIME(${h},${mi},${s})`;
}

/** The job name as a MAXIFS criterion: quotes doubled, and * ? ~ escaped so they match themselves. */
const criterion = (job: string) => `"${job.replace(/[*?~]/g, (c) => `~${c}`).replace(/"/g, '""')}"`;

/**
 * `=MAX(<last success>, the latest End of the job's ok / held rows in the Sync Log)`. Each MAXIFS is
 * wrapped in IFERROR: a Sync Log deleted or renamed away gives #REF!, and the floor still shows.
 */
export function lastSuccessFormula(job: string, lastOkWall: string, log: SyncLogColumns): string | null {
  const floor = dateTimeTerm(lastOkWall);
  if (!floor) return null;
  const col = (n: number) => `${sheetRef(log.tab)}!$${columnLetters(n)}:$${columnLetters(n)}`;
  const looks = SUCCESS.map((o) => `IFERROR(MAXIFS(${col(log.end)},${col(log.job)},${criterion(job)},${col(log.outcome)},"${o}"),0)`);
  return `=MAX(${floor},${looks.join(',')})`;
}

/**
 * The floor ("2026-11-02 08:00:05") of the cell's formula when it is the one this job's row is given
 * (for any floor); null for anything else. The tab module then decides by the cell's value and floor
 * whether it needs writing again.
 */
export function lastSuccessFloor(formula: string, job: string, log: SyncLogColumns): string | null {
  const m = /^=MAX\(DATE\((\d+),(\d+),(\d+)\)\+TIME\((\d+),(\d+),(\d+)\),/i.exec(formula);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => v.padStart(2, '0'));
  const floor = `${y}-${mo}-${d} ${h}:${mi}:${s}`;
  const ours = lastSuccessFormula(job, floor, log);
  // Sheets may give back a sheet name without its quotes, or functions in another case.
  const plain = (f: string) => f.replace(/'/g, '').toUpperCase();
  return ours !== null && plain(formula) === plain(ours) ? floor : null;
}
