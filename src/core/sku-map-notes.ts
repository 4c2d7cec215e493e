// The SKU Map Status with a word on how a typed Active cell was read ("yes" read as ticked): the
// stock sync's statuses come from core/inventory/sku-map, this adds the sentence without changing
// the reading, so a word in place of a tick box is used as before but never silently.

import { flagWordNote } from './cells';
import { TABS, headersOf } from './tabs';

const H = headersOf(TABS.skuMap);

/** Each row's Status, followed by the note for its Active cell when it held words; rows without a Status are left alone. */
export function withActiveNotes(statuses: readonly string[], records: ReadonlyArray<Readonly<Record<string, unknown>>>): string[] {
  return statuses.map((status, i) => {
    const note = status ? flagWordNote(records[i]?.[H.active], H.active) : null;
    if (!note) return status;
    return `${status}${/[.!?]$/.test(status) ? '' : '.'} ${note}`;
  });
}
