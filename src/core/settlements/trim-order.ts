// Which settlements lose their lines first when Settlement Lines is over its line budget: the
// oldest by the settlement's own dates (End, else Deposit Date, else Start), never by where its
// lines stand in the tab, which people may sort. A settlement with no date known goes last, after
// every dated one, so what cannot be dated is never taken for old.

export interface Dated {
  settlementId: string;
  start: number | null;
  end: number | null;
  depositDate: number | null;
}

/** `ids` in the tab's order, oldest settlement first (ties keep the tab's order). */
export function oldestFirst(ids: readonly string[], rows: ReadonlyArray<Dated>): string[] {
  const age = new Map(rows.map((r) => [r.settlementId, r.end ?? r.depositDate ?? r.start] as const));
  const at = (id: string) => age.get(id) ?? Infinity;
  return ids
    .map((id, i) => ({ id, i }))
    .sort((a, b) => (at(a.id) === at(b.id) ? a.i - b.i : at(a.id) - at(b.id)))
    .map((x) => x.id);
}
