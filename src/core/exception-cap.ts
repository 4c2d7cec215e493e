// A safety net under every job: one cause (a column pasted wrong in the SKU Map, a backlog) must not
// become thousands of Exceptions rows and alert lines. Past MAX_ROWS_PER_TYPE rows of one type in a
// run, the rest of that type are counted in one `<TYPE>:+more` row. Rows the tab already shows keep
// their place first; while the count row is shown no new one is named, so a draining backlog does not
// open a row for each problem in turn. Types a job caps itself (a `+more` key raised) are left alone.

import type { RaisedException } from './exceptions';

export const MAX_ROWS_PER_TYPE = 100;

/**
 * A capped list of problems (in the order they are named) split into the rows that name one and the
 * rest a count row stands for: the first `room`; but while the count row `moreKey` is shown, only
 * those already shown keep a row, so clearing one names no other (each would be a new row and e-mail).
 */
export function namedWhileCounted<E extends { key: string }>(ordered: ReadonlyArray<E>, shown: ReadonlySet<string>, moreKey: string, room: number): { named: E[]; rest: E[] } {
  const named = (shown.has(moreKey) ? ordered.filter((e) => shown.has(e.key)) : ordered).slice(0, room);
  const isNamed = new Set(named.map((e) => e.key));
  return { named, rest: ordered.filter((e) => !isNamed.has(e.key)) };
}

/** `shown`: keys of the rows the Exceptions tab shows now with a Status other than Resolved. */
export function capPerType(raised: ReadonlyArray<RaisedException>, shown: ReadonlySet<string>): RaisedException[] {
  const byType = new Map<string, RaisedException[]>();
  const seen = new Set<string>();
  for (const e of raised) {
    if (seen.has(e.key)) continue;
    seen.add(e.key);
    const list = byType.get(e.type);
    if (list) list.push(e);
    else byType.set(e.type, [e]);
  }
  const over = new Set([...byType].filter(([, list]) => list.length > MAX_ROWS_PER_TYPE && !list.some((e) => e.key.includes('+more'))).map(([t]) => t));
  if (over.size === 0) return [...raised];
  const out: RaisedException[] = [];
  const summaries: RaisedException[] = [];
  for (const type of over) {
    const list = byType.get(type)!;
    const moreKey = `${type}:+more`;
    const already = list.filter((e) => shown.has(e.key));
    const fresh = shown.has(moreKey) ? [] : list.filter((e) => !shown.has(e.key));
    const named = new Set([...already, ...fresh].slice(0, MAX_ROWS_PER_TYPE - 1).map((e) => e.key));
    const rest = list.filter((e) => !named.has(e.key));
    const some = rest.slice(0, 10).map((e) => e.entity).join('; ');
    summaries.push({
      key: moreKey,
      type: list[0]!.type,
      entity: `${rest.length} more`,
      message: `${rest.length} more ${type} problems were found this run besides the rows of that type above (${some}${rest.length > 10 ? '; …' : ''}). They are counted here rather than given a row each; the tab each one is about says which (the SKU Map's Status column, the Orders tab's Note, …). Often one cause (a column typed or pasted wrong) is behind them all.`,
      action: `Fix the cause the ${type} rows above name; this row clears when none is left.`,
      ...(list.some((e) => e.typedInput) ? { typedInput: true } : {}),
    });
    for (const e of rest) seen.delete(e.key);
  }
  for (const e of raised) if (!over.has(e.type) || seen.has(e.key)) out.push(e);
  return [...out, ...summaries];
}
