// caniemail's support data (issue 5), read from the maintained `caniemail` npm package's
// data/caniemail.json — not a hand-copied table. The file is ~650 KB, so it is read and indexed once,
// lazily, on the first compatibility request, and kept for the process.
// Owns: loading and indexing the data (features by slug, the known client/platform pairs, nice names,
// the newest tested version per pair). Must not: detect features or score (compat-detect.ts / compat.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CompatSupport } from '../../contract/compatibility';

interface RawFeature {
  slug: string;
  title: string;
  category: string;
  url: string;
  stats: Record<string, Record<string, Record<string, string>>>;
  notes: string | null;
  notes_by_num: Record<string, string> | null;
}

interface RawData {
  last_update_date: string;
  nicenames: { family: Record<string, string>; platform: Record<string, string> };
  data: RawFeature[];
}

/** One feature's newest-version support on a pair. */
export interface PairSupport {
  version: string;
  support: CompatSupport;
  notes: string[];
}

export interface CompatFeatureData {
  slug: string;
  title: string;
  category: 'html' | 'css' | 'image' | 'others';
  url: string;
  /** Keyed by `family/platform`. */
  support: Map<string, PairSupport>;
}

export interface CompatData {
  features: Map<string, CompatFeatureData>;
  /** Every `family/platform` pair any feature has data for, in the package's order. */
  pairs: { key: string; family: string; platform: string }[];
  familyName(family: string): string;
  platformName(platform: string): string;
  dataDate: string;
  source: string;
}

let cached: CompatData | undefined;

/** The indexed data, loaded on first use. */
export function compatData(): CompatData {
  cached ??= load();
  return cached;
}

function load(): CompatData {
  const require = createRequire(import.meta.url);
  const raw = JSON.parse(readFileSync(require.resolve('caniemail/caniemail.json'), 'utf8')) as RawData;
  const pkg = JSON.parse(readFileSync(require.resolve('caniemail/package.json'), 'utf8')) as { version: string };
  const features = new Map<string, CompatFeatureData>();
  const pairs = new Map<string, { key: string; family: string; platform: string }>();
  for (const f of raw.data) {
    const support = new Map<string, PairSupport>();
    for (const [family, platforms] of Object.entries(f.stats ?? {})) {
      for (const [platform, versions] of Object.entries(platforms)) {
        const entries = Object.entries(versions);
        if (entries.length === 0) continue;
        const [version, value] = entries[entries.length - 1];
        const key = `${family}/${platform}`;
        if (!pairs.has(key)) pairs.set(key, { key, family, platform });
        support.set(key, parseSupport(version, value, f));
      }
    }
    const category = (['html', 'css', 'image'] as const).find((c) => c === f.category) ?? 'others';
    features.set(f.slug, { slug: f.slug, title: f.title, category, url: f.url, support });
  }
  return {
    features,
    pairs: [...pairs.values()],
    familyName: (family) => raw.nicenames.family[family] ?? family,
    platformName: (platform) => raw.nicenames.platform[platform] ?? platform,
    dataDate: raw.last_update_date,
    source: `caniemail ${pkg.version} (caniemail.com)`,
  };
}

/** `"a #1 #3"` → support a with notes 1 and 3 (plus the feature's general note for partial support). */
export function parseSupport(version: string, value: string, f: Pick<RawFeature, 'notes' | 'notes_by_num'>): PairSupport {
  const code = value.trim().charAt(0);
  const support: CompatSupport = code === 'y' || code === 'a' || code === 'n' ? code : 'u';
  const notes: string[] = [];
  for (const m of value.matchAll(/#(\d+)/g)) {
    const note = f.notes_by_num?.[m[1]];
    if (note) notes.push(note);
  }
  if (support === 'a' && f.notes) notes.push(f.notes);
  return { version, support, notes };
}
