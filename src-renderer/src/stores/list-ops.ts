// Pure operations on the loaded inbox list (newest first), kept apart so they are easy to test.
// Owns: live-arrival matching, page merging (also a reload with the live rows it raced), de-duplication.
// Must not: fetch or touch the store.
import type { MessageSummary } from '../../../src-main/contract';

/**
 * Client-side approximation of the server's search, used only to decide whether a message that arrived
 * live belongs in the current (filtered) list. The server also searches bodies; the snippet stands in.
 */
export function matchesQuery(m: MessageSummary, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  const hay = [
    m.subject,
    m.snippet,
    m.from?.name,
    m.from?.address,
    ...m.to.flatMap((a) => [a.name, a.address]),
    m.id,
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
  return hay.includes(needle);
}

/** Newer first: receivedAt descending (ISO strings compare lexically when in the same format). */
export function isNewer(a: MessageSummary, b: MessageSummary): boolean {
  return a.receivedAt > b.receivedAt;
}

/** Insert a newly arrived message at its place (nearly always the top); replaces an existing copy. */
export function insertArrival(items: MessageSummary[], m: MessageSummary): MessageSummary[] {
  const rest = items.filter((x) => x.id !== m.id);
  let at = 0;
  while (at < rest.length && isNewer(rest[at], m)) at++;
  return [...rest.slice(0, at), m, ...rest.slice(at)];
}

/**
 * Append an older page, dropping anything already loaded (live arrivals can overlap page edges). Items are
 * the same when `key` (default: their id) is.
 */
export function appendPage<T extends { id: unknown }>(items: T[], page: T[]): T[];
export function appendPage<T>(items: T[], page: T[], key: (item: T) => unknown): T[];
export function appendPage<T>(items: T[], page: T[], key: (item: T) => unknown = (m) => (m as { id: unknown }).id): T[] {
  const seen = new Set(items.map(key));
  return [...items, ...page.filter((m) => !seen.has(key(m)))];
}

/**
 * Merge a freshly fetched first page into what is loaded, without throwing away older pages the user
 * has scrolled through: the fresh page is authoritative for its time range (updates, arrivals, deletions
 * inside it); older loaded items are kept.
 */
export function mergeFirstPage(
  items: MessageSummary[],
  fresh: MessageSummary[],
  freshCursor: string | null,
  currentCursor: string | null,
): { items: MessageSummary[]; nextCursor: string | null } {
  if (fresh.length === 0) return { items: [], nextCursor: null };
  if (freshCursor === null) return { items: fresh, nextCursor: null };
  const oldest = fresh[fresh.length - 1];
  const at = items.findIndex((m) => m.id === oldest.id);
  const tail = at >= 0 ? items.slice(at + 1) : items.filter((m) => m.receivedAt < oldest.receivedAt);
  if (tail.length === 0) return { items: fresh, nextCursor: freshCursor };
  const seen = new Set(fresh.map((m) => m.id));
  return { items: [...fresh, ...tail.filter((m) => !seen.has(m.id))], nextCursor: currentCursor };
}

/** Index of a message in the list, or -1. */
export function indexOf(items: MessageSummary[], id: string | null): number {
  return id === null ? -1 : items.findIndex((m) => m.id === id);
}

/**
 * A loaded first page, with the live rows that arrived while it was being fetched (oldest first) put back on
 * top unless the page already has them — a reload must not drop what the live stream just showed.
 */
export function withLiveRows<T extends { id: number }>(page: T[], live: T[], max: number): T[] {
  const loaded = new Set(page.map((e) => e.id));
  const missing = live.filter((e) => !loaded.has(e.id)).reverse();
  return missing.length ? [...missing, ...page].slice(0, max) : page;
}
