// Reputation judgement as pure functions over the metrics ledger's counts (ses-facts §A.8): the rates, the
// verdict they call for, the enforcement status that follows from the current one, and the status in words.
// Transitions: HEALTHY → PROBATION ("under review") when either rate is at or above its review threshold;
// → SHUTDOWN ("sending paused") at a pause threshold; PROBATION heals to HEALTHY when both rates are below
// their review thresholds again; SHUTDOWN stays until a fresh start (nothing can be sent to improve it).
// Below the minimum volume nothing changes; once the window is empty, under review heals.
// Owns: the arithmetic and the wording. Must not: read the store, the clock or any service.
import type { EnforcementStatus } from '../account/api';
import type { ReputationCounts } from '../metrics/api';
import type { ReputationSettings } from './api';

export interface Rates {
  bounceRate: number | null;
  complaintRate: number | null;
}

export const rates = (counts: Pick<ReputationCounts, 'sent' | 'hardBounces' | 'complaints'>): Rates =>
  counts.sent > 0
    ? { bounceRate: counts.hardBounces / counts.sent, complaintRate: counts.complaints / counts.sent }
    : { bounceRate: null, complaintRate: null };

/**
 * What the rates call for, or null when too little was sent to judge (status stays as it is). An empty window
 * (everything counted has aged out, or nothing was sent since a fresh start) calls for HEALTHY: no evidence
 * is left, so "under review" heals (SHUTDOWN still waits for a fresh start).
 */
export function verdict(counts: ReputationCounts, s: ReputationSettings): EnforcementStatus | null {
  if (counts.sent === 0 && counts.hardBounces === 0 && counts.complaints === 0) return 'HEALTHY';
  if (counts.sent < s.minimumVolume) return null;
  const r = rates(counts);
  const bounce = r.bounceRate ?? 0;
  const complaint = r.complaintRate ?? 0;
  if (bounce >= s.bouncePause || complaint >= s.complaintPause) return 'SHUTDOWN';
  if (bounce >= s.bounceReview || complaint >= s.complaintReview) return 'PROBATION';
  return 'HEALTHY';
}

/**
 * The status after a verdict. `mayHeal`: whether PROBATION may heal (false when it was set by hand — a
 * manual status stays until changed by hand, a fresh start or an escalation).
 */
export function nextStatus(current: EnforcementStatus, v: EnforcementStatus | null, mayHeal = true): EnforcementStatus {
  if (v === null || current === 'SHUTDOWN') return current;
  if (v === 'SHUTDOWN') return 'SHUTDOWN';
  if (v === 'PROBATION') return 'PROBATION';
  return current === 'PROBATION' && !mayHeal ? 'PROBATION' : 'HEALTHY';
}

export const STATUS_WORDS: Record<EnforcementStatus, string> = {
  HEALTHY: 'Healthy',
  PROBATION: 'Under review',
  SHUTDOWN: 'Sending paused',
};

/** 0.062 → "6.2 %", 0.001 → "0.1 %", 0.1 → "10 %". */
export const percent = (fraction: number): string => `${Number((fraction * 100).toFixed(2))} %`;

function ratePhrase(name: string, count: number, sent: number, review: number, pause: number): string {
  const rate = count / sent;
  const head = `${name} rate ${percent(rate)} (${count} of ${sent} recent sends)`;
  if (rate >= pause) return `${head} is at or above the ${percent(pause)} pause threshold`;
  if (rate >= review) return `${head} is at or above the ${percent(review)} review threshold; at ${percent(pause)} SES pauses sending`;
  return `${head} is below the ${percent(review)} review threshold`;
}

/**
 * The status in words with the numbers, e.g. "Under review: bounce rate 6.2 % (31 of 500 recent sends) is
 * at or above the 5 % review threshold; at 10 % SES pauses sending."
 */
export function explain(
  status: EnforcementStatus,
  counts: Pick<ReputationCounts, 'sent' | 'hardBounces' | 'complaints'>,
  s: ReputationSettings,
  opts: { configurationSet?: boolean } = {},
): string {
  const head = `${STATUS_WORDS[status]}: `;
  const tail =
    status === 'SHUTDOWN'
      ? ` Sending stays paused until a fresh start${opts.configurationSet ? '' : ' (what SES does when it reinstates an account)'}.`
      : status === 'PROBATION'
        ? ' The status heals once both rates are below their review thresholds again.'
        : '';
  if (counts.sent === 0) return `${head}nothing that counts toward reputation was sent recently.${tail}`;
  const parts: string[] = [];
  const bounceOver = counts.hardBounces / counts.sent >= s.bounceReview;
  const complaintOver = counts.complaints / counts.sent >= s.complaintReview;
  // Lead with the rate that explains the status; mention a healthy one only when both are healthy.
  if (bounceOver || !complaintOver) parts.push(ratePhrase('bounce', counts.hardBounces, counts.sent, s.bounceReview, s.bouncePause));
  if (complaintOver || !bounceOver) parts.push(ratePhrase('complaint', counts.complaints, counts.sent, s.complaintReview, s.complaintPause));
  let text = `${head}${parts.join('; ')}.`;
  if (counts.sent < s.minimumVolume) {
    text += ` That is fewer than the ${s.minimumVolume} recent sends needed before the status changes.`;
  }
  return text + tail;
}
