// Pure list operations for the SES-state slices, kept apart so they are easy to test.
// Owns: replacing an identity in place, the order after moving a rule, and merging a live SNS delivery
// into the delivery log. Must not: fetch or touch the store.
import type { DeliveryAttemptDto, LiveEventPayloads } from '../../../src-main/contract';

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

/** The log with one delivery's rows replaced by its live `attempts`: newest first as the route sorts it, capped. */
export function mergeDelivery(log: DeliveryAttemptDto[], ev: LiveEventPayloads['sns.delivery'], limit: number): DeliveryAttemptDto[] {
  const prefix = `${ev.deliveryId}.`;
  const others = log.filter((r) => !r.id.startsWith(prefix));
  return [...[...ev.attempts].reverse(), ...others].sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}
