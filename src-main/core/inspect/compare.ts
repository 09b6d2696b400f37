// Comparing two stored messages (issue 5, "compare two messages … for template regressions"): headers by
// name, the MIME structure by part path (type, size, SHA-256 from mime-tree.ts), and line diffs of the first
// text/plain and text/html bodies (jsdiff's diffLines).
// Owns: engine.inspect.compare and the noise-header rule (per-message headers hidden unless `all`).
// Must not: parse MIME by hand (mailsplit via walkMime/mimeTree does), read the store (callers pass raw bytes)
// or hold UI wording.
import { diffLines } from 'diff';
import type { BodyDiff, HeaderDiff, LineChunk, MessageComparison, PartDiff, PartFacts } from '../../contract/compare';
import type { MimePartInfo } from '../../contract/mime-tree';
import { inlineLeaves, partText, treeOf, walkMime, type WalkedPart } from './mime-tree';

/** Headers that differ on every send of the same template: hidden by default. */
const NOISE_EXACT = new Set(['message-id', 'date', 'received', 'return-path', 'dkim-signature', 'feedback-id', 'x-ses-outgoing', 'authentication-results', 'arc-seal', 'arc-message-signature', 'arc-authentication-results', 'received-spf']);
const NOISE_PREFIX = ['x-ses-', 'x-sesame-'];

export function isNoiseHeader(name: string): boolean {
  const n = name.toLowerCase();
  return NOISE_EXACT.has(n) || NOISE_PREFIX.some((p) => n.startsWith(p));
}

export type CompareInspect = { compare(a: string, b: string, opts?: { all?: boolean }): Promise<MessageComparison | undefined> };

export function createCompareInspect(raw: (messageId: string) => Promise<Buffer | undefined>): CompareInspect {
  return {
    compare: async (a, b, opts) => {
      const [ra, rb] = await Promise.all([raw(a), raw(b)]);
      if (!ra || !rb) return undefined;
      return compareMessages(a, ra, b, rb, opts?.all ?? false);
    },
  };
}

export async function compareMessages(a: string, rawA: Buffer, b: string, rawB: Buffer, all: boolean): Promise<MessageComparison> {
  const [wa, wb] = await Promise.all([walkMime(rawA), walkMime(rawB)]);
  const [ta, tb] = [treeOf(a, wa), treeOf(b, wb)];
  return {
    a,
    b,
    allHeaders: all,
    headers: diffHeaders(headersOf(wa[0]), headersOf(wb[0]), all),
    structure: diffStructure(flatten(ta.root), flatten(tb.root)),
    text: diffBodies(bodyOf(wa, 'text/plain'), bodyOf(wb, 'text/plain')),
    html: diffBodies(bodyOf(wa, 'text/html'), bodyOf(wb, 'text/html')),
  };
}

/** Top-level headers by lower-case name, values unfolded, in order. */
function headersOf(root: WalkedPart | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const headers = root?.node.headers;
  for (const { key, line } of headers ? headers.getList() : []) {
    const colon = line.indexOf(':');
    const value = (colon < 0 ? '' : line.slice(colon + 1)).replace(/\r?\n(?=[ \t])/g, '').trim();
    const name = key.toLowerCase();
    out.set(name, [...(out.get(name) ?? []), value]);
  }
  return out;
}

/** Values as compared: a MIME boundary is generated per message, so it never counts as a change. */
function comparable(values: string[]): string {
  return values.map((v) => v.replace(/(;\s*boundary=)("[^"]*"|[^;\s]*)/gi, '$1*')).join('\n');
}

export function diffHeaders(a: Map<string, string[]>, b: Map<string, string[]>, all: boolean): HeaderDiff[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  const out: HeaderDiff[] = [];
  for (const name of names) {
    const noise = isNoiseHeader(name);
    if (noise && !all) continue;
    const va = a.get(name) ?? [];
    const vb = b.get(name) ?? [];
    const status = va.length === 0 ? 'onlyB' : vb.length === 0 ? 'onlyA' : comparable(va) === comparable(vb) ? 'same' : 'changed';
    out.push({ name, status, a: va, b: vb, noise });
  }
  return out;
}

function flatten(node: MimePartInfo, out: MimePartInfo[] = []): MimePartInfo[] {
  out.push(node);
  for (const child of node.children) flatten(child, out);
  return out;
}

function facts(p: MimePartInfo): PartFacts {
  return { contentType: p.contentType, charset: p.charset, disposition: p.disposition, filename: p.filename, decodedSize: p.decodedSize, sha256: p.sha256 };
}

const FACT_KEYS: (keyof PartFacts)[] = ['contentType', 'charset', 'disposition', 'filename', 'decodedSize', 'sha256'];

export function diffStructure(a: MimePartInfo[], b: MimePartInfo[]): PartDiff[] {
  const byB = new Map(b.map((p) => [p.path, p]));
  const seen = new Set<string>();
  const out: PartDiff[] = [];
  for (const pa of a) {
    seen.add(pa.path);
    const pb = byB.get(pa.path);
    if (!pb) {
      out.push({ path: pa.path, status: 'onlyA', a: facts(pa), b: null, changes: [] });
      continue;
    }
    const fa = facts(pa);
    const fb = facts(pb);
    const changes = FACT_KEYS.filter((k) => fa[k] !== fb[k]).map((k) => (k === 'decodedSize' ? 'size' : k));
    out.push({ path: pa.path, status: changes.length ? 'changed' : 'same', a: fa, b: fb, changes });
  }
  for (const pb of b) if (!seen.has(pb.path)) out.push({ path: pb.path, status: 'onlyB', a: null, b: facts(pb), changes: [] });
  return out;
}

/** The first inline (not attachment) leaf of `type`, decoded by its charset; null when there is none. */
function bodyOf(parts: WalkedPart[], type: string): string | null {
  const part = inlineLeaves(parts, type)[0];
  return part ? partText(part) : null;
}

function splitLines(value: string): string[] {
  const lines = value.split(/\r?\n/);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** LF line ends and a final newline (a MIME body's last CRLF belongs to the boundary, so it says nothing). */
function normalize(value: string | null): string {
  const v = (value ?? '').replace(/\r\n/g, '\n');
  return v && !v.endsWith('\n') ? `${v}\n` : v;
}

export function diffBodies(a: string | null, b: string | null): BodyDiff {
  const ta = normalize(a);
  const tb = normalize(b);
  const chunks: LineChunk[] = diffLines(ta, tb).map((c) => ({ op: c.added ? 'add' : c.removed ? 'remove' : 'same', lines: splitLines(c.value) }));
  const count = (op: LineChunk['op']) => chunks.filter((c) => c.op === op).reduce((n, c) => n + c.lines.length, 0);
  return { aPresent: a !== null, bPresent: b !== null, identical: ta === tb, added: count('add'), removed: count('remove'), chunks };
}
