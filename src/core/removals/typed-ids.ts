// A Removals row's Removal Order ID typed over: told from the digest of the row's other cells as the
// add-on last wrote them (kept by removal, jobs/removals/id-seal.ts). The ID ties the row to Amazon's
// removal and to its receipt at the 3PL: a row under a typed ID would get a receipt of its own for
// boxes already expected under the real one, and the real removal would come back as a second row.

import { hash64 } from '../digest';
import { removalId, stateText } from './record';
import type { RemovalRow } from './types';

/**
 * The cells the add-on writes from Amazon's reports (not State, Received or 3PL Receipt, which are
 * sealed as they are, below): what stays the same between two runs unless someone types.
 */
export function removalDigest(r: RemovalRow): string {
  return hash64([r.type, r.sku, r.fnsku, r.disposition, r.requested, r.shipped, r.carrier, r.tracking.join(','), r.lpns.join(',')].join('\u0000'));
}

/** What is sealed for a row: the digest, then 3PL Receipt, Received and State as written. */
export function sealText(r: RemovalRow): string {
  return JSON.stringify([removalDigest(r), r.receipt, r.received ?? '', stateText(r)]);
}

function parts(text: string): { digest: string; receipt: string; received: string; state: string } {
  try {
    const v = JSON.parse(text) as unknown;
    if (Array.isArray(v) && v.length === 4) return { digest: String(v[0]), receipt: String(v[1]), received: String(v[2]), state: String(v[3]) };
  } catch {
    // Not a seal this code wrote: matches no row.
  }
  return { digest: '', receipt: '', received: '', state: '' };
}

export interface TypedId {
  /** The row as read, with the ID typed. */
  row: RemovalRow;
  sheetRow: number;
}

export interface TypedIds {
  /** The rows, each typed-over ID whose removal the other cells tell put back. */
  rows: RemovalRow[];
  /** Rows whose ID was put back: [the row as put back, the ID typed, its sheet row]. */
  putBack: Array<{ row: RemovalRow; typed: string; sheetRow: number }>;
  /**
   * Rows whose ID is not the removal's and whose removal the other cells cannot tell (two removals
   * alike, or other cells typed too): nothing may be done with them, nor the tab written, until typed back.
   */
  unknown: TypedId[];
  /** The removals those rows may have been (sealed, with no row of their own any more). */
  missing: string[];
}

/**
 * `sealed`: removal id → digest as last written. A row holds its ID by right when the seal knows the
 * ID and, if several rows show it, the row's cells are the sealed ones (exactly one such row). Other
 * rows whose ID the seal does not know or that share one are typed over: put back when their digest
 * is that of exactly one sealed removal without a row, and no other such row has it too. A row whose
 * ID the seal does not know while no sealed removal is missing (added by hand, or past the seal's
 * room) is left as read. An empty seal (the first run) trusts every row.
 */
export function checkTypedIds(sealed: ReadonlyMap<string, string>, rows: ReadonlyArray<RemovalRow>, sheetRows: ReadonlyArray<number>): TypedIds {
  const none: TypedIds = { rows: [...rows], putBack: [], unknown: [], missing: [] };
  if (sealed.size === 0) return none;
  const ids = rows.map(removalId);
  const digests = rows.map(removalDigest);
  const digestOf = (id: string) => {
    const t = sealed.get(id);
    return t === undefined ? undefined : parts(t).digest;
  };
  const at = new Map<string, number[]>();
  ids.forEach((id, i) => at.set(id, [...(at.get(id) ?? []), i]));
  const owners = new Set<number>();
  for (const [id, list] of at) {
    const digest = digestOf(id);
    if (digest === undefined) continue;
    if (list.length === 1) owners.add(list[0]!);
    else {
      const same = list.filter((i) => digests[i] === digest);
      if (same.length === 1) owners.add(same[0]!);
    }
  }
  const owned = new Set([...owners].map((i) => ids[i]!));
  const missing = [...sealed.keys()].filter((id) => !owned.has(id));
  const strangers = rows.map((_, i) => i).filter((i) => !owners.has(i) && (sealed.has(ids[i]!) || missing.length > 0));
  if (strangers.length === 0) return { ...none, missing };
  const missingBy = new Map<string, string[]>();
  for (const id of missing) missingBy.set(digestOf(id)!, [...(missingBy.get(digestOf(id)!) ?? []), id]);
  const strangersBy = new Map<string, number>();
  for (const i of strangers) strangersBy.set(digests[i]!, (strangersBy.get(digests[i]!) ?? 0) + 1);
  const out = [...rows];
  const putBack: TypedIds['putBack'] = [];
  const unknown: TypedId[] = [];
  for (const i of strangers) {
    const candidates = missingBy.get(digests[i]!) ?? [];
    const row = rows[i]!;
    // The removal id is `orderId SKU`: the one it was has the row's SKU.
    if (candidates.length === 1 && strangersBy.get(digests[i]!) === 1 && candidates[0]!.endsWith(` ${row.sku}`)) {
      const orderId = candidates[0]!.slice(0, candidates[0]!.length - row.sku.length - 1);
      out[i] = { ...row, orderId };
      putBack.push({ row: out[i]!, typed: row.orderId, sheetRow: sheetRows[i] ?? 0 });
    } else unknown.push({ row, sheetRow: sheetRows[i] ?? 0 });
  }
  return { rows: out, putBack, unknown, missing };
}

/** A State, Received or 3PL Receipt cell that no longer holds what the add-on wrote: the row as put back, and what was typed. */
export interface CountsEdit {
  row: RemovalRow;
  /** The State cell's text as typed, when its word is not the one written. */
  state?: string;
  /** The Received cell as read, when it is not the count written. */
  received?: string;
  /** The 3PL Receipt cell as read, when it is not the receipt written. */
  receipt?: string;
}

/**
 * Rows whose other cells are as sealed but whose State, Received or 3PL Receipt is not what the
 * add-on wrote get all three back: Received is the 3PL's count and State what it and Amazon said, so
 * a typed "received" with a count would close a removal the 3PL never counted (its shortfall never
 * said), and a receipt id typed on a removal without one would stop its receipt being made (the
 * boxes arrive unannounced). A State word in another case is the same word. A State typed that the
 * cells contradict (RemovalRow.stateEdit) is put back to the sealed word, not the one they suggest.
 */
export function putBackCounts(sealed: ReadonlyMap<string, string>, rows: ReadonlyArray<RemovalRow>): { rows: RemovalRow[]; edits: CountsEdit[] } {
  const edits: CountsEdit[] = [];
  const out = rows.map((r) => {
    const text = sealed.get(removalId(r));
    if (text === undefined) return r;
    const was = parts(text);
    if (was.digest !== removalDigest(r)) return r;
    const typedState = r.stateEdit?.typed ?? stateText(r);
    const stateTyped = typedState.trim().toLowerCase() !== was.state.toLowerCase();
    const receivedTyped = String(r.received ?? '') !== was.received;
    const receiptTyped = r.receipt !== was.receipt;
    if (!stateTyped && !receivedTyped && !receiptTyped) return r;
    const disposed = /·\s*(\d+)\s+disposed/i.exec(was.state);
    const word = was.state.replace(/·\s*\d+\s+disposed/i, '').trim() as RemovalRow['state'];
    const { stateEdit: _typed, ...rest } = r;
    const also = [receivedTyped ? `${was.received || 'nothing'} under Received` : '', receiptTyped ? `${was.receipt || 'nothing'} under 3PL Receipt` : ''].filter(Boolean).join(' and ');
    const back: RemovalRow = {
      ...rest,
      state: word,
      disposed: disposed ? Number(disposed[1]) : 0,
      received: was.received === '' ? null : Number(was.received),
      receipt: was.receipt,
      ...(stateTyped ? { stateEdit: { typed: typedState, why: `the add-on last wrote "${was.state}" there${also ? ` and ${also}` : ''}` } } : {}),
    };
    edits.push({ row: back, ...(stateTyped ? { state: typedState } : {}), ...(receivedTyped ? { received: String(r.received ?? '') } : {}), ...(receiptTyped ? { receipt: r.receipt } : {}) });
    return back;
  });
  return { rows: out, edits };
}
