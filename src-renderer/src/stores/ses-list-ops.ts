// Pure list operations for the SES-state slices, kept apart so they are easy to test.
// Owns: replacing an identity in place, and the order after moving a rule. Must not: fetch or touch the store.

/** Replace (or add at the end) the item whose `key` matches, keeping the list's order. */
export function upsertBy<T>(list: T[], one: T, key: (t: T) => string): T[] {
  const at = list.findIndex((x) => key(x) === key(one));
  if (at < 0) return [...list, one];
  const next = list.slice();
  next[at] = one;
  return next;
}

/** The ids in the order after moving `id` by `delta` (unchanged at the ends or when absent). */
export function movedIds(items: { id: string }[], id: string, delta: -1 | 1): string[] {
  const ids = items.map((r) => r.id);
  const at = ids.indexOf(id);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= ids.length) return ids;
  [ids[at], ids[to]] = [ids[to], ids[at]];
  return ids;
}
