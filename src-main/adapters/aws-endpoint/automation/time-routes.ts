// Automation routes for Sesame's clock (time travel):
//   GET  /_sesame/time           → 200 {now: ISO, offsetMs}
//   POST /_sesame/time/advance {ms} | {seconds} | {duration: "24h" | "90m" | "30s" | "1h30m" | "500ms" | "2d"}
//                                → 200 {now: ISO, offsetMs, ran}   (`ran`: scheduled outcomes that fell due and ran)
// Exactly one of ms / seconds / duration; time only moves forward, by at most MAX_ADVANCE_MS.
// Moving the clock expires the daily-quota window, pays off send-rate debt, decides a pending
// production-access review and runs due outcomes (soft-bounce retries, delayed complaints).
// Owns: parsing the amount. Must not: keep time itself (engine.time does).
import type { Engine } from '../../../core/engine-api';
import type { AutomationRoute } from './types';
import { badRequest, iso, objectBody, onlyKnown, optionalNumber, optionalString } from './types';

/** Ten years: enough for any test, small enough to keep dates sane. */
export const MAX_ADVANCE_MS = 10 * 366 * 24 * 60 * 60 * 1000;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `"1h30m"` → 5,400,000. Units ms, s, m, h, d; parts add up; null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const s = text.trim().toLowerCase();
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(s)) return null;
  let total = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) total += Number(m[1]) * UNIT_MS[m[2]];
  return Math.round(total);
}

function amountOf(body: Record<string, unknown>): number {
  onlyKnown(body, ['ms', 'seconds', 'duration']);
  const given = ['ms', 'seconds', 'duration'].filter((k) => body[k] !== undefined);
  if (given.length !== 1) throw badRequest('Give exactly one of ms, seconds or duration (e.g. {"duration": "24h"}).');
  const nonNegative = (n: number) => n >= 0;
  const ms = optionalNumber(body, 'ms', nonNegative, 'a number of milliseconds ≥ 0');
  const seconds = optionalNumber(body, 'seconds', nonNegative, 'a number of seconds ≥ 0');
  const duration = optionalString(body, 'duration');
  let amount: number;
  if (ms !== undefined) amount = Math.round(ms);
  else if (seconds !== undefined) amount = Math.round(seconds * 1000);
  else {
    const parsed = parseDuration(duration ?? '');
    if (parsed === null) throw badRequest(`duration "${duration}" is not a duration: use e.g. "24h", "90m", "30s", "1h30m", "500ms", "2d".`);
    amount = parsed;
  }
  if (amount > MAX_ADVANCE_MS) throw badRequest(`Sesame's clock moves at most ${MAX_ADVANCE_MS} ms (ten years) at a time.`);
  return amount;
}

const timeOf = (engine: Engine) => ({ now: iso(engine.time.now()), offsetMs: engine.time.offset() });

export const timeRoutes: readonly AutomationRoute[] = [
  { method: 'GET', path: '/_sesame/time', handle: ({ engine }) => timeOf(engine) },
  {
    method: 'POST',
    path: '/_sesame/time/advance',
    handle(req) {
      const { ran } = req.engine.time.advance(amountOf(objectBody(req)));
      return { ...timeOf(req.engine), ran };
    },
  },
];
