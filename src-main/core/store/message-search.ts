// Inbox pages: newest first, keyset-paged by seq, optionally filtered by free text.
// Owns: turning a query into SQL — words of 3+ characters go to the FTS5 trigram index (substring match,
// case-insensitive), shorter words fall back to LIKE on subject, snippet and `search_addresses` (the same
// names and addresses the index holds; never the JSON of to_json) — and counting matches up to
// SEARCH_COUNT_CAP, with the count remembered until the next write so paging through results counts once.
// When any word can use the index, rows are read by walking the index newest-first (rowid DESC) and
// joining the row, so a page stops after `limit` matches instead of materialising every match first.
// Must not: write anything.
import { SEARCH_COUNT_CAP } from '../limits';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows';
import type { Db } from './database';
import type { PageRequest, PageResult } from './types';

type Statement = ReturnType<Db['prepare']>;

/** Trigram matching needs at least three characters (SQLite FTS5 trigram tokenizer). */
const TRIGRAM_MIN = 3;
const LIKE_COLUMNS = ['subject', 'search_addresses', 'snippet'];
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
  const counts = new Map<string, { version: number; result: { total: number; capped: boolean } }>();

  const params = (q: ParsedQuery, extra: Record<string, number>) => {
    const p: Record<string, string | number> = { ...extra };
    if (q.fts !== null) p.fts = q.fts;
    q.likes.forEach((l, i) => (p[`like${i}`] = l));
    return p;
  };

  const likeFilters = (q: ParsedQuery): string[] =>
    q.likes.map((_, i) => `(${LIKE_COLUMNS.map((c) => `m.${c} LIKE @like${i} ESCAPE '\\'`).join(' OR ')})`);

  /** The FROM/WHERE of a query: index-driven when there is an FTS term, a newest-first scan otherwise. */
  const source = (q: ParsedQuery, before: boolean): { from: string; where: string[]; order: string } => {
    if (q.fts !== null) {
      const where = ['messages_fts MATCH @fts', ...likeFilters(q)];
      if (before) where.push('f.rowid < @before');
      return { from: 'messages_fts f JOIN messages m ON m.seq = f.rowid', where, order: 'f.rowid DESC' };
    }
    const where = likeFilters(q);
    if (before) where.unshift('m.seq < @before');
    return { from: 'messages m', where, order: 'm.seq DESC' };
  };

  const rowsFor = (q: ParsedQuery, req: PageRequest): SummaryRow[] => {
    const extra: Record<string, number> = { limit: req.limit + 1 };
    if (req.before !== undefined) extra.before = req.before;
    const { from, where, order } = source(q, req.before !== undefined);
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM ${from}${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY ${order} LIMIT @limit`;
    return prepared(sql).all(params(q, extra)) as SummaryRow[];
  };

  const countFor = (q: ParsedQuery, version: number): { total: number; capped: boolean } => {
    const key = `${q.fts ?? ''}\u0000${q.likes.join('\u0000')}`;
    const hit = counts.get(key);
    if (hit && hit.version === version) return hit.result;
    const { from, where } = source(q, false);
    const sql = `SELECT count(*) FROM (SELECT 1 FROM ${from} WHERE ${where.join(' AND ')} LIMIT ${SEARCH_COUNT_CAP + 1})`;
    const n = prepared(sql).pluck().get(params(q, {})) as number;
    const result = { total: Math.min(n, SEARCH_COUNT_CAP), capped: n > SEARCH_COUNT_CAP };
    counts.delete(key);
    counts.set(key, { version, result });
    if (counts.size > COUNT_CACHE_SIZE) counts.delete(counts.keys().next().value!);
    return result;
  };

  return {
    /** `version` changes on every write, invalidating remembered counts. */
    page(req: PageRequest, totalAll: number, version: number): PageResult {
      const q = parseQuery(req.search);
      const filtered = q.fts !== null || q.likes.length > 0;
      const { total, capped } = filtered ? countFor(q, version) : { total: totalAll, capped: false };
      if (total === 0) return { rows: [], total, totalCapped: false, hasMore: false };
      const rows = rowsFor(q, req);
      const hasMore = rows.length > req.limit;
      if (hasMore) rows.length = req.limit;
      return { rows: rows.map(toSummary), total, totalCapped: capped, hasMore };
    },
  };
}
