// Inbox pages: newest first, keyset-paged by seq, optionally filtered by free text.
// Owns: turning a query into SQL — words of 3+ characters go to the FTS5 trigram index (substring match,
// case-insensitive), shorter words fall back to LIKE on the summary columns (a scan) — and counting
// matches, with the count remembered until the next write so paging through results counts once.
// Must not: write anything.
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows';
import type { Db } from './database';
import type { PageRequest, PageResult } from './types';

type Statement = ReturnType<Db['prepare']>;

/** Trigram matching needs at least three characters (SQLite FTS5 trigram tokenizer). */
const TRIGRAM_MIN = 3;
const LIKE_COLUMNS = ['subject', 'from_addr', 'from_name', 'to_json', 'snippet'];
const COUNT_CACHE_SIZE = 32;

export interface ParsedQuery {
  /** FTS5 MATCH expression (quoted phrases joined by AND), or null. */
  fts: string | null;
  /** LIKE patterns, one per short word. */
  likes: string[];
}

export function parseQuery(q: string | undefined): ParsedQuery {
  const words = (q ?? '').trim().split(/\s+/).filter(Boolean);
  const long = words.filter((w) => Array.from(w).length >= TRIGRAM_MIN);
  const short = words.filter((w) => Array.from(w).length < TRIGRAM_MIN);
  return {
    fts: long.length ? long.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND ') : null,
    likes: short.map((w) => `%${w.replace(/[\\%_]/g, (c) => '\\' + c)}%`),
  };
}

export function createMessageSearch(db: Db) {
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  const counts = new Map<string, { version: number; total: number }>();

  const filters = (q: ParsedQuery): string[] => {
    const where: string[] = [];
    if (q.fts !== null) where.push('m.seq IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH @fts)');
    q.likes.forEach((_, i) => where.push(`(${LIKE_COLUMNS.map((c) => `m.${c} LIKE @like${i} ESCAPE '\\'`).join(' OR ')})`));
    return where;
  };

  const params = (q: ParsedQuery, extra: Record<string, number>) => {
    const p: Record<string, string | number> = { ...extra };
    if (q.fts !== null) p.fts = q.fts;
    q.likes.forEach((l, i) => (p[`like${i}`] = l));
    return p;
  };

  const rowsFor = (q: ParsedQuery, req: PageRequest): SummaryRow[] => {
    const extra: Record<string, number> = { limit: req.limit + 1 };
    if (req.before !== undefined) extra.before = req.before;
    if (q.fts !== null && q.likes.length === 0) {
      // FTS only: the index walks rowids newest-first and stops at the limit.
      const sql =
        `SELECT ${SUMMARY_COLUMNS} FROM messages m WHERE m.seq IN (` +
        `SELECT rowid FROM messages_fts WHERE messages_fts MATCH @fts${req.before !== undefined ? ' AND rowid < @before' : ''} ` +
        'ORDER BY rowid DESC LIMIT @limit) ORDER BY m.seq DESC';
      return prepared(sql).all(params(q, extra)) as SummaryRow[];
    }
    const where = filters(q);
    if (req.before !== undefined) where.unshift('m.seq < @before');
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM messages m${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY m.seq DESC LIMIT @limit`;
    return prepared(sql).all(params(q, extra)) as SummaryRow[];
  };

  const countFor = (q: ParsedQuery, version: number): number => {
    const key = `${q.fts ?? ''}\u0000${q.likes.join('\u0000')}`;
    const hit = counts.get(key);
    if (hit && hit.version === version) return hit.total;
    const sql =
      q.likes.length === 0 && q.fts !== null
        ? 'SELECT count(*) FROM messages_fts WHERE messages_fts MATCH @fts'
        : `SELECT count(*) FROM messages m WHERE ${filters(q).join(' AND ')}`;
    const total = prepared(sql).pluck().get(params(q, {})) as number;
    counts.delete(key);
    counts.set(key, { version, total });
    if (counts.size > COUNT_CACHE_SIZE) counts.delete(counts.keys().next().value!);
    return total;
  };

  return {
    /** `version` changes on every write, invalidating remembered counts. */
    page(req: PageRequest, totalAll: number, version: number): PageResult {
      const q = parseQuery(req.search);
      const filtered = q.fts !== null || q.likes.length > 0;
      const total = filtered ? countFor(q, version) : totalAll;
      if (total === 0) return { rows: [], total, hasMore: false };
      const rows = rowsFor(q, req);
      const hasMore = rows.length > req.limit;
      if (hasMore) rows.length = req.limit;
      return { rows: rows.map(toSummary), total, hasMore };
    },
  };
}
