// Durations for time travel and quotas: reading what a user types ("90m", "1h30m", "2d", "45s", a bare
// number of minutes) and writing an offset back ("1 h 30 min").
// Owns: these two conversions. Must not: know about stores or the API.

const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 };

/** `"1h30m"` → 5_400_000; a bare number means minutes; null when unreadable or not positive. */
export function parseDuration(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  if (t === '') return null;
  if (/^\d+(\.\d+)?$/.test(t)) {
    const ms = Math.round(Number(t) * UNIT_MS.m);
    return ms > 0 ? ms : null;
  }
  const parts = [...t.matchAll(/(\d+(?:\.\d+)?)(d|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== t) return null;
  const ms = Math.round(parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2]], 0));
  return ms > 0 ? ms : null;
}

/** 0 → "0 s"; 5_400_000 → "1 h 30 min"; 90_061_000 → "1 d 1 h 1 min" (seconds only under an hour). */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0 s';
  let rest = Math.round(ms / 1000);
  const d = Math.floor(rest / 86_400);
  rest -= d * 86_400;
  const h = Math.floor(rest / 3_600);
  rest -= h * 3_600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  const out: string[] = [];
  if (d) out.push(`${d} d`);
  if (h) out.push(`${h} h`);
  if (m) out.push(`${m} min`);
  if (s && !d && !h) out.push(`${s} s`);
  return out.join(' ') || '0 s';
}

/** A quota number for display: -1 is "unlimited", others grouped (50,000). */
export function formatLimit(n: number): string {
  return n < 0 ? 'unlimited' : n.toLocaleString('en');
}
