// The Removals rows as the add-on last wrote them (kept by removal, jobs/removals/id-seal.ts) against
// the tab as read: a Removal Order ID typed over is told from the digest of the row's other cells
// (the ID ties the row to Amazon's removal and its receipt at the 3PL: under a typed ID a second
// receipt would be made for the same boxes, and the real removal come back as a second row); cells
// typed over get what was written back; a deleted row is rebuilt.


import { cellText } from '../cells';
import { headersOf } from '../tabs';
import { removalFromRecord, removalId, stateText } from './record';
import { amazonCellsBack, DISPOSED, parts, removalDigest, sealedRow } from './seal-text';
import { REMOVALS_TAB } from './tab-def';
import type { RemovalRow } from './types';

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
 * ID the seal does not know while no sealed removal is missing (added by hand) is left as read, and
 * so is one that matches none when the seal did not hold every row (`complete` false: it may be a row
 * past the seal's room, not a typed one). An empty seal (the first run) trusts every row.
 */
export function checkTypedIds(sealed: ReadonlyMap<string, string>, rows: ReadonlyArray<RemovalRow>, sheetRows: ReadonlyArray<number>, complete = true): TypedIds {
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
    } else if (complete || sealed.has(ids[i]!)) unknown.push({ row, sheetRow: sheetRows[i] ?? 0 });
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
  /** Cells from Amazon's reports typed over and put back: [column, what was typed]. */
  amazonCells?: Array<[string, string]>;
}

/**
 * Rows whose other cells are as sealed (once Type, FNSKU, Disposition, Carrier, Tracking and LPNs
 * typed over are put back: Tracking and LPNs go to the 3PL with the receipt) but whose State,
 * Received or 3PL Receipt is not what the add-on wrote get all three back: Received is the 3PL's count and State what it and Amazon said, so
 * a typed "received" with a count would close a removal the 3PL never counted (its shortfall never
 * said), and a receipt id typed on a removal without one would stop its receipt being made (the
 * boxes arrive unannounced). A State word in another case is the same word. A State typed that the
 * cells contradict (RemovalRow.stateEdit) is put back to the sealed word, not the one they suggest.
 */
export function putBackCounts(sealed: ReadonlyMap<string, string>, rows: ReadonlyArray<RemovalRow>): { rows: RemovalRow[]; edits: CountsEdit[] } {
  const edits: CountsEdit[] = [];
  const out = rows.map((read) => {
    const text = sealed.get(removalId(read));
    if (text === undefined) return read;
    const was = parts(text);
    // Tracking and LPNs go to the 3PL with the receipt: typed ones are put back first.
    const amazon = was.digest === removalDigest(read) ? null : amazonCellsBack(read, was);
    if (was.digest !== removalDigest(read) && !amazon) return read;
    const r = amazon?.row ?? read;
    const typedState = r.stateEdit?.typed ?? stateText(r);
    const stateTyped = typedState.trim().toLowerCase() !== was.state.toLowerCase();
    const receivedTyped = String(r.received ?? '') !== was.received;
    const receiptTyped = r.receipt !== was.receipt;
    if (!stateTyped && !receivedTyped && !receiptTyped) {
      if (amazon) edits.push({ row: r, amazonCells: amazon.typed });
      return r;
    }
    const disposed = DISPOSED.exec(was.state);
    const word = was.state.replace(DISPOSED, '').trim() as RemovalRow['state'];
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
    edits.push({ row: back, ...(stateTyped ? { state: typedState } : {}), ...(receivedTyped ? { received: String(r.received ?? '') } : {}), ...(receiptTyped ? { receipt: r.receipt } : {}), ...(amazon ? { amazonCells: amazon.typed } : {}) });
    return back;
  });
  return { rows: out, edits };
}

/**
 * Sealed removals the tab no longer holds (a row deleted by a person), rebuilt as last written, for
 * the end of `rows`. Amazon's reports give a removal back only within their 60 days, and as a new
 * removal without its receipt or counts; the rebuilt row keeps both.
 */
export function deletedRows(sealed: ReadonlyMap<string, string>, rows: ReadonlyArray<RemovalRow>): RemovalRow[] {
  const present = new Set(rows.map(removalId));
  const out: RemovalRow[] = [];
  for (const [id, text] of sealed) {
    if (present.has(id)) continue;
    const row = sealedRow(id, text);
    if (row) out.push(row);
  }
  return out;
}

const H = headersOf(REMOVALS_TAB);

/**
 * Rows whose Removal Order ID or SKU was emptied (unreadable as a removal: `emptied`, their cells as
 * read), each matched to the sealed removal the tab no longer holds whose cells, with its ID and SKU
 * filled in, are the ones sealed: exactly one match each way. The matched ones are the sealed rows
 * deletedRows brings back (the write drops the unreadable row); the others are left to stop the run.
 */
export function emptiedIds(
  sealed: ReadonlyMap<string, string>,
  rows: ReadonlyArray<RemovalRow>,
  emptied: ReadonlyArray<{ sheetRow: number; record: Readonly<Record<string, unknown>> }>,
): { matched: Array<{ sheetRow: number; id: string }>; left: number[] } {
  if (emptied.length === 0) return { matched: [], left: [] };
  const present = new Set(rows.map(removalId));
  const candidates = [...sealed].flatMap(([id, text]) => {
    const row = present.has(id) ? null : sealedRow(id, text);
    return row ? [{ id, row, digest: parts(text).digest }] : [];
  });
  const fits = emptied.map(({ record }) =>
    candidates.filter((c) => {
      const orderId = cellText(record[H.orderId]);
      const sku = cellText(record[H.sku]);
      if ((orderId && orderId !== c.row.orderId) || (sku && sku !== c.row.sku)) return false;
      const read = removalFromRecord({ ...record, [H.orderId]: c.row.orderId, [H.sku]: c.row.sku });
      return read !== null && removalDigest(read) === c.digest;
    }),
  );
  const claims = new Map<string, number>();
  for (const f of fits) for (const c of f) claims.set(c.id, (claims.get(c.id) ?? 0) + 1);
  const matched: Array<{ sheetRow: number; id: string }> = [];
  const left: number[] = [];
  emptied.forEach(({ sheetRow }, i) => {
    const f = fits[i]!;
    if (f.length === 1 && claims.get(f[0]!.id) === 1) matched.push({ sheetRow, id: f[0]!.id });
    else left.push(sheetRow);
  });
  return { matched, left };
}
