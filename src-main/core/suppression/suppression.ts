// The account-level suppression list (ses-facts §A.12) and Sesame's model of SES's global list.
// Owns: address keys (lookups ignore case; the address is kept as last listed), which reasons suppress a
// send (`check`, `lookup`), listing by feedback (never a mailbox simulator address), newest-first paging
// with tokens bound to their query, CSV import/export. The global list lives in the store's settings.
// Must not: decide outcomes or write events (core/outcomes does), or know any wire format.
import type { Clock } from '../clock';
import { suppressionErrors } from '../errors';
import { SUPPRESSION_IMPORT_MAX_RECORDS, SUPPRESSION_LIST_PAGE_SIZE } from '../limits';
import { isSimulatorAddress } from '../sending/authorize';
import type { Db } from '../store/database';
import { createSuppressionStore, type SuppressionCursor, type SuppressionStore } from '../store/suppression-store';
import type { SettingsStore } from '../store/types';
import type {
  CsvImportResult,
  GlobalSuppressionList,
  SuppressedDestination,
  SuppressionListQuery,
  SuppressionReason,
  SuppressionService,
} from './api';
import { formatCsv, parseCsv } from './csv';

export const SUPPRESSION_REASONS: readonly SuppressionReason[] = ['BOUNCE', 'COMPLAINT'];
export const isSuppressionReason = (v: unknown): v is SuppressionReason => v === 'BOUNCE' || v === 'COMPLAINT';

const GLOBAL_KEY = 'suppression.global';

/** The lookup key: the address trimmed and lower-cased. */
export const suppressionKey = (address: string): string => address.trim().toLowerCase();

/** `local@domain` with no whitespace or control characters: what Sesame accepts on the list. */
export function isListableAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  // eslint-disable-next-line no-control-regex
  return at > 0 && at < address.length - 1 && !/[\s\x00-\x1f\x7f<>]/.test(address);
}

const strip = ({ key: _key, ...d }: SuppressedDestination & { key?: string }): SuppressedDestination => d;

interface TokenBody {
  /** The query the token belongs to (reasons, dates). */
  q: string;
  t: number;
  k: string;
}

const encodeToken = (body: TokenBody) => Buffer.from(JSON.stringify(body)).toString('base64url');

function decodeToken(token: string, scope: string): SuppressionCursor {
  let body: Partial<TokenBody> | null;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<TokenBody>;
  } catch {
    body = null;
  }
  if (!body || body.q !== scope || typeof body.t !== 'number' || typeof body.k !== 'string') {
    throw suppressionErrors.invalidNextToken();
  }
  return { time: body.t, key: body.k };
}

export function createSuppression(db: Db, settings: SettingsStore, clock: Clock): SuppressionService {
  const store: SuppressionStore = createSuppressionStore(db);
  let global = new Set(settings.get<string[]>(GLOBAL_KEY) ?? []);
  const saveGlobal = () => settings.put(GLOBAL_KEY, [...global].sort());

  const get = (address: string) => {
    const row = store.get(suppressionKey(address));
    return row && strip(row);
  };
  const write = (address: string, reason: SuppressionReason, source: { messageId: string; feedbackId: string } | null) => {
    const d: SuppressedDestination = {
      emailAddress: address.trim(),
      reason,
      lastUpdateTime: clock.now(),
      messageId: source?.messageId ?? null,
      feedbackId: source?.feedbackId ?? null,
    };
    store.upsert(suppressionKey(address), d);
    return d;
  };
  const check = (address: string, effective: readonly SuppressionReason[]) => {
    if (effective.length === 0) return undefined;
    const d = get(address);
    return d && effective.includes(d.reason) ? d : undefined;
  };

  const globalList: GlobalSuppressionList = {
    add(address) {
      const key = suppressionKey(address);
      if (!isListableAddress(key)) throw suppressionErrors.invalidAddress(address);
      if (global.has(key)) return false;
      global.add(key);
      saveGlobal();
      return true;
    },
    remove(address) {
      if (!global.delete(suppressionKey(address))) return false;
      saveGlobal();
      return true;
    },
    list: () => [...global].sort(),
    has: (address) => global.has(suppressionKey(address)),
  };

  const list = (query: SuppressionListQuery = {}) => {
    const reasons = [...new Set(query.reasons ?? [])].sort();
    const start = query.startDate ?? Number.MIN_SAFE_INTEGER;
    const end = query.endDate ?? Number.MAX_SAFE_INTEGER;
    const scope = `${reasons.join('|')};${start};${end}`;
    const after = query.nextToken ? decodeToken(query.nextToken, scope) : null;
    const size = Math.min(Math.max(Math.trunc(query.pageSize ?? SUPPRESSION_LIST_PAGE_SIZE), 1), SUPPRESSION_LIST_PAGE_SIZE);
    const rows = store.page({ reasons, start, end, after, limit: size + 1 });
    const items = rows.slice(0, size);
    const last = items[items.length - 1];
    return {
      items: items.map(strip),
      nextToken: rows.length > size && last ? encodeToken({ q: scope, t: last.lastUpdateTime, k: last.key }) : null,
    };
  };

  return {
    put(emailAddress, reason) {
      if (!isListableAddress(emailAddress.trim())) throw suppressionErrors.invalidAddress(emailAddress);
      return write(emailAddress, reason, null);
    },
    get,
    delete: (address) => store.delete(suppressionKey(address)),
    list,
    check,
    lookup(address, effective) {
      const entry = check(address, effective);
      if (entry) return { list: 'account', entry };
      if (effective.length === 0 && globalList.has(address)) return { list: 'global', address: suppressionKey(address) };
      return undefined;
    },
    recordFeedback(address, reason, source, effective) {
      if (!effective.includes(reason) || isSimulatorAddress(address) || !isListableAddress(address.trim())) return false;
      write(address, reason, source);
      return true;
    },
    globalList,
    exportCsv() {
      const rows: string[][] = [['EmailAddress', 'Reason']];
      let token: string | undefined;
      do {
        const page = list({ nextToken: token });
        for (const d of page.items) rows.push([d.emailAddress, d.reason]);
        token = page.nextToken ?? undefined;
      } while (token);
      return formatCsv(rows);
    },
    importCsv(text) {
      const records = parseCsv(text);
      if (records.length > SUPPRESSION_IMPORT_MAX_RECORDS + 1) {
        throw suppressionErrors.tooManyImportRecords(records.length, SUPPRESSION_IMPORT_MAX_RECORDS);
      }
      const result: CsvImportResult = { added: 0, updated: 0, errors: [] };
      store.transaction(() => {
        records.forEach((r, i) => {
          const [address = '', rawReason = '', ...extra] = r.fields.map((f) => f.trim());
          if (i === 0 && address.toLowerCase() === 'emailaddress') return;
          const reason = rawReason.toUpperCase();
          let problem: string | null = null;
          if (extra.some((f) => f !== '')) problem = suppressionErrors.csvColumns(r.fields.length);
          else if (!isListableAddress(address)) problem = suppressionErrors.invalidAddress(address).message;
          else if (!isSuppressionReason(reason)) problem = suppressionErrors.csvReason(rawReason);
          if (problem) return void result.errors.push({ line: r.line, message: problem });
          if (get(address)) result.updated++;
          else result.added++;
          write(address, reason as SuppressionReason, null);
        });
      });
      return result;
    },
    reset() {
      store.clear();
      settings.delete(GLOBAL_KEY);
      global = new Set();
    },
  };
}
