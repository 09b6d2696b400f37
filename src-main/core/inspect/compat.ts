// The HTML compatibility report (issue 5), like Mailpit's and smtp4dev's checks: which caniemail features
// the message's HTML parts use, how each client family/platform supports them (newest tested version),
// a score, the worst problems first and a per-client summary.
// Score (documented in contract/compatibility.ts): each client/platform pair gets the worst support over
// the detected features — y counts 1, a (partial) ½, n 0 — and pairs where every feature is unknown are
// left out; score = 100 × sum / pairs counted, one decimal. A feature's own score is the same share over
// the pairs with known support for that feature.
// Owns: scoring and ordering, and the `compatibility` inspect member. Must not: parse CSS/HTML
// (compat-detect.ts) or load data (compat-data.ts).
import type { CompatClientSummary, CompatFeature, CompatibilityReport, CompatSupport } from '../../contract/compatibility';
import type { InspectApi } from './api';
import { compatData, type CompatData } from './compat-data';
import { detectFeatures } from './compat-detect';
import { inlineLeaves, partText, walkMime } from './mime-tree';

const RANK: Record<CompatSupport, number> = { n: 0, a: 1, y: 2, u: 3 };
const WEIGHT: Record<'y' | 'a' | 'n', number> = { y: 1, a: 0.5, n: 0 };

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The report for these HTML parts (empty array: a message without HTML). */
export function compatibilityReport(messageId: string, htmlParts: string[], data: CompatData = compatData()): CompatibilityReport {
  const base = { messageId, hasHtml: htmlParts.length > 0, dataDate: data.dataDate, source: data.source };
  const known = (slug: string) => data.features.has(slug);
  const merged = new Map<string, { count: number; sample: string }>();
  for (const html of htmlParts) {
    for (const d of detectFeatures(html, known)) {
      const prev = merged.get(d.slug);
      if (prev) prev.count += d.count;
      else merged.set(d.slug, { count: d.count, sample: d.sample });
    }
  }
  const features: CompatFeature[] = [];
  for (const [slug, { count, sample }] of merged) {
    const f = data.features.get(slug)!;
    const tally = { y: 0, a: 0, n: 0, u: 0 };
    const clients = data.pairs.map((p) => {
      const s = f.support.get(p.key);
      const support = s?.support ?? 'u';
      tally[support]++;
      return {
        family: p.family,
        familyName: data.familyName(p.family),
        platform: p.platform,
        platformName: data.platformName(p.platform),
        version: s?.version ?? '',
        support,
        notes: s?.notes ?? [],
      };
    });
    const knownPairs = tally.y + tally.a + tally.n;
    const score = knownPairs === 0 ? 100 : round1((100 * (tally.y + tally.a / 2)) / knownPairs);
    features.push({ slug, title: f.title, category: f.category, url: f.url, count, sample, supported: tally.y, partial: tally.a, unsupported: tally.n, unknown: tally.u, score, clients });
  }
  features.sort((a, b) => a.score - b.score || b.unsupported - a.unsupported || a.title.localeCompare(b.title));

  const clients: CompatClientSummary[] = data.pairs.map((p, i) => {
    let worst: CompatSupport = 'u';
    const unsupported: string[] = [];
    const partial: string[] = [];
    for (const f of features) {
      const s = f.clients[i].support;
      if (s === 'n') unsupported.push(f.slug);
      if (s === 'a') partial.push(f.slug);
      if (RANK[s] < RANK[worst]) worst = s;
    }
    return { family: p.family, familyName: data.familyName(p.family), platform: p.platform, platformName: data.platformName(p.platform), support: worst, unsupported, partial };
  });
  const counted = clients.filter((c) => c.support !== 'u');
  const score = features.length === 0 || counted.length === 0 ? null : round1((100 * counted.reduce((sum, c) => sum + WEIGHT[c.support as 'y' | 'a' | 'n'], 0)) / counted.length);
  clients.sort(
    (a, b) => RANK[a.support] - RANK[b.support] || b.unsupported.length - a.unsupported.length || b.partial.length - a.partial.length || a.familyName.localeCompare(b.familyName),
  );
  return { ...base, score, features, clients };
}

/** The text/html leaves that are not attachments, decoded. */
export async function htmlPartsOf(raw: Buffer): Promise<string[]> {
  return inlineLeaves(await walkMime(raw), 'text/html').map(partText);
}

/** The `compatibility` inspect member over the store's raw messages. */
export function createCompatibilityInspect(raw: (messageId: string) => Promise<Buffer | undefined>): Pick<InspectApi, 'compatibility'> {
  return {
    compatibility: async (id) => {
      const bytes = await raw(id);
      return bytes && compatibilityReport(id, await htmlPartsOf(bytes));
    },
  };
}
