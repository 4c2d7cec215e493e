// Small helpers for the plain-English messages jobs write to the Sync Log and the tabs.

/** "1 order", "3 orders", "2 boxes" (with `many` given). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
