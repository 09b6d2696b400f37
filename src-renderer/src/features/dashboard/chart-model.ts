// The dashboard's pure conversions: the server's series into chart rows, the running bounce and complaint
// rates over the range, the colours and labels of each metric, the enforcement status in words with what
// happens next, and number formats.
// Owns: these pure functions. Must not: fetch or render.
import type { DashboardDto, DashboardMetric, DashboardThresholdsDto } from '../../../../src-main/contract';

export const METRIC_LABELS: Record<DashboardMetric, string> = {
  SEND: 'Sends',
  DELIVERY: 'Deliveries',
  PERMANENT_BOUNCE: 'Hard bounces',
  TRANSIENT_BOUNCE: 'Soft bounces',
  COMPLAINT: 'Complaints',
  REJECT: 'Rejects',
  OPEN: 'Opens',
  CLICK: 'Clicks',
};

/** CSS variables (dashboard.css sets light and dark values) so the lines stay readable in both themes. */
export const METRIC_COLOURS: Record<DashboardMetric, string> = {
  SEND: 'var(--dash-send)',
  DELIVERY: 'var(--dash-delivery)',
  PERMANENT_BOUNCE: 'var(--dash-hard)',
  TRANSIENT_BOUNCE: 'var(--dash-soft)',
  COMPLAINT: 'var(--dash-complaint)',
  REJECT: 'var(--dash-reject)',
  OPEN: 'var(--dash-open)',
  CLICK: 'var(--dash-click)',
};

export type VolumeRow = { t: number } & Record<DashboardMetric, number>;

export function volumeRows(d: DashboardDto): VolumeRow[] {
  const { timestamps, values } = d.series;
  return timestamps.map((t, i) => {
    const row = { t } as VolumeRow;
    for (const m of Object.keys(values) as DashboardMetric[]) row[m] = values[m][i] ?? 0;
    return row;
  });
}

export interface RateRow {
  t: number;
  /** Percent; null before anything was sent in the range. */
  bounce: number | null;
  complaint: number | null;
}

/** Running rates over the range: hard bounces (complaints) so far ÷ sends so far, in percent. */
export function runningRates(d: DashboardDto): RateRow[] {
  const { timestamps, values } = d.series;
  let sent = 0;
  let bounces = 0;
  let complaints = 0;
  return timestamps.map((t, i) => {
    sent += values.SEND[i] ?? 0;
    bounces += values.PERMANENT_BOUNCE[i] ?? 0;
    complaints += values.COMPLAINT[i] ?? 0;
    return { t, bounce: sent ? (bounces / sent) * 100 : null, complaint: sent ? (complaints / sent) * 100 : null };
  });
}

/** A y-axis top that shows the pause line and the highest value with some room. */
export function rateAxisMax(rows: RateRow[], key: 'bounce' | 'complaint', pausePercent: number): number {
  const top = Math.max(pausePercent * 1.3, ...rows.map((r) => r[key] ?? 0));
  // Rounded before the ceiling so float dust (50 × 1.1 = 55.000…01) does not add a hundredth.
  return Math.min(100, Math.ceil(Number((top * 1.1 * 100).toFixed(6))) / 100);
}

export const pct = (fraction: number | null | undefined, digits = 2): string =>
  fraction === null || fraction === undefined ? '—' : `${Number((fraction * 100).toFixed(digits))} %`;

/** The enforcement status in words and its chip tone (the dashboard's status rows and the Account screen's quota card). */
export const STATUS_WORDS = { HEALTHY: 'Healthy', PROBATION: 'Under review', SHUTDOWN: 'Sending paused' } as const;
export const STATUS_TONE = { HEALTHY: 'good', PROBATION: 'warn', SHUTDOWN: 'bad' } as const;

/** What happens next from this status, with the thresholds in force. */
export function nextStep(status: keyof typeof STATUS_WORDS, t: DashboardThresholdsDto, isSet: boolean): string {
  const who = isSet ? 'this configuration set' : 'the account';
  switch (status) {
    case 'HEALTHY':
      return `At a ${pct(t.bounceReview)} bounce rate or a ${pct(t.complaintReview, 3)} complaint rate ${who} goes under review.`;
    case 'PROBATION':
      return `SES is watching: at ${pct(t.bouncePause)} bounces or ${pct(t.complaintPause, 3)} complaints sending from ${who} is paused. A fresh start counts the rates from now.`;
    case 'SHUTDOWN':
      return `Sends from ${who} fail as they would on SES until a fresh start reinstates it.`;
  }
}

const two = (n: number) => String(n).padStart(2, '0');

/** Axis ticks: `14:15` for 24 hours, `Nov 22 14h` for days (Sesame time, this machine's zone). */
export function tickLabel(t: number, stepMs: number): string {
  const d = new Date(t);
  if (stepMs < 3_600_000) return `${two(d.getHours())}:${two(d.getMinutes())}`;
  return `${d.toLocaleDateString('en', { month: 'short', day: 'numeric' })} ${two(d.getHours())}h`;
}

export const usd = (n: number): string => (n === 0 ? '$0.00' : n < 0.01 ? `$${n.toFixed(4)}` : `$${n.toFixed(2)}`);
