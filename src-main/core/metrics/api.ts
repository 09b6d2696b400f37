// The metrics capability's public surface: Sesame's own record of what the account sent and what became of
// it, counted into 15-minute buckets of Sesame's time that outlive the messages (retention prunes mail, not
// statistics). Everything statistical reads it: v1 GetSendStatistics, v2 BatchGetMetricData, the reputation
// rates (core/reputation) and the dashboard (UI API `/api/dashboard`).
// Counting rules (ses-facts §A.8, §A.4, §A.12): one count per recipient; SEND counts every recipient of an
// accepted send; `reputation.*` counters leave out mailbox-simulator recipients, suppression-list
// recipients (account and global) and recipients of scenario rules marked `countsTowardReputation: false`,
// and the bounce counter counts hard (Permanent) bounces only.
// Owns: shapes and the service interface (core/metrics/metrics.ts implements it). Must not: hold behaviour.

/** What is counted. VDM names where SES has one (BatchGetMetricData `Metric`), then Sesame's own. */
export type MetricName =
  | 'SEND'
  | 'DELIVERY'
  | 'PERMANENT_BOUNCE'
  | 'TRANSIENT_BOUNCE'
  | 'COMPLAINT'
  | 'REJECT'
  | 'OPEN'
  | 'CLICK'
  | 'DELIVERY_OPEN'
  | 'DELIVERY_CLICK'
  | 'DELIVERY_COMPLAINT'
  | 'DELIVERY_DELAY'
  | 'RENDERING_FAILURE'
  // Sesame's: the reputation denominators and numerators, and billing inputs.
  | 'REPUTATION_SENT'
  | 'REPUTATION_HARD_BOUNCE'
  | 'REPUTATION_COMPLAINT'
  /** Messages accepted (not recipients): SES bills per message-recipient, so the cost panel uses SEND; this is for charts. */
  | 'MESSAGES'
  /** Bytes of attachments sent (billing: "attachment data per GB"). */
  | 'ATTACHMENT_BYTES'
  /** VDM's own counts (BatchGetMetricData): the VDM metric, for single-recipient mail outside the simulator only. */
  | `VDM_${VdmMetric}`;

/** BatchGetMetricData's metrics. VDM counts only "emails addressed to" one recipient, never the mailbox simulator. */
export const VDM_METRICS = [
  'SEND',
  'COMPLAINT',
  'PERMANENT_BOUNCE',
  'TRANSIENT_BOUNCE',
  'OPEN',
  'CLICK',
  'DELIVERY',
  'DELIVERY_OPEN',
  'DELIVERY_CLICK',
  'DELIVERY_COMPLAINT',
] as const;
export type VdmMetric = (typeof VDM_METRICS)[number];

/** A dimension a count is kept under (besides the account total). */
export interface MetricDimensions {
  /** The configuration set the send used; null = none. */
  configurationSet?: string | null;
  /** The verified identity that authorized the From address (`example.com` or `a@example.com`). */
  identity?: string | null;
  /** The recipient's mailbox provider, VDM's ISP dimension (`Gmail`, `Yahoo`, `Hotmail`, `iCloud`, `Amazon SES Mailbox Simulator`, else `UNKNOWN_ISP`: GetMessageInsights' names). */
  isp?: string | null;
}

export interface MetricQuery {
  metrics: MetricName[];
  /** Epoch ms, inclusive; bucket starts are compared. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  /** Bucket width of the answer: a multiple of 15 minutes (900,000 ms). */
  stepMs: number;
  /** Only counts under these dimension values (absent = any). */
  filter?: MetricDimensions;
}

/** One answered series: a value per step from `from` (zeros included), oldest first. */
export interface MetricSeries {
  metric: MetricName;
  timestamps: number[];
  values: number[];
}

export interface MetricTotal {
  key: string;
  counts: Partial<Record<MetricName, number>>;
}

export interface ReputationCounts {
  /** Counts after `since`, newest bucket first, up to a representative volume: see MetricsService.reputation. */
  sent: number;
  hardBounces: number;
  complaints: number;
  /** Start of the oldest bucket included (epoch ms), null when nothing was counted. */
  windowStart: number | null;
}

export interface CountedReputation {
  configurationSet: string | null;
  /** When the message the counts belong to was sent (epoch ms). */
  sentAt: number;
  increments: { metric: 'REPUTATION_SENT' | 'REPUTATION_HARD_BOUNCE' | 'REPUTATION_COMPLAINT'; n: number }[];
}

export interface MetricsService {
  series(query: MetricQuery): MetricSeries[];
  /** Totals over [from, to) grouped by one dimension (`configurationSet`, `identity` or `isp`); the null key is ''. */
  breakdown(query: { from: number; to: number; by: keyof MetricDimensions; metrics: MetricName[] }): MetricTotal[];
  /**
   * The reputation counters over the most recent buckets after `since` (a fresh start; null = all kept), newest
   * first, stopping once `volume` eligible recipients are covered (the representative volume) and never
   * older than `maxAgeMs`; for one configuration set, or the account when `configurationSet` is absent.
   */
  reputation(query: { configurationSet?: string; since: number | null; volume: number; maxAgeMs: number }): ReputationCounts;
  /** v1 GetSendStatistics: one point per 15-minute bucket with activity in the last two weeks. */
  sendStatistics(): { timestamp: number; deliveryAttempts: number; bounces: number; complaints: number; rejects: number }[];
  /**
   * Called after reputation counts change (a send, hard bounce, complaint or suppression outcome), with the
   * increments and the time of the send they belong to (reputation counts are kept in the bucket of the send,
   * not of the outcome, so a rate always compares outcomes with the sends they came from); core/reputation
   * re-evaluates here.
   */
  onCounted(listener: (what: CountedReputation) => void): () => void;
  /** engine.reset: statistics go with the account. */
  reset(): void;
}
