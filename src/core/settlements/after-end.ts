// Lines posted after their settlement ended. Amazon closes a settlement at its end date, so a line
// posted later is a wrong date (a typo in an edited file, a day/month read the wrong way, a file
// assembled by hand), and its Month would file its money in a month the settlement never reached.
// Lines posted before the start are not flagged: deferred transactions (Amazon's delivery-date
// policy) are released into a later settlement with their own, earlier posted date.

import { exceptionKey } from '../exceptions';
import type { RaisedException } from '../exceptions';
import type { SettlementLine } from './types';
import { firstFew } from '../words';

/**
 * A day of slack: a date-only posted-date is the start of its day in the spreadsheet's time zone
 * (up to 14 hours either side of UTC midnight), the end date is a moment.
 */
const SLACK_MS = 24 * 3600_000;

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * One SETTLEMENT_REPORT_FAILED:<id>:dates naming the lines posted after `end`; null when none. Days are
 * named as `day` gives them (the spreadsheet's time zone, as the sheet shows Posted; UTC by default).
 */
export function linesAfterEnd(settlementId: string, end: number | null, lines: ReadonlyArray<Pick<SettlementLine, 'lineNo' | 'posted'>>, source: string, day: (ms: number) => string = utcDay): RaisedException | null {
  if (end === null) return null;
  const late = lines.filter((l) => l.posted !== null && l.posted > end + SLACK_MS);
  if (!late.length) return null;
  const shown = late.map((l) => `line ${l.lineNo} (${day(l.posted!)})`);
  return {
    key: exceptionKey('SETTLEMENT_REPORT_FAILED', settlementId, 'dates'),
    type: 'SETTLEMENT_REPORT_FAILED',
    entity: `Settlement ${settlementId}`,
    message:
      `${late.length} line(s) of ${source} are posted after settlement ${settlementId} ended on ${day(end)}: ${firstFew(shown)}. ` +
      'Amazon posts no line after a settlement closes, so the date is likely wrong; the lines were imported as posted, so their Month may be wrong too. ' +
      'Check them against Seller Central (Payments → All statements) and correct their Posted and Month in Settlement Lines.',
  };
}
