// SendBulkEmail (v2) and SendBulkTemplatedEmail (v1): one templated send per destination entry, each through
// the one sending pipeline, with the results in request order (ses-facts §A.11). An entry SES refuses does
// not fail the call: it gets a status (`MESSAGE_REJECTED` with SES's text, ses-facts §A.3) and the call
// answers 200. Per entry: ReplacementTemplateData is deep-merged over the default data (objects merge, other
// values replace; an empty `{}` uses the defaults), ReplacementTags override default tags of the same name and
// add the others, ReplacementHeaders override template headers of the same name and add the others [model].
// A template that does not exist fails the whole call (the model lists TemplateDoesNotExist /
// NotFoundException for these operations); everything else is decided per entry.
// Owns: that fan-out, the merge rules, and the mapping of an SesError kind onto SES's v2 bulk status.
// Must not: speak a wire format (handlers map v2 statuses to v1's CamelCase) or decide what a send decides.
import type { MessageTag, SendRequest, SendResult, TemplateSendContent } from '../engine-api';
import { isSesError, type SesErrorKind } from '../errors';

/** The v2 `BulkEmailStatus` values (model). */
export type BulkStatus =
  | 'SUCCESS'
  | 'MESSAGE_REJECTED'
  | 'MAIL_FROM_DOMAIN_NOT_VERIFIED'
  | 'CONFIGURATION_SET_NOT_FOUND'
  | 'TEMPLATE_NOT_FOUND'
  | 'ACCOUNT_SUSPENDED'
  | 'ACCOUNT_THROTTLED'
  | 'ACCOUNT_DAILY_QUOTA_EXCEEDED'
  | 'INVALID_SENDING_POOL_NAME'
  | 'ACCOUNT_SENDING_PAUSED'
  | 'CONFIGURATION_SET_SENDING_PAUSED'
  | 'INVALID_PARAMETER'
  | 'TRANSIENT_FAILURE'
  | 'FAILED';

export interface BulkEntry {
  destination: NonNullable<SendRequest['destination']>;
  replacementTags?: MessageTag[];
  /** ReplacementTemplateData (a JSON text); absent or `{}` uses the defaults. */
  replacementData?: string;
  replacementHeaders?: { name: string; value: string }[];
}

export interface BulkSendRequest {
  /** Everything shared: caller, sender, reply-to, return path, configuration set, limit, default tags, and the template with its default data. */
  base: Omit<SendRequest, 'destination' | 'content'> & { content: TemplateSendContent };
  entries: BulkEntry[];
}

export interface BulkEntryResult {
  status: BulkStatus;
  /** SES's text for a refused entry. */
  error?: string;
  messageId?: string;
}

const STATUS_BY_KIND: Partial<Record<SesErrorKind, BulkStatus>> = {
  MessageRejected: 'MESSAGE_REJECTED',
  MailFromDomainNotVerified: 'MAIL_FROM_DOMAIN_NOT_VERIFIED',
  ConfigurationSetDoesNotExist: 'CONFIGURATION_SET_NOT_FOUND',
  TemplateDoesNotExist: 'TEMPLATE_NOT_FOUND',
  AccountShutdown: 'ACCOUNT_SUSPENDED',
  SendingRateExceeded: 'ACCOUNT_THROTTLED',
  DailyQuotaExceeded: 'ACCOUNT_DAILY_QUOTA_EXCEEDED',
  AccountSendingPaused: 'ACCOUNT_SENDING_PAUSED',
  ConfigurationSetSendingPaused: 'CONFIGURATION_SET_SENDING_PAUSED',
  InvalidParameterValue: 'INVALID_PARAMETER',
  ValidationError: 'INVALID_PARAMETER',
  MessageTooLarge: 'INVALID_PARAMETER',
  InvalidTemplate: 'INVALID_PARAMETER',
  InvalidRenderingParameter: 'INVALID_PARAMETER',
  InternalFailure: 'TRANSIENT_FAILURE',
};

export const bulkStatusOf = (kind: SesErrorKind): BulkStatus => STATUS_BY_KIND[kind] ?? 'FAILED';

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? deepMerge(out[k], v) : v;
  return out;
}

/**
 * The entry's TemplateData: the defaults with the replacement merged over them. Text that is not JSON is
 * passed through as is, so the send reports it as a rendering failure like any other bad data.
 */
export function mergeTemplateData(defaults: string, replacement: string | undefined): string {
  if (replacement === undefined || replacement.trim() === '') return defaults;
  try {
    const over = JSON.parse(replacement) as unknown;
    if (isPlainObject(over) && Object.keys(over).length === 0) return defaults;
    return JSON.stringify(deepMerge(JSON.parse(defaults) as unknown, over));
  } catch {
    return replacement;
  }
}

function mergeByName<T extends { name: string }>(base: T[] | undefined, over: T[] | undefined, key = (n: string) => n): T[] | undefined {
  if (!over?.length) return base;
  const replaced = new Set(over.map((o) => key(o.name)));
  return [...(base ?? []).filter((b) => !replaced.has(key(b.name))), ...over];
}

export function createBulkSender(send: (req: SendRequest) => Promise<SendResult>, templateExists: (content: TemplateSendContent) => void) {
  return async function sendBulk(req: BulkSendRequest): Promise<BulkEntryResult[]> {
    templateExists(req.base.content);
    const results: BulkEntryResult[] = [];
    for (const entry of req.entries) {
      const content: TemplateSendContent = {
        ...req.base.content,
        data: mergeTemplateData(req.base.content.data, entry.replacementData),
      };
      const headers = mergeByName(req.base.content.headers, entry.replacementHeaders, (n) => n.toLowerCase());
      if (headers) content.headers = headers;
      const tags = mergeByName(req.base.tags, entry.replacementTags);
      try {
        const { messageId } = await send({ ...req.base, ...(tags ? { tags } : {}), destination: entry.destination, content });
        results.push({ status: 'SUCCESS', messageId });
      } catch (err) {
        if (!isSesError(err)) throw err;
        results.push({ status: bulkStatusOf(err.kind), error: err.message });
      }
    }
    return results;
  };
}
