// The warm-up plan of a standard dedicated IP, as pure functions of its progress (limits.ts: 45 steps from
// 50 to 50,000 recipients a day; doc dedicated-ip-warming [verify]). Progress is kept as a percentage
// (what GetDedicatedIp reports): step d of the plan spans [d, d+1) × 100/45 %, and sending step d's whole
// daily allowance through the IP advances it by one step. So the percentage grows with volume, and the
// allowance of the day follows the step reached. PutDedicatedIpWarmupAttributes sets the percentage directly.
// Owns: the curve and the arithmetic. Must not: know about stores, pools or sends.
import { DEDICATED_IP_WARMUP_DAYS, DEDICATED_IP_WARMUP_FIRST_DAY, DEDICATED_IP_WARMUP_LAST_DAY } from '../limits';

const DAY_MS = 24 * 3600_000;

/** Sesame's UTC day number of `at` (allowances reset at 00:00 UTC of Sesame's clock). */
export const dayOf = (at: number): number => Math.floor(at / DAY_MS);

/** The plan's daily allowance at step `step` (0-based, clamped to the plan). */
export function stepAllowance(step: number): number {
  const last = DEDICATED_IP_WARMUP_DAYS - 1;
  const d = Math.min(Math.max(0, Math.floor(step)), last);
  const ratio = DEDICATED_IP_WARMUP_LAST_DAY / DEDICATED_IP_WARMUP_FIRST_DAY;
  return Math.round(DEDICATED_IP_WARMUP_FIRST_DAY * Math.pow(ratio, d / last));
}

const stepOf = (percentage: number) => (percentage * DEDICATED_IP_WARMUP_DAYS) / 100;

/** Today's allowance for an IP at `percentage`; null once warmed up (100 %). */
export function allowanceAt(percentage: number): number | null {
  return percentage >= 100 ? null : stepAllowance(stepOf(percentage));
}

/** The percentage after `recipients` more were sent through an IP at `percentage` (step by step, exact). */
export function advance(percentage: number, recipients: number): number {
  let step = stepOf(percentage);
  let left = recipients;
  while (left > 0 && step < DEDICATED_IP_WARMUP_DAYS) {
    const cap = stepAllowance(step);
    const room = (Math.floor(step) + 1 - step) * cap; // recipients that finish the current step
    if (left >= room) {
      step = Math.floor(step) + 1;
      left -= room;
    } else {
      step += left / cap;
      left = 0;
    }
  }
  return Math.min(100, (step * 100) / DEDICATED_IP_WARMUP_DAYS);
}

/** The whole percent SES reports (never 100 before the plan is finished). */
export const reportedPercentage = (percentage: number): number => Math.min(100, Math.floor(percentage + 1e-9));
