// The open/click tracking step of the sending pipeline (ses-facts §A.13): once the gate has settled the
// message's configuration set, a set with an enabled OPEN and/or CLICK event destination gets the pixel
// and the rewritten links in the stored copy (what the recipient sees); the tokens commit with the message.
// Runs for every door — SES v2 and v1 Simple and Raw, and SMTP — because they all pass here.
// Owns: where tracking happens in the send. Must not: rewrite HTML itself (core/tracking does).
import type { TrackingLink, TrackingService } from '../tracking/api';
import type { Draft } from './draft';

/**
 * Replaces `draft.mime` with its tracked copy when the set asks for tracking (size and the stored raw follow
 * it); returns what to persist inside the pipeline's transaction.
 */
export function applyTracking(
  tracking: Pick<TrackingService, 'wanted' | 'rewrite' | 'persist'>,
  draft: Draft,
  messageId: string,
  configurationSet: string | null,
): { persist(): void } {
  const wanted = tracking.wanted(configurationSet);
  if (!wanted.open && !wanted.click) return { persist: () => undefined };
  const tracked = tracking.rewrite(messageId, draft.mime, wanted);
  draft.mime = tracked.mime;
  const links: readonly TrackingLink[] = tracked.links;
  return { persist: () => tracking.persist(links) };
}
