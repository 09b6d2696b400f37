// The link checker (issue 5): every <a href> / <img src> of a stored message, checked the way a careful
// crawler would — SSRF-safe. Per hop: the host is resolved ONCE through the injected resolver, the address is
// checked against link-ranges.ts (refused unless the "allow private addresses" setting is on), and the
// injected probe connects to that very address (no second resolution: no DNS rebinding). HEAD first; a
// careful GET (Range: bytes=0-0, a few KB read at most) when HEAD answers 405/501 or fails. Redirects are
// followed manually, at most LINK_CHECK_MAX_REDIRECTS, each hop re-checked. Concurrency is capped overall and
// per host; results are cached per URL for LINK_CHECK_CACHE_MS of Sesame's clock.
// Owns: that policy, the cache and the setting. Must not: open sockets or resolve names itself (injected).
import type { LinkCheckReport, LinkCheckResult, LinkHop } from '../../contract/link-check';
import type { MessageLink } from '../../contract/mime-tree';
import type { Clock } from '../clock';
import type { InspectApi } from './api';
import type { SettingsStore } from '../store/types';
import { isIpLiteral, refusedRange } from './link-ranges';

export const LINK_CHECK_MAX_REDIRECTS = 5;
export const LINK_CHECK_TIMEOUT_MS = 5_000;
/** The careful GET reads at most this much of a body before aborting. */
export const LINK_CHECK_MAX_BYTES = 4 * 1024;
export const LINK_CHECK_CACHE_MS = 5 * 60_000;
export const LINK_CHECK_CONCURRENCY = 8;
export const LINK_CHECK_PER_HOST = 2;
const SETTING = 'inspect.linkCheck.allowPrivate';

/** Resolves a host name to its IP addresses (hosts pass dns.promises.lookup with all: true). */
export type LinkResolve = (hostname: string) => Promise<string[]>;
export interface LinkProbeRequest {
  url: string;
  /** The IP to connect to; the URL's host still goes in Host / TLS SNI. */
  address: string;
  method: 'HEAD' | 'GET';
  timeoutMs: number;
  maxBytes: number;
}
export interface LinkProbeResponse {
  status: number;
  location: string | null;
}
/** One request, never following redirects; rejects with a readable Error on no answer. */
export type LinkProbe = (req: LinkProbeRequest) => Promise<LinkProbeResponse>;

export interface LinkCheckDeps {
  clock: Clock;
  settings: SettingsStore;
  links: (messageId: string) => Promise<MessageLink[] | undefined>;
  resolve?: LinkResolve;
  probe?: LinkProbe;
  timeoutMs?: number;
}

export interface LinkChecker {
  check(messageId: string): Promise<LinkCheckReport | undefined>;
  allowPrivate(enabled?: boolean): boolean;
}

/** A queue that runs at most `max` tasks at once, and at most `perKey` per key. */
export function createLimiter(max: number, perKey: number) {
  let running = 0;
  const byKey = new Map<string, number>();
  const waiting: { key: string; start: () => void }[] = [];
  const pump = () => {
    for (let i = 0; i < waiting.length && running < max; ) {
      const w = waiting[i];
      if ((byKey.get(w.key) ?? 0) >= perKey) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      w.start();
    }
  };
  return async function run<T>(key: string, task: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      waiting.push({ key, start: () => ((running++, byKey.set(key, (byKey.get(key) ?? 0) + 1)), resolve()) });
      pump();
    });
    try {
      return await task();
    } finally {
      running--;
      byKey.set(key, (byKey.get(key) ?? 1) - 1);
      pump();
    }
  };
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function createLinkChecker(deps: LinkCheckDeps): LinkChecker {
  const cache = new Map<string, { at: number; result: LinkCheckResult }>();
  const limit = createLimiter(LINK_CHECK_CONCURRENCY, LINK_CHECK_PER_HOST);
  const timeoutMs = deps.timeoutMs ?? LINK_CHECK_TIMEOUT_MS;
  const allowPrivate = (enabled?: boolean): boolean => {
    if (enabled !== undefined && enabled !== (deps.settings.get<boolean>(SETTING) ?? false)) {
      deps.settings.put(SETTING, enabled);
      cache.clear(); // results computed under the other rule no longer hold
    }
    return deps.settings.get<boolean>(SETTING) ?? false;
  };

  async function probeHop(url: URL, address: string): Promise<{ res: LinkProbeResponse; method: 'HEAD' | 'GET' }> {
    const probe = deps.probe;
    if (!probe) throw new Error('this Sesame has no outbound HTTP for link checks');
    const req = { url: url.href, address, timeoutMs, maxBytes: LINK_CHECK_MAX_BYTES };
    let headError: unknown;
    try {
      const res = await probe({ ...req, method: 'HEAD' });
      if (res.status !== 405 && res.status !== 501) return { res, method: 'HEAD' };
    } catch (err) {
      headError = err;
    }
    try {
      return { res: await probe({ ...req, method: 'GET' }), method: 'GET' };
    } catch (err) {
      throw new Error(headError ? `HEAD: ${message(headError)}; GET: ${message(err)}` : message(err), { cause: err });
    }
  }

  async function resolveHost(url: URL): Promise<string> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIpLiteral(host)) return host;
    if (!deps.resolve) throw new Error('this Sesame has no DNS resolver for link checks');
    const addresses = await deps.resolve(host);
    if (!addresses.length) throw new Error(`${host} has no address`);
    return addresses[0];
  }

  async function checkUrl(link: MessageLink, allowed: boolean): Promise<LinkCheckResult> {
    const started = deps.clock.now();
    const base: LinkCheckResult = {
      url: link.url,
      kind: link.kind,
      text: link.text,
      outcome: 'not-checked',
      status: null,
      finalUrl: link.url,
      hops: [],
      redirects: 0,
      method: null,
      latencyMs: 0,
      error: null,
      refusedReason: null,
      checkedAt: new Date(started).toISOString(),
      cached: false,
    };
    let url: URL;
    try {
      url = new URL(link.url);
    } catch {
      return { ...base, error: 'not a valid URL' };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return base;
    const hops: LinkHop[] = [];
    const done = (r: Partial<LinkCheckResult>): LinkCheckResult => ({
      ...base,
      hops,
      finalUrl: url.href,
      redirects: Math.max(0, hops.length - 1),
      latencyMs: deps.clock.now() - started,
      ...r,
    });
    for (;;) {
      let address: string;
      try {
        address = await resolveHost(url);
      } catch (err) {
        hops.push({ url: url.href, address: null, status: null });
        return done({ outcome: 'error', error: `DNS: ${message(err)}` });
      }
      const refused = allowed ? null : refusedRange(address);
      if (refused) {
        hops.push({ url: url.href, address, status: null });
        return done({ outcome: 'refused', refusedReason: `${address} is ${refused}`, latencyMs: 0 });
      }
      let answer: Awaited<ReturnType<typeof probeHop>>;
      try {
        const at = url;
        answer = await limit(at.host, () => probeHop(at, address));
      } catch (err) {
        hops.push({ url: url.href, address, status: null });
        return done({ outcome: 'error', error: message(err) });
      }
      const { res, method } = answer;
      hops.push({ url: url.href, address, status: res.status });
      if (res.status >= 300 && res.status < 400 && res.location) {
        if (hops.length > LINK_CHECK_MAX_REDIRECTS) {
          return done({ outcome: 'error', status: res.status, method, error: `more than ${LINK_CHECK_MAX_REDIRECTS} redirects` });
        }
        let next: URL;
        try {
          next = new URL(res.location, url);
        } catch {
          return done({ outcome: 'error', status: res.status, method, error: `unreadable redirect Location: ${res.location}` });
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          return done({ outcome: 'error', status: res.status, method, error: `redirect to a non-HTTP URL: ${next.href}` });
        }
        url = next;
        continue;
      }
      return done({ outcome: res.status < 400 ? 'ok' : 'broken', status: res.status, method });
    }
  }

  async function cachedCheck(link: MessageLink, allowed: boolean): Promise<LinkCheckResult> {
    const now = deps.clock.now();
    const hit = cache.get(link.url);
    if (hit && now - hit.at < LINK_CHECK_CACHE_MS) return { ...hit.result, kind: link.kind, text: link.text, cached: true };
    const result = await checkUrl(link, allowed);
    if (result.outcome !== 'not-checked') {
      dropExpired(now);
      cache.set(link.url, { at: now, result });
    }
    return result;
  }

  /** Forget results no lookup at `now` would use, so the cache holds only live entries (no unbounded growth). */
  function dropExpired(now: number): void {
    for (const [url, entry] of cache) if (now - entry.at >= LINK_CHECK_CACHE_MS) cache.delete(url);
  }

  return {
    allowPrivate,
    async check(messageId) {
      const links = await deps.links(messageId);
      if (links === undefined) return undefined;
      const allowed = allowPrivate();
      const results = await Promise.all(links.map((l) => cachedCheck(l, allowed)));
      return { messageId, allowPrivate: allowed, results };
    },
  };
}

/** The engine's members (core/inspect/api.ts): `checkLinks`, `linkCheckAllowPrivate`. */
export function createLinkCheckInspect(deps: LinkCheckDeps): Pick<InspectApi, 'checkLinks' | 'linkCheckAllowPrivate'> {
  const checker = createLinkChecker(deps);
  return { checkLinks: (id) => checker.check(id), linkCheckAllowPrivate: (enabled) => checker.allowPrivate(enabled) };
}
