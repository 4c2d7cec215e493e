// A cell of an add-on tab that the add-on reads back (a money or Type cell of Settlements, Settlement
// Lines, 3PL Charges) holding something people typed that cannot be used: the row is kept exactly
// as typed and one CELL_INVALID names the cell, what it holds and what is allowed, so nothing is
// read as 0 or as another word behind anyone's back (and the run is not "ok").

import { columnLetters } from './cells';
import { exceptionKey } from './exceptions';
import type { RaisedException } from './exceptions';
import { columnOf } from './tabs';

/** A cell read back that cannot be used, and its value exactly as typed. */
export interface TypedCell {
  /** The tab's own header of the column ("Amount", a category). */
  column: string;
  /** The value as read, written back unchanged. */
  value: unknown;
  /** "Amount holds "seven fifty", not an amount". */
  problem: string;
}

export interface CellProblem extends TypedCell {
  tab: string;
  /** The row's identity ("settlement 25000000001", "transaction 01SIM…", "row 7"): keys the problem, so it follows its row. */
  rowId: string;
  /** What the row is about in the message, when rowId does not say it ("settlement 25000000001"). */
  about?: string;
  /** Sheet row (the header is row 1). */
  sheetRow: number;
  /** A1 address when the column was found, e.g. "I7". */
  address: string;
  /** What may be typed there. */
  allowed: string;
  /** What the add-on does meanwhile. */
  meanwhile: string;
}

/** Money cells: what the message says may be typed. */
export const MONEY_ALLOWED = 'a number with at most two decimals, such as 7.50 or -7.50';

/** Currency cells (ISO 4217 alphabetic codes, as Amazon and the 3PL write them). */
export const CURRENCY_ALLOWED = 'a three-letter currency code such as GBP, EUR or USD (any case)';

/** Keys of the problems of one tab: a run that read the whole tab resolves those it no longer sees. */
export function cellKeyPrefix(tab: string): string {
  return `${exceptionKey('CELL_INVALID', tab)}:`;
}

/** The A1 address of `column` in `header` at `sheetRow`; '' when the column is not there. */
export function cellAddress(header: readonly string[], column: string, sheetRow: number): string {
  const at = columnOf(header, column);
  return at < 0 ? '' : `${columnLetters(at + 1)}${sheetRow}`;
}

export function cellException(p: CellProblem): RaisedException {
  const where = `${p.tab}, column ${p.column}, row ${p.sheetRow}${p.address ? ` (cell ${p.address})` : ''}`;
  return {
    key: exceptionKey('CELL_INVALID', p.tab, p.rowId, p.column),
    type: 'CELL_INVALID',
    entity: `${p.tab} row ${p.sheetRow}, ${p.column}`,
    message: `${where}, ${p.about ?? p.rowId}: ${p.problem}. Type ${p.allowed}. ${p.meanwhile}`,
    typedInput: true,
  };
}

/**
 * The key suffix of the cell an edit note names ("… the Lines cell of order … was changed" → "lines"):
 * one exception per cell of a row. `cells`: [cell name, suffix], looked for in order; `fallback` when none is named.
 */
export function editedCellSuffix(note: string, cells: ReadonlyArray<readonly [cell: string, suffix: string]>, fallback = 'state'): string {
  // Any case: a note that names several cells starts each sentence with a capital ("The Tracking cell…").
  const said = note.toLowerCase();
  return cells.find(([name]) => said.includes(`the ${name.toLowerCase()} cell`))?.[1] ?? fallback;
}
