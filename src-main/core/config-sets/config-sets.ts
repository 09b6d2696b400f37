// Configuration sets (ses-facts §A.13): create, read, change and delete sets shared by SES v1 and v2, and
// the sending gate's question "may this set send?".
// Owns: name rules, a new set's defaults, and the per-set document (event destinations are kept in it as
// core/publishing gives them; unknown keys are kept on every update). Must not: publish events (the event-publishing issue does) or know any
// wire format.
import type { Clock } from '../clock';
import { errors, suppressionErrors } from '../errors';
import { CONFIGURATION_SET_NAME_MAX_CHARS, CONFIGURATION_SET_PAGE_SIZE } from '../limits';
import type { Db } from '../store/database';
import { createConfigurationSetStore, type ConfigurationSetRow } from '../store/config-set-store';
import type { ConfigurationSetPatch, ConfigurationSetService, ConfigurationSetView } from './api';

/** The stored document: the view without name and creation time, plus whatever later issues add. */
type SetDocument = Omit<ConfigurationSetView, 'name' | 'createdAt'> & Record<string, unknown>;

const NAME = new RegExp(`^[A-Za-z0-9_-]{1,${CONFIGURATION_SET_NAME_MAX_CHARS}}$`);

/** Page tokens: the (creation time, name) of the last set a page returned. */
const encodeToken = (after: { t: number; n: string }) => Buffer.from(JSON.stringify(after)).toString('base64url');

function decodeToken(token: string): { t: number; n: string } {
  try {
    const after = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { t?: unknown; n?: unknown };
    if (typeof after.t === 'number' && typeof after.n === 'string') return { t: after.t, n: after.n };
  } catch {
    // falls through to the error
  }
  throw errors.invalidNextToken(token);
}

export const isValidConfigurationSetName = (name: string): boolean => NAME.test(name);

/**
 * A new set: sending enabled, the account's suppression reasons, TLS optional, reputation metrics off
 * (what GetConfigurationSet reports for a set created with no options [verify]).
 */
const newDocument = (): SetDocument => ({
  sendingEnabled: true,
  suppressedReasons: null,
  tracking: null,
  delivery: { tlsPolicy: 'OPTIONAL', sendingPoolName: null, maxDeliverySeconds: null },
  reputation: { reputationMetricsEnabled: false, lastFreshStart: null },
  tags: [],
  eventDestinations: [],
  stored: {},
});

function applyPatch(doc: SetDocument, patch: ConfigurationSetPatch): SetDocument {
  const next: SetDocument = { ...doc };
  if (patch.sendingEnabled !== undefined) next.sendingEnabled = patch.sendingEnabled;
  if (patch.suppressedReasons !== undefined) {
    next.suppressedReasons = patch.suppressedReasons === null ? null : [...new Set(patch.suppressedReasons)];
  }
  if (patch.tracking !== undefined) next.tracking = patch.tracking && { ...patch.tracking };
  if (patch.delivery) next.delivery = { ...doc.delivery, ...patch.delivery };
  if (patch.reputation) next.reputation = { ...doc.reputation, ...patch.reputation };
  if (patch.tags) next.tags = patch.tags.map((t) => ({ key: t.key, value: t.value }));
  if (patch.eventDestinations) next.eventDestinations = structuredClone(patch.eventDestinations);
  if (patch.stored) {
    const stored = { ...doc.stored };
    for (const [k, v] of Object.entries(patch.stored)) {
      if (v === undefined) delete stored[k];
      else stored[k] = v;
    }
    next.stored = stored;
  }
  return next;
}

const toView = (row: ConfigurationSetRow<SetDocument>): ConfigurationSetView => {
  const d = { ...newDocument(), ...row.doc };
  return {
    name: row.name,
    createdAt: row.createdAt,
    sendingEnabled: d.sendingEnabled,
    suppressedReasons: d.suppressedReasons ? [...d.suppressedReasons] : null,
    tracking: d.tracking ? { ...d.tracking } : null,
    delivery: { ...d.delivery },
    reputation: { ...d.reputation },
    tags: d.tags.map((t) => ({ ...t })),
    eventDestinations: structuredClone(d.eventDestinations ?? []),
    stored: { ...d.stored },
  };
};

export function createConfigurationSets(db: Db, clock: Clock): ConfigurationSetService {
  const store = createConfigurationSetStore<SetDocument>(db);
  // The parsed rows, kept in memory (this process is the only writer): filled from the store at start,
  // changed with every write. Documents are kept as the store gives them back (a JSON round trip).
  const cache = new Map(store.list().map((r) => [r.name, r]));
  const remember = (name: string, createdAt: number, doc: SetDocument) =>
    cache.set(name, { name, createdAt, doc: JSON.parse(JSON.stringify(doc)) as SetDocument });
  const get = (name: string) => {
    const row = cache.get(name);
    return row && toView(row);
  };
  const rowOf = (name: string) => {
    const row = cache.get(name);
    if (!row) throw errors.configurationSetDoesNotExist(name);
    return row;
  };
  return {
    create(name, patch = {}) {
      if (!isValidConfigurationSetName(name)) throw suppressionErrors.invalidConfigurationSetName(name, CONFIGURATION_SET_NAME_MAX_CHARS);
      const createdAt = clock.now();
      const doc = applyPatch(newDocument(), patch);
      if (!store.insert(name, createdAt, doc)) throw suppressionErrors.configurationSetAlreadyExists(name);
      remember(name, createdAt, doc);
      return get(name)!;
    },
    get,
    require: (name) => toView(rowOf(name)),
    // In creation order, then name (the store's order; names are ASCII, so code-unit order is byte order).
    list: () => [...cache.values()].sort((a, b) => a.createdAt - b.createdAt || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map(toView),
    // Takes the wire members as given (v1 MaxItems, v2 PageSize; NextToken): a non-number size is the
    // maximum, a number is truncated and clamped to 1..maximum, and an empty token is no token.
    page({ nextToken, pageSize }: { nextToken?: unknown; pageSize?: unknown }) {
      const all = store.list();
      let start = 0;
      if (typeof nextToken === 'string' && nextToken !== '') {
        const after = decodeToken(nextToken);
        start = all.findIndex((r) => r.createdAt > after.t || (r.createdAt === after.t && r.name > after.n));
        if (start < 0) start = all.length;
      }
      const size = typeof pageSize === 'number' ? Math.min(Math.max(Math.trunc(pageSize), 1), CONFIGURATION_SET_PAGE_SIZE) : CONFIGURATION_SET_PAGE_SIZE;
      const rows = all.slice(start, start + size);
      const last = rows[rows.length - 1];
      return {
        items: rows.map(toView),
        nextToken: start + size < all.length && last ? encodeToken({ t: last.createdAt, n: last.name }) : null,
      };
    },
    update(name, patch) {
      // Read from the store, not the cache: every key the stored document holds is kept.
      const row = store.get(name);
      if (!row) throw errors.configurationSetDoesNotExist(name);
      const doc = applyPatch({ ...newDocument(), ...row.doc }, patch);
      store.update(name, doc);
      remember(name, row.createdAt, doc);
      return toView({ ...row, doc });
    },
    delete(name) {
      if (!store.delete(name)) throw errors.configurationSetDoesNotExist(name);
      cache.delete(name);
    },
    assertCanSend(name) {
      const set = toView(rowOf(name));
      if (!set.sendingEnabled) throw errors.configurationSetSendingPaused(name);
      return set;
    },
    reset() {
      store.clear();
      cache.clear();
    },
  };
}
