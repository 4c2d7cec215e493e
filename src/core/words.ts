// Small helpers for the plain-English messages jobs write to the Sync Log and the tabs.

/** "1 order", "3 orders", "2 boxes" (with `many` given). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2, 3, 7" or "2, 3, 7, 9, 12, …": the first few of a list a message names, the rest as an ellipsis. */
export function firstFew(items: ReadonlyArray<string | number>, n = 5): string {
  return items.slice(0, n).join(', ') + (items.length > n ? ', …' : '');
}

/** An error or wait in words for a message: no request id (it changes every run, as if the problem did). */
export function plainWhy(why: string): string {
  return why.replace(/\s*\[request id [^\]]*\]/g, '').replace(/[.\s]+$/, '');
}
