// The SKU Map Status with a word on how a typed cell was read: an Active cell holding words ("yes"
// read as ticked), a Channel typed with Amazon's network names (MFN read as FBM). The stock sync's
// statuses come from core/inventory/sku-map; this adds the sentence without changing the reading,
// so what was typed is used as before but never silently.

import { cellText, flagWordNote } from './cells';
import { TABS, headersOf } from './tabs';

const H = headersOf(TABS.skuMap);

/** Amazon's report names for the two networks, which the SKU Map reads as its own channels. */
const NETWORK_NAMES: Record<string, string> = { MFN: 'FBM', AFN: 'FBA' };

/** A sentence when the Channel cell held MFN or AFN (any case) rather than FBM / FBA; null otherwise. */
export function channelWordNote(v: unknown, column: string): string | null {
  const typed = cellText(v);
  const read = NETWORK_NAMES[typed.toUpperCase()];
  return read ? `${column} holds "${typed}", Amazon's name for ${read}, read as ${read}; type ${read} to say it plainly.` : null;
}

/** Each row's Status, followed by the notes for its Active and Channel cells when they held such words; rows without a Status are left alone. */
export function withActiveNotes(statuses: readonly string[], records: ReadonlyArray<Readonly<Record<string, unknown>>>): string[] {
  return statuses.map((status, i) => {
    if (!status) return status;
    const notes = [flagWordNote(records[i]?.[H.active], H.active), channelWordNote(records[i]?.[H.channel], H.channel)].filter((n): n is string => n !== null);
    return notes.reduce((text, note) => `${text}${/[.!?]$/.test(text) ? '' : '.'} ${note}`, status);
  });
}
