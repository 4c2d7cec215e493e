// What one settlement's import works on and says back, shared by the import and by the meeting of a
// settlement already imported (met-again.ts), which import.ts calls: kept apart so neither imports the other.

import type { RaisedException } from '../../core/exceptions';
import type { SettlementLinesTab } from '../../sheet/settlement-lines-tab';
import type { SettlementMapTab } from '../../sheet/settlement-map-tab';
import type { SettlementsTab } from '../../sheet/settlements-tab';

export interface SettlementTabs {
  map: SettlementMapTab;
  settlements: SettlementsTab;
  lines: SettlementLinesTab;
}

export interface ImportResult {
  /** Every status but 'duplicate' read the Settlement Map (and raised its row problems). */
  status: 'imported' | 'duplicate' | 'partial';
  settlementId: string;
  lines: number;
  raised: RaisedException[];
  /** Lines of the file that could not be read or used (left out, raised as SETTLEMENT_REPORT_FAILED). */
  unread: number;
  /** What the Sync Log should say beyond the counts: lines replaced, lines trimmed by the budget. */
  notes: string[];
  /** Lines were posted after the settlement ended (imported as posted, raised): the run is not "ok". */
  afterEnd?: true;
  /** The settlement's currency (set when imported). */
  currency?: string;
  /** An incomplete import of the settlement was replaced by this whole file. */
  replaced?: true;
  /** Another report for a settlement already imported, with another total: nothing of it was used. */
  differs?: true;
}
