// UI API: the account-level suppression list (ses-facts §A.12) for the Suppression screen.
//   GET    /api/suppression?q&reason&limit&cursor → SuppressionPageDto (newest first; q = substring of the address)
//   POST   /api/suppression {emailAddress, reason} → SuppressionEntryDto (PutSuppressedDestination)
//   DELETE /api/suppression/:address              → 204 (404 when not listed)
//   GET    /api/suppression/export                → text/csv `EmailAddress,Reason` (download)
//   POST   /api/suppression/import  (text/csv)    → SuppressionImportDto
// Owns: the screen's search and paging over the engine's list (a local list is small: the whole list is
// read and filtered here, newest first), CSV transport. Must not: decide who is suppressed or parse CSV rows
// (core/suppression does).
import type { SuppressionEntryDto, SuppressionImportDto, SuppressionPageDto, SuppressionReasonName } from '../../contract/ui-api';
import type { Engine, SuppressedDestination } from '../../core/engine-api';
import { SUPPRESSION_LIST_PAGE_SIZE } from '../../core/limits';
import { badRequest, contentDisposition, methodNotAllowed, notFound, segment, send, sendJson } from './respond';
import type { SesCall, SesRouteTable } from './ses-routes';
import { iso, oneOf, onlyKnown, readObject, readText, str } from './ses-routes-io';

const REASONS = ['BOUNCE', 'COMPLAINT'] as const;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;
const MAX_CSV_BYTES = 5 * 1024 * 1024;
const MAX_ADDRESS_CHARS = 320;
/** Engine pages read per request, at most (a runaway guard: a million entries). */
const MAX_ENGINE_PAGES = 1000;

export function entryDto(e: SuppressedDestination): SuppressionEntryDto {
  return {
    emailAddress: e.emailAddress,
    reason: e.reason,
    lastUpdateTime: iso(e.lastUpdateTime) ?? new Date(0).toISOString(),
    messageId: e.messageId ?? null,
    feedbackId: e.feedbackId ?? null,
  };
}

/** Every listed destination with one of `reasons` (all when empty), newest first. */
function allEntries(engine: Engine, reasons: SuppressionReasonName[]): SuppressedDestination[] {
  const out: SuppressedDestination[] = [];
  let nextToken: string | undefined;
  for (let i = 0; i < MAX_ENGINE_PAGES; i++) {
    const page = engine.suppression.list({ reasons, pageSize: SUPPRESSION_LIST_PAGE_SIZE, ...(nextToken ? { nextToken } : {}) });
    out.push(...page.items);
    nextToken = page.nextToken ?? undefined;
    if (!nextToken) break;
  }
  return out;
}

function listPage(engine: Engine, query: URLSearchParams): SuppressionPageDto {
  const q = (query.get('q') ?? '').trim().toLowerCase();
  if (q.length > MAX_ADDRESS_CHARS) throw badRequest('q is too long.');
  const reasons = query.getAll('reason').map((r) => oneOf({ reason: r }, 'reason', REASONS, true));
  const limitText = query.get('limit');
  const limit = limitText === null ? DEFAULT_LIMIT : /^\d{1,4}$/.test(limitText) ? Number(limitText) : NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) throw badRequest(`limit must be an integer from 1 to ${MAX_LIMIT}.`);
  const cursorText = query.get('cursor');
  const start = cursorText === null ? 0 : /^\d{1,9}$/.test(cursorText) ? Number(cursorText) : NaN;
  if (!Number.isFinite(start)) throw badRequest('cursor is not a cursor returned by this API.');
  const matching = allEntries(engine, reasons).filter((e) => q === '' || e.emailAddress.toLowerCase().includes(q));
  const items = matching.slice(start, start + limit).map(entryDto);
  return { items, nextCursor: start + limit < matching.length ? String(start + limit) : null };
}

async function suppression({ ctx, req, res, method, seg, query }: SesCall): Promise<void> {
  const { engine } = ctx;
  if (seg.length === 1) {
    if (method === 'GET' || method === 'HEAD') return sendJson(res, 200, listPage(engine, query), method);
    if (method !== 'POST') throw methodNotAllowed(method, 'GET, POST');
    const body = await readObject(req);
    onlyKnown(body, ['emailAddress', 'reason']);
    const address = str(body, 'emailAddress', true).trim();
    if (address.length > MAX_ADDRESS_CHARS) throw badRequest('emailAddress is too long.');
    const reason: SuppressionReasonName = oneOf(body, 'reason', REASONS, true);
    return sendJson(res, 200, entryDto(engine.suppression.put(address, reason)));
  }
  if (seg.length === 2 && seg[1] === 'export') {
    if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed(method, 'GET');
    const csv = engine.suppression.exportCsv();
    const headers = { 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store', 'content-disposition': contentDisposition('attachment', 'suppression-list.csv') };
    return send(res, 200, headers, csv, method);
  }
  if (seg.length === 2 && seg[1] === 'import') {
    if (method !== 'POST') throw methodNotAllowed(method, 'POST');
    const text = await readText(req, MAX_CSV_BYTES);
    const r = engine.suppression.importCsv(text);
    const out: SuppressionImportDto = { added: r.added, updated: r.updated, errors: r.errors.map((e) => `Line ${e.line}: ${e.message}`) };
    return sendJson(res, 200, out);
  }
  if (seg.length === 2) {
    if (method !== 'DELETE') throw methodNotAllowed(method, 'DELETE');
    const address = segment(seg[1], 'address');
    if (!engine.suppression.delete(address)) throw notFound(`${address} is not on the suppression list.`);
    return send(res, 204, {});
  }
  throw notFound(`No API route /api/${seg.join('/')}.`);
}

export const suppressionRoutes: SesRouteTable = { suppression };
