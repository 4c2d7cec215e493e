// The Removals rows as the add-on last wrote them, one digest of the other cells per removal, kept in
// document properties (kit/cell-seal.ts) and written with the tab: how the next run tells a Removal
// Order ID typed over (core/removals/typed-ids.ts) from a removal Amazon's reports added.

import { removalId } from '../../core/removals/record';
import { removalDigest } from '../../core/removals/typed-ids';
import { CLOSED_STATES, type RemovalRow } from '../../core/removals/types';
import type { KeyValueStore } from '../../ports/store';
import { readSeal, writeSeal } from '../kit/cell-seal';

const SEAL = 'removals.idSeal';
/** About 250 removals a chunk (an id and a 16-character digest each). */
const CHUNKS = 6;

export function readIdSeal(store: KeyValueStore): Map<string, string> {
  return readSeal(store, SEAL, CHUNKS);
}

/** Open removals first: past the room a row is trusted as read, and an open one still drives a receipt. */
export function sealIds(store: KeyValueStore, rows: ReadonlyArray<RemovalRow>): void {
  const ordered = [...rows].sort((a, b) => Number(CLOSED_STATES.has(a.state)) - Number(CLOSED_STATES.has(b.state)));
  writeSeal(store, SEAL, ordered.map((r) => [removalId(r), removalDigest(r)] as const), CHUNKS);
}
