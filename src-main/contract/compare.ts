// Message-comparison DTOs (issue 5): two stored messages side by side — headers, MIME structure and line
// diffs of the text and HTML bodies — for spotting template regressions. Shared by the engine
// (core/inspect/compare.ts) and the UI (features/compare).
// Owns: the shapes only. Must not: import anything, hold behaviour or use Node types (the renderer reads it).

/** One header name's values in A and B (all occurrences, unfolded, in order; [] when absent). */
export interface HeaderDiff {
  /** Lower-case header name. */
  name: string;
  status: 'onlyA' | 'onlyB' | 'changed' | 'same';
  a: string[];
  b: string[];
  /** Per-message noise (Message-ID, Date, X-SES-*, Received…): hidden unless `all` was asked for. */
  noise: boolean;
}

/** One MIME node compared by path (`TEXT`, 1, 1.2 …). */
export interface PartDiff {
  path: string;
  status: 'onlyA' | 'onlyB' | 'changed' | 'same';
  a: PartFacts | null;
  b: PartFacts | null;
  /** Which facts differ (contentType, size, sha256, filename, disposition, charset). */
  changes: string[];
}

export interface PartFacts {
  contentType: string;
  charset: string | null;
  disposition: string | null;
  filename: string | null;
  decodedSize: number;
  sha256: string | null;
}

/** A run of lines from jsdiff's diffLines: added (only in B), removed (only in A) or common. */
export interface LineChunk {
  op: 'add' | 'remove' | 'same';
  /** The lines (no trailing newline each). */
  lines: string[];
}

export interface BodyDiff {
  /** Null when the message has no such body. */
  aPresent: boolean;
  bPresent: boolean;
  identical: boolean;
  added: number;
  removed: number;
  chunks: LineChunk[];
}

export interface MessageComparison {
  a: string;
  b: string;
  /** Whether noise headers are included in `headers` (the `all` switch). */
  allHeaders: boolean;
  headers: HeaderDiff[];
  structure: PartDiff[];
  text: BodyDiff;
  html: BodyDiff;
}
