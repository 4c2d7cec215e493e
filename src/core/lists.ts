// Appending one list to another without spreading it into a call's arguments. V8 passes spread
// arguments on the stack, so `into.push(...items)` (or `f(...items)`) with some 100,000 entries
// throws "Maximum call stack size exceeded": a 150,000-SKU listings report did that, and every stock
// run at that size failed. Any list that grows with the catalogue, the orders or the lines is
// appended through here.

/** Appends `items` to `into` one by one; returns `into`. */
export function pushAll<T>(into: T[], items: Iterable<T>): T[] {
  for (const x of items) into.push(x);
  return into;
}
