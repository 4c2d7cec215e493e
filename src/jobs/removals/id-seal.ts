// The Removals rows as the add-on last wrote them, one digest of the other cells per removal with its
// Received and State, kept in document properties (kit/cell-seal.ts) and written with the tab: how
// the next run tells a Removal Order ID typed over (core/removals/typed-ids.ts) from a removal
// Amazon's reports added, and a State or Received typed over from what the 3PL said.

import { removalId } from '../../core/removals/record';
import { sealText } from '../../core/removals/typed-ids';
import { CLOSED_STATES, type RemovalRow } from '../../core/removals/types';
import type { KeyValueStore } from '../../ports/store';
import { readSeal, writeSeal } from '../kit/cell-seal';

const SEAL = 'removals.idSeal';
/** About 200 removals a chunk (an id, a 16-character digest, Received and State each). */
const CHUNKS = 6;

export function readIdSeal(store: KeyValueStore): Map<string, string> {
  return readSeal(store, SEAL, CHUNKS);
}

/** Open removals first: past the room a row is trusted as read, and an open one still drives a receipt. */
export function sealIds(store: KeyValueStore, rows: ReadonlyArray<RemovalRow>): void {
  const ordered = [...rows].sort((a, b) => Number(CLOSED_STATES.has(a.state)) - Number(CLOSED_STATES.has(b.state)));
  writeSeal(store, SEAL, ordered.map((r) => [removalId(r), sealText(r)] as const), CHUNKS);
}
