// What happens to cell formulas that name a tab when the tab is renamed or deleted. Renaming: Sheets keeps
// formulas pointing at the same tab by rewriting the name they use ('Sync Log'!D:D becomes 'Run Log'!D:D,
// and getFormula returns the new text), quoting the new name when A1 notation needs it ("Single quotes are
// required for sheet names with spaces, special characters, or an alphanumeric combination",
// https://developers.google.com/workspace/sheets/api/guides/concepts#cell). Deleting: references to the tab
// become #REF!, for good; a new tab with the old name does not bring them back (scripts that delete and
// re-create a tab are told to clear it instead for this reason). Google does not document the exact text
// a deleted reference leaves; the fake writes #REF! in place of the whole reference ('Gone'!A1:B2 → #REF!).

import type { SheetData } from './sheet-data';

/** What may follow "Tab!": a cell, a range, whole columns or whole rows. */
const REF_AFTER_BANG = /^(?:\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+)(?::(?:\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+))?/;
const BARE_TAB = /^[\p{L}\p{N}_.]+!/u;
const WORD_CHAR = /[\p{L}\p{N}_.$]/u;

/** The tab name as A1 notation writes it: bare when it is a plain word that cannot be read as a cell. */
export function quoteTab(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(TRUE|FALSE)$/i.test(name) && !/^R\d*C\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `formula` with every reference to the tab `name` (any case) replaced by `replace(cellPart)`; string literals are left alone. */
function rewrite(formula: string, name: string, replace: (cellPart: string) => string): string {
  const folded = name.toLowerCase();
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] as string;
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length) { if (formula[j] === '"') { if (formula[j + 1] === '"') { j += 2; continue; } j++; break; } j++; }
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    let tab: string | null = null;
    let end = i;
    if (ch === "'") {
      let j = i + 1;
      let s = '';
      while (j < formula.length) { if (formula[j] === "'") { if (formula[j + 1] === "'") { s += "'"; j += 2; continue; } break; } s += formula[j]; j++; }
      if (formula[j] === "'" && formula[j + 1] === '!') { tab = s; end = j + 2; }
    } else if (!WORD_CHAR.test(formula[i - 1] ?? '')) {
      const m = BARE_TAB.exec(formula.slice(i));
      if (m) { tab = m[0].slice(0, -1); end = i + m[0].length; }
    }
    if (tab !== null) {
      const ref = REF_AFTER_BANG.exec(formula.slice(end));
      if (ref && tab.toLowerCase() === folded) out += replace(ref[0]);
      else out += formula.slice(i, end) + (ref ? ref[0] : '');
      i = end + (ref ? ref[0].length : 0);
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

export function renameTabRefs(formula: string, oldName: string, newName: string): string {
  return rewrite(formula, oldName, (cellPart) => `${quoteTab(newName)}!${cellPart}`);
}

export function dropTabRefs(formula: string, name: string): string {
  return rewrite(formula, name, () => '#REF!');
}

/** Applies `change` to every cell formula of every tab in `sheets`. */
export function rewriteFormulas(sheets: readonly SheetData[], change: (formula: string) => string): void {
  for (const sh of sheets) {
    if (sh.formulaCount === 0) continue;
    for (const row of sh.rows) {
      const f = row?.f;
      if (!f) continue;
      for (let c = 0; c < f.length; c++) {
        const old = f[c];
        if (old !== undefined) f[c] = change(old);
      }
    }
  }
}
