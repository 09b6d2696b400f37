// The spam half of engine.inspect (issue 5): a stored message's SpamAssassin score through an injected
// SpamChecker (the host builds adapters/spamd/spamc-client.ts; none injected = "not available").
// Owns: the checker interface, the per-message result cache and the "not available" answer.
// Must not: speak the SPAMC protocol or open sockets (adapters/spamd does), or shell out.
import { SPAMD_HINT, type SpamCheckResult, type SpamReport, type SpamUnavailable } from '../../contract/spam';
import type { Clock } from '../clock';
import type { InspectApi } from './api';

/** What a checker answers: spamd's verdict (without the time), or why it could not be asked. */
export type SpamVerdict = Omit<SpamCheckResult, 'checkedAt'> | SpamUnavailable;

/** Narrow port to a spam scorer; never rejects — an unreachable spamd is `{ available: false }`. */
export interface SpamChecker {
  check(raw: Buffer): Promise<SpamVerdict>;
}

/** Results kept (a message is immutable, so an answer stays right); the oldest go first. */
const CACHE_LIMIT = 1000;

export type SpamInspect = Pick<InspectApi, 'spam'>;

export function unavailable(reason: string): SpamUnavailable {
  return { available: false, reason, hint: SPAMD_HINT };
}

export function createSpamInspect(deps: { raw: (id: string) => Promise<Buffer | undefined>; clock: Clock; checker?: SpamChecker }): SpamInspect {
  const cache = new Map<string, Promise<SpamReport>>();

  async function run(raw: Buffer): Promise<SpamReport> {
    if (!deps.checker) return unavailable('Spam checking is off (no spamd configured).');
    let verdict: SpamVerdict;
    try {
      verdict = await deps.checker.check(raw);
    } catch (err) {
      verdict = unavailable(err instanceof Error ? err.message : String(err));
    }
    if (!verdict.available) return verdict;
    return { ...verdict, checkedAt: new Date(deps.clock.now()).toISOString() };
  }

  return {
    async spam(messageId, opts) {
      const hit = opts?.refresh ? undefined : cache.get(messageId);
      if (hit) return hit;
      const raw = await deps.raw(messageId);
      if (raw === undefined) return undefined;
      const pending = run(raw);
      cache.set(messageId, pending);
      if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      const report = await pending;
      // Only answers are kept: "not available" is asked again next time (spamd may have been started since).
      if (!report.available && cache.get(messageId) === pending) cache.delete(messageId);
      return report;
    },
  };
}
