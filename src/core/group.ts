// Plain data grouped by a key: each group keeps its items' order, and groups come in the order their
// first item did (a Map iterates in insertion order), so callers that need another order sort the keys.

export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}
