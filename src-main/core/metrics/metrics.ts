// The metrics capability (api.ts): counts every recorded SES event into the 15-minute bucket ledger
// (counting.ts decides what, metrics-store.ts keeps it) and answers the statistics reads. Counting runs on
// the bus's `event.recorded` — after the commit, for immediate and scheduled events alike — one small
// transaction of prepared UPSERTs per event; reputation counts are mirrored in memory (reputation-tally.ts) and
// only they wake onCounted listeners. The pipeline notes, inside its own transaction, the facts an
// event cannot carry (`noteSend`: recipients a scenario rule left out of reputation, whether the message is
// open/click tracked, its attachment bytes); the last few are kept in memory so a send's own events never
// read them back from the database.
// Owns: the bucket arithmetic, the kept window and lazy pruning, the reputation walk. Must not: decide
// enforcement (core/reputation) or speak a wire format.
import type { SesEventRecord } from '../../contract/messages';
import type { Clock } from '../clock';
import type { DomainBus } from '../engine-api';
import type { IdentityService } from '../identities/api';
import { METRICS_BUCKET_MS, METRICS_KEEP_MS, SEND_STATISTICS_WINDOW_MS } from '../limits';
import { bareAddress } from '../mime/addresses';
import type { Db } from '../store/database';
import type { CountedReputation, MetricName, MetricsService, MetricTotal, MetricSeries } from './api';
import { attachmentBytes } from './attachments';
import { configurationSetOf, countEvent, type CountLookups } from './counting';
import { createMetricsStore, type DimColumn, type DimFilter } from './metrics-store';
import { createReputationTally, REPUTATION_METRICS } from './reputation-tally';

/** What the pipeline tells the ledger about a send, inside its transaction. */
export interface SendNote {
  /** Recipients whose outcome a scenario rule with `countsTowardReputation: false` decided. */
  unrated: readonly string[];
  tracking: { open: boolean; click: boolean };
  /** The stored MIME when it has attachments (their bytes are counted), else null. */
  mimeWithAttachments: Buffer | null;
}

export interface MetricsCounter extends MetricsService {
  noteSend(messageId: string, at: number, note: SendNote): void;
}

export const bucketOf = (t: number) => Math.floor(t / METRICS_BUCKET_MS) * METRICS_BUCKET_MS;

/** The send time of the message an event is about (`mail.timestamp`), or null when the event carries none. */
const sendTimeOf = (e: SesEventRecord): number | null => {
  const ts = (e.payload as { mail?: { timestamp?: string } } | undefined)?.mail?.timestamp;
  return ts ? Date.parse(ts) : null;
};

const COLUMN: Record<'configurationSet' | 'identity' | 'isp', DimColumn> = { configurationSet: 'configuration_set', identity: 'identity', isp: 'isp' };
const RECENT_NOTES = 2000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const NO_MARKS: ReadonlySet<string> = new Set();

interface Note {
  marks: Set<string>;
  bytes: number;
}

export function createMetrics(deps: { db: Db; clock: Clock; bus: DomainBus; identities: Pick<IdentityService, 'verifiedFor' | 'attributedTo'> }): MetricsCounter {
  const { db, clock, identities } = deps;
  const store = createMetricsStore(db);
  const tally = createReputationTally(() => store.reputationRows(REPUTATION_METRICS));
  const listeners = new Set<(what: CountedReputation) => void>();
  const notes = new Map<string, Note>();
  let prunedAt = 0;

  const lookups: CountLookups = {
    marks(messageId) {
      const n = notes.get(messageId);
      if (n) return n.marks;
      const stored = store.marks(messageId);
      return stored.size ? stored : NO_MARKS;
    },
    verified: (address) => identities.verifiedFor(address) !== null,
    first: (messageId, kind) => store.markOnce(messageId, kind, clock.now()),
    attachmentBytes: (messageId) => notes.get(messageId)?.bytes ?? 0,
  };

  const identityOf = (e: SesEventRecord): string => {
    const mail = (e.payload as { mail?: { sourceArn?: string; source?: string } } | undefined)?.mail;
    const arn = mail?.sourceArn;
    if (arn) return arn.slice(arn.indexOf(':identity/') + ':identity/'.length);
    return mail?.source ? identities.attributedTo(bareAddress(mail.source)) : '';
  };

  const count = db.transaction((e: SesEventRecord) => {
    const increments = countEvent(e, lookups);
    if (!increments.length) return null;
    const at = Date.parse(e.timestamp);
    const bucket = bucketOf(Number.isNaN(at) ? clock.now() : at);
    const cs = configurationSetOf(e);
    const identity = identityOf(e);
    // Reputation counts go to the bucket of the send they belong to (mail.timestamp), everything else to the
    // bucket of the event: a late bounce belongs to its send's window, a chart shows when it bounced.
    const sentTime = sendTimeOf(e) ?? at;
    const sentAt = Number.isNaN(sentTime) ? clock.now() : sentTime;
    const sendBucket = bucketOf(sentAt);
    const reputation = increments.filter((i) => (REPUTATION_METRICS as readonly string[]).includes(i.metric));
    for (const i of increments) store.add(reputation.includes(i) ? sendBucket : bucket, i.metric, cs, identity, i.isp, i.n);
    const now = clock.now();
    if (now - prunedAt > PRUNE_EVERY_MS) {
      prunedAt = now;
      store.prune(bucketOf(now - METRICS_KEEP_MS));
      tally.prune(bucketOf(now - METRICS_KEEP_MS));
    }
    return { cs, sentAt, sendBucket, reputation };
  });

  deps.bus.on('event.recorded', (e) => {
    const counted = count(e);
    if (counted === null) return; // nothing counted (a Subscription event, a repeated open)
    // Only reputation counts can change a status: a Delivery or an Open does not re-judge anything.
    if (!counted.reputation.length) return;
    for (const i of counted.reputation) tally.add(counted.cs, counted.sendBucket, i.metric, i.n);
    const what: CountedReputation = {
      configurationSet: counted.cs || null,
      sentAt: counted.sentAt,
      increments: counted.reputation.map((i) => ({ metric: i.metric as CountedReputation['increments'][number]['metric'], n: i.n })),
    };
    for (const fn of [...listeners]) fn(what);
  });

  const filterOf = (f: MetricQueryFilter | undefined): DimFilter => {
    const out: DimFilter = {};
    if (!f) return out;
    if (f.configurationSet !== undefined) out.configuration_set = f.configurationSet ?? '';
    if (f.identity !== undefined) out.identity = f.identity ?? '';
    if (f.isp !== undefined) out.isp = f.isp ?? '';
    return out;
  };

  return {
    noteSend(messageId, at, note) {
      const marks = new Set<string>();
      for (const r of note.unrated) marks.add(`unrated:${r}`);
      if (note.tracking.open) marks.add('track:open');
      if (note.tracking.click) marks.add('track:click');
      for (const m of marks) store.markOnce(messageId, m, at);
      // The oldest note goes first: a send's own events (emitted right after its commit) always find theirs.
      if (notes.size >= RECENT_NOTES) notes.delete(notes.keys().next().value!);
      notes.set(messageId, { marks, bytes: note.mimeWithAttachments ? attachmentBytes(note.mimeWithAttachments) : 0 });
    },
    series(q) {
      const step = Math.max(METRICS_BUCKET_MS, Math.round(q.stepMs / METRICS_BUCKET_MS) * METRICS_BUCKET_MS);
      const steps = Math.max(0, Math.ceil((q.to - q.from) / step));
      const out = new Map<MetricName, MetricSeries>();
      for (const metric of q.metrics) {
        out.set(metric, { metric, timestamps: Array.from({ length: steps }, (_, k) => q.from + k * step), values: new Array<number>(steps).fill(0) });
      }
      if (!q.metrics.length || !steps) return [...out.values()];
      for (const row of store.perBucket(q.metrics, q.from, q.to, filterOf(q.filter))) {
        const k = Math.floor((row.bucket - q.from) / step);
        const s = out.get(row.metric as MetricName);
        if (s && k >= 0 && k < steps) s.values[k] += row.total;
      }
      return [...out.values()];
    },
    breakdown(q) {
      if (!q.metrics.length) return [];
      const totals = new Map<string, MetricTotal>();
      for (const row of store.grouped(q.metrics, q.from, q.to, COLUMN[q.by])) {
        const t = totals.get(row.key) ?? { key: row.key, counts: {} };
        t.counts[row.metric as MetricName] = row.total;
        totals.set(row.key, t);
      }
      return [...totals.values()];
    },
    reputation(q) {
      const from = Math.max(q.since === null ? 0 : bucketOf(q.since), bucketOf(clock.now() - q.maxAgeMs));
      return tally.walk(q.configurationSet, from, q.volume);
    },
    sendStatistics() {
      const now = clock.now();
      const metrics: MetricName[] = ['SEND', 'PERMANENT_BOUNCE', 'TRANSIENT_BOUNCE', 'COMPLAINT', 'REJECT'];
      const points = new Map<number, { timestamp: number; deliveryAttempts: number; bounces: number; complaints: number; rejects: number }>();
      // Buckets that start within the last two weeks (a bucket straddling the two-week mark is older).
      const start = Math.ceil((now - SEND_STATISTICS_WINDOW_MS) / METRICS_BUCKET_MS) * METRICS_BUCKET_MS;
      for (const r of store.perBucket(metrics, start, now + 1, {})) {
        const p = points.get(r.bucket) ?? { timestamp: r.bucket, deliveryAttempts: 0, bounces: 0, complaints: 0, rejects: 0 };
        if (r.metric === 'SEND') p.deliveryAttempts += r.total;
        else if (r.metric === 'COMPLAINT') p.complaints += r.total;
        else if (r.metric === 'REJECT') p.rejects += r.total;
        else p.bounces += r.total;
        points.set(r.bucket, p);
      }
      return [...points.values()].filter((p) => p.deliveryAttempts || p.bounces || p.complaints || p.rejects);
    },
    onCounted(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    reset() {
      store.reset();
      tally.clear();
      notes.clear();
      prunedAt = 0;
    },
  };
}

type MetricQueryFilter = Parameters<MetricsService['series']>[0]['filter'];
