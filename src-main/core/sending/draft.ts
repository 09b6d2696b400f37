// A send request turned into the message SES would deliver: the final MIME bytes, the recipients, and the
// header facts events and the inbox need. Raw content is taken as is (X-SES-* control headers honoured and
// removed); Simple content is composed. Both then get the headers SES adds (ses-headers.ts).
// Owns: where each fact the checks read comes from (checks.ts checkSend owns their order) and the header-only
// reading of the mail — no full MIME parse happens here; the body is touched only for the part tree (snippet,
// attachment flag, file names), and raw mail is read only once checkSend has found its size acceptable.
// Must not: persist, emit, or build event JSON.
import type { HeaderLine } from '../../contract/messages';
import type { SendRequest } from '../engine-api';
import { fileNames, hasAttachments, parseParts, snippetOf } from '../mime/body-facts';
import { editHeaders, findField, readHeaderBlock, type HeaderBlock } from '../mime/header-block';
import { mailboxTexts, readCommonHeaders, type CommonHeaderValues } from '../mime/addresses';
import { composeSimple } from './compose';
import { readControlValues, resolveControl, takeControlHeaders, type ControlValues } from './control-headers';
import { addedHeaders, SIMPLE_EVENT_HEADER_EXCLUDES, STRIPPED_HEADERS } from './ses-headers';
import { checkSend, mailboxesOf } from './checks';

export interface Draft {
  kind: 'simple' | 'raw';
  /** The stored copy, as the recipient sees it. */
  mime: Buffer;
  /** The sender as given (or the From header's address for raw mail without one). */
  source: string;
  recipients: string[];
  /** The caller's headers (after X-SES-* removal, before SES's additions): the events' `headers`. */
  eventHeaders: HeaderLine[];
  /** Lower-cased names present in `eventHeaders`. */
  eventHeaderKeys: Set<string>;
  common: CommonHeaderValues;
  control: ControlValues;
  snippet: string;
  hasAttachments: boolean;
}

export interface DraftContext {
  region: string;
  accountId: string;
  messageId: string;
  acceptedAt: number;
}

/** The API's Destination as mailbox texts (checked, not filtered: checks.ts), or null when it names nobody. */
function destinationOf(req: SendRequest): string[] | null {
  const d = req.destination;
  if (!d || (!d.to?.length && !d.cc?.length && !d.bcc?.length)) return null;
  return [...mailboxesOf(d.to), ...mailboxesOf(d.cc), ...mailboxesOf(d.bcc)];
}

/** Raw mail without a Destination goes to its To, Cc and Bcc headers (first occurrence of each). */
const headerRecipients = (block: HeaderBlock): string[] =>
  ['to', 'cc', 'bcc'].flatMap((key) => mailboxTexts(findField(block.fields, key)?.value ?? ''));

/** Addresses the caller gave besides sender and recipients: Reply-To and the return path. */
const otherAddresses = (req: SendRequest): string[] => [...(req.replyTo ?? []), ...(req.returnPath ? [req.returnPath] : [])];

const headerFacts = (block: HeaderBlock, exclude: ReadonlySet<string>) => {
  const fields = block.fields.filter((f) => !exclude.has(f.key));
  return {
    eventHeaders: fields.map((f) => ({ name: f.name, value: f.value })),
    eventHeaderKeys: new Set(fields.map((f) => f.key)),
  };
};

/** A value computed on first use, then kept: checkSend reads facts only when their step comes. */
function once<T>(fn: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = fn();
      done = true;
    }
    return value;
  };
}

/** Adds SES's headers to `mime` and reads the snippet and attachment flag from it (`root`: its part tree). */
function finish(mime: Buffer, block: HeaderBlock, ctx: DraftContext, configurationSet: string | null, composed: boolean, root = parseParts(mime)) {
  const added = addedHeaders({
    ...ctx,
    at: ctx.acceptedAt,
    configurationSet,
    composed,
    hasMessageId: block.fields.some((f) => f.key === 'message-id'),
    hasDate: block.fields.some((f) => f.key === 'date'),
  });
  const remove = block.fields.filter((f) => added.replace.includes(f.key));
  const stored = editHeaders(mime, block, { prepend: added.prepend, append: added.append, remove });
  return { stored, snippet: snippetOf(mime, root), hasAttachments: hasAttachments(root) };
}

/**
 * Raw content, as written: a From header is required (RFC 5322 requires one, and SES refuses raw mail without
 * it even when Source or MAIL FROM names a sender; its value may be unparseable — SES then leaves out
 * ses:from-domain, §A.5.2); the sender falls back to its address, the recipients to To/Cc/Bcc; control headers
 * are honoured and removed.
 */
export function draftRaw(req: SendRequest, data: Buffer, ctx: () => DraftContext): Draft {
  const taken = once(() => takeControlHeaders(data));
  const common = once(() => readCommonHeaders(taken().block.fields));
  const resolved = once(() => resolveControl(req, taken().control));
  const tree = once(() => parseParts(taken().buf));
  const { source, recipients } = checkSend({
    message: data,
    maxBytes: req.maxBytes,
    fields: () => taken().original.fields,
    fromHeaderRequired: true,
    // Without Source, the From header's address — or, when it names none, its text as written, so that the
    // address check says what is wrong with it (`From: nobody` → "Missing final '@domain'").
    sender: () => req.from?.trim() || common().from[0]?.address || mailboxTexts(findField(taken().block.fields, 'from')?.value ?? '')[0],
    tags: () => resolved().tags,
    recipients: () => destinationOf(req) ?? headerRecipients(taken().block),
    others: otherAddresses(req),
    fileNames: () => fileNames(tree()),
  });
  const { buf, block } = taken();
  const c = ctx();
  const done = finish(buf, block, c, resolved().configurationSet, false, tree());
  return {
    kind: 'raw',
    mime: done.stored,
    source,
    recipients,
    ...headerFacts(block, new Set()),
    common: common(),
    control: resolved(),
    snippet: done.snippet,
    hasAttachments: done.hasAttachments,
  };
}

/** `444254_355072649.1693000415859`, SES's boundary style, unique per message (from the MessageId's UUID). */
function boundarySeed(messageId: string, at: number): string {
  const hex = messageId.slice(17, 53).replace(/-/g, '');
  return `${parseInt(hex.slice(-6), 16)}_${parseInt(hex.slice(-14, -6), 16)}.${at}`;
}

/**
 * Simple content: composed first (SES measures and reads the message it writes; composing is pure, and
 * nothing composed is kept when a check refuses), then checked, then given SES's Message-ID and Date.
 */
export async function draftSimple(req: SendRequest, ctx: () => DraftContext): Promise<Draft> {
  if (req.content.kind !== 'simple') throw new Error('draftSimple needs simple content');
  const content = req.content;
  const custom = (content.headers ?? []).map((h) => ({ key: h.name.toLowerCase(), value: h.value }));
  const resolved = resolveControl(req, readControlValues(custom));
  const c = ctx();
  const mime = await composeSimple(
    { ...content, headers: (content.headers ?? []).filter((h) => !STRIPPED_HEADERS.has(h.name.toLowerCase())) },
    {
      from: req.from?.trim() ?? '',
      to: req.destination?.to ?? [],
      cc: req.destination?.cc ?? [],
      replyTo: req.replyTo ?? [],
      boundarySeed: boundarySeed(c.messageId, c.acceptedAt),
    },
  );
  const block = readHeaderBlock(mime);
  const { source, recipients } = checkSend({
    simpleHeaders: content.headers,
    message: mime,
    maxBytes: req.maxBytes,
    fields: () => block.fields,
    fromHeaderRequired: false,
    sender: () => req.from?.trim(),
    tags: () => resolved.tags,
    recipients: () => destinationOf(req) ?? [],
    others: otherAddresses(req),
    fileNames: () => (content.attachments ?? []).map((a) => a.fileName),
  });
  const done = finish(mime, block, c, resolved.configurationSet, true);
  return {
    kind: 'simple',
    mime: done.stored,
    source,
    recipients,
    ...headerFacts(block, SIMPLE_EVENT_HEADER_EXCLUDES),
    common: readCommonHeaders(block.fields),
    control: resolved,
    snippet: done.snippet,
    hasAttachments: done.hasAttachments,
  };
}
