// Which settlements lose their lines first when Settlement Lines is over its line budget: the
// oldest by the settlement's own dates (End, else Deposit Date, else Start), never by where its
// lines stand in Settlement Lines, which people may sort. Settlements of the same date go in the
// order the Settlements tab lists them (the order they were imported in). A settlement with no date
// known goes last, after every dated one, so what cannot be dated is never taken for old.

export interface Dated {
  settlementId: string;
  start: number | null;
  end: number | null;
  depositDate: number | null;
}

/** `ids` (in Settlement Lines' order), oldest settlement first; `rows`: the Settlements tab's. */
export function oldestFirst(ids: readonly string[], rows: ReadonlyArray<Dated>): string[] {
  const age = new Map(rows.map((r, i) => [r.settlementId, { at: r.end ?? r.depositDate ?? r.start ?? Infinity, row: i }] as const));
  const key = (id: string, i: number) => age.get(id) ?? { at: Infinity, row: rows.length + i };
  return ids
    .map((id, i) => ({ id, ...key(id, i) }))
    .sort((a, b) => (a.at === b.at ? a.row - b.row : a.at - b.at))
    .map((x) => x.id);
}
