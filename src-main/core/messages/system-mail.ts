// Mail SES itself sends to you, captured in Sesame's inbox (door `system`): the identity verification
// email, the bounce DSN forwarded to the sender, the mailbox simulator's out-of-office auto-reply. Each is
// a complete MIME message built by its capability; this module stores it like any message — with no SES
// events and no quota use — and tells the UI, linked to the message it is about (`relatedId`).
// Must not: build the mail's content (identities/ and outcomes/ do) or be reachable from a door.
import type { Clock } from '../clock';
import type { DomainBus } from '../engine-api';
import type { Ids } from '../ids';
import { bareAddress } from '../mime/addresses';
import { hasAttachments, parseParts, snippetOf } from '../mime/body-facts';
import { readHeaderBlock } from '../mime/header-block';
import { readCommonHeaders } from '../mime/addresses';
import { newMessageId } from '../sending/ses-headers';
import type { MessageRecord, Store } from '../store/types';
import { summaryOf } from './views';

export interface SystemMailInput {
  /** What kind of mail this is, shown as the "operation": `VerificationEmail`, `BounceNotification`, `AutoReply`… */
  kind: string;
  /** Envelope sender (bare address), e.g. `no-reply-aws@amazon.com`, `MAILER-DAEMON@amazonses.com`. */
  mailFrom: string;
  /** Envelope recipients (bare addresses). */
  rcptTo: string[];
  /** The complete message (headers and body, CRLF line ends). */
  mime: Buffer;
  /** The message this mail is about, if any. */
  relatedId: string | null;
}

export interface SystemMail {
  /** Stores the mail and announces it; returns its id. */
  capture(input: SystemMailInput): Promise<string>;
}

export function createSystemMail(deps: { clock: Clock; ids: Ids; store: Store; bus: DomainBus }): SystemMail {
  const { clock, ids, store, bus } = deps;
  return {
    async capture(input) {
      const at = clock.now();
      const id = newMessageId(at, ids);
      const block = readHeaderBlock(input.mime);
      const common = readCommonHeaders(block.fields);
      const root = parseParts(input.mime);
      const record: MessageRecord = {
        id,
        receivedAt: at,
        door: 'system',
        operation: input.kind,
        kind: 'raw',
        source: common.from[0]?.address ?? input.mailFrom,
        mailFrom: bareAddress(input.mailFrom),
        rcptTo: input.rcptTo,
        destination: null,
        from: common.from[0] ?? null,
        to: common.to,
        cc: common.cc,
        subject: common.subject,
        snippet: snippetOf(input.mime, root),
        size: input.mime.length,
        hasAttachments: hasAttachments(root),
        status: 'delivered',
        configurationSet: null,
        tags: {},
        api: null,
        smtp: null,
        returnPath: null,
        relatedId: input.relatedId,
      };
      const mail = { timestamp: new Date(at).toISOString(), source: input.mailFrom, messageId: id, destination: input.rcptTo };
      const encoded = await store.messages.encodeRaw(input.mime);
      const result = store.messages.accept(record, encoded, mail, [], { at, recipients: 0 });
      bus.emit('message.accepted', summaryOf({ ...record, seq: result.seq, read: false }));
      if (result.prunedIds.length) bus.emit('messages.deleted', { ids: result.prunedIds });
      return id;
    },
  };
}
