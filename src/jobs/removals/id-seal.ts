// The Removals rows as the add-on last wrote them, kept in document properties (kit/cell-seal.ts) and
// written with the tab: how the next run tells a Removal Order ID typed over (core/removals/typed-ids.ts)
// from a removal Amazon's reports added, puts back cells typed over, and brings back a deleted row.

import { removalId } from '../../core/removals/record';
import { sealText } from '../../core/removals/seal-text';
import { CLOSED_STATES, type RemovalRow } from '../../core/removals/types';
import type { KeyValueStore } from '../../ports/store';
import { readSeal, writeSeal } from '../kit/cell-seal';

const SEAL = 'removals.idSeal';
/** About 40 removals a chunk (a whole row each, in a few hundred bytes). */
const CHUNKS = 6;

/** The entry that counts the rows sealed: the seal holds every row of the tab only when it says so. */
const COUNT = '\u0000rows';

/** The sealed rows by removal id, and whether they were all the tab's rows (none past the room). */
export function readIdSeal(store: KeyValueStore): { sealed: Map<string, string>; complete: boolean } {
  const sealed = readSeal(store, SEAL, CHUNKS);
  const count = sealed.get(COUNT);
  sealed.delete(COUNT);
  return { sealed, complete: count === String(sealed.size) };
}

/** Open removals first: past the room a row is trusted as read, and an open one still drives a receipt. */
export function sealIds(store: KeyValueStore, rows: ReadonlyArray<RemovalRow>): void {
  const ordered = [...rows].sort((a, b) => Number(CLOSED_STATES.has(a.state)) - Number(CLOSED_STATES.has(b.state)));
  writeSeal(store, SEAL, [[COUNT, String(rows.length)] as const, ...ordered.map((r) => [removalId(r), sealText(r)] as const)], CHUNKS);
}
