// The list-management step of the sending pipeline (SES v2 SendEmail `ListManagementOptions`; AWS doc "Using
// list management"): the contact list must exist (NotFoundException, and for a named topic the topic too);
// recipients who are contacts with UnsubscribeAll, or opted out of the topic (their own OPT_OUT, or the
// topic's default OPT_OUT and no preference of theirs) are dropped silently — the send is accepted and they
// get nothing [verify: ses-facts §A.6 cites floci's claim that SES records a Bounce for them instead]; the
// stored copy gets `List-Unsubscribe: <…/_sesame/unsubscribe/<token>>` and `List-Unsubscribe-Post:
// List-Unsubscribe=One-Click` (RFC 8058), replacing any the caller wrote. Sesame keeps one copy per message, so
// with several recipients the header carries the first delivered recipient's URL; every delivered recipient
// has a token (contacts.lookupToken) and becomes a contact if it was not one (contacts.persistTokens).
// `{{amazonSESUnsubscribeUrl}}` in an HTML body part becomes the same URL (as SES replaces it [claim: floci,
// ses-facts §A.6]); text parts and templated sends' rendering are not touched here.
// Owns: where list management happens in the send. Must not: decide preferences (core/contacts does).
import type { ContactService, ListManagementOptions } from '../contacts/api';
import { bareAddress } from '../mime/addresses';
import { editHeaders, readHeaderBlock } from '../mime/header-block';
import { rewriteHtmlParts } from '../tracking/mime';
import type { Draft } from './draft';

export type ListManagement = Pick<ContactService, 'wants' | 'tokensFor' | 'persistTokens' | 'unsubscribeUrl'>;

const REPLACED = new Set(['list-unsubscribe', 'list-unsubscribe-post']);
export const UNSUBSCRIBE_PLACEHOLDER = '{{amazonSESUnsubscribeUrl}}';

/** Drops opted-out recipients from `draft`, adds the List-Unsubscribe headers; returns what to persist in the transaction. */
export function applyListManagement(contacts: ListManagement, draft: Draft, messageId: string, options: ListManagementOptions): { persist(): void } {
  draft.recipients = draft.recipients.filter((r) => contacts.wants(options, bareAddress(r)));
  const tokens = contacts.tokensFor(messageId, options, draft.recipients.map(bareAddress));
  if (tokens.length) {
    const url = contacts.unsubscribeUrl(tokens[0]!.token);
    const block = readHeaderBlock(draft.mime);
    draft.mime = editHeaders(draft.mime, block, {
      remove: block.fields.filter((f) => REPLACED.has(f.key)),
      append: [`List-Unsubscribe: <${url}>`, 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'],
    });
    draft.mime = rewriteHtmlParts(draft.mime, (html) => html.split(UNSUBSCRIBE_PLACEHOLDER).join(url));
  }
  return { persist: () => contacts.persistTokens(tokens) };
}
