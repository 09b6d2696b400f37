// Content filtering as SES does it for viruses: SES accepts the message (MessageId returned, quota
// counted) and then rejects it — a Reject event `{"reason": "Bad content"}`, no delivery for anyone. AWS
// documents no simulator address for this and suggests the EICAR anti-virus test file instead
// (ses-facts §A.4), so that is what Sesame detects: in the body or in any attachment.
// Attachments travel base64 in MIME (bodies often quoted-printable), so scanning the raw bytes is not
// enough. The scan stays cheap on the ingest path (bench budget ≤0.5 ms CPU per SendEmail): one native
// substring search over the message, and only when the message has an encoded leaf part, that part
// decoded (natively for base64) and searched. message/rfc822 parts are scanned as messages in turn.
// Owns: the detection. Must not: build events (plan.ts) or parse mail for display (mailparser does).
import { parseParts, type MimePart } from '../mime/body-facts';
import { decodeTransfer } from '../mime/decode';

/** The 68-byte EICAR test file (eicar.org; AWS's mailbox simulator doc quotes it). */
export const EICAR_TEST_STRING = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
const EICAR = Buffer.from(EICAR_TEST_STRING, 'latin1');

/** Nesting of message/rfc822 parts followed (a guard against hostile input). */
const MAX_MESSAGE_DEPTH = 4;

function* leaves(p: MimePart): Generator<MimePart> {
  if (p.children.length) for (const c of p.children) yield* leaves(c);
  else if (!p.contentType.startsWith('multipart/')) yield p;
}

const isEncoded = (encoding: string) => encoding === 'base64' || encoding === 'quoted-printable';

/** Whether the message (or MIME entity) carries the EICAR test file anywhere. Never throws on malformed input. */
export function carriesEicar(mime: Buffer, depth = 0): boolean {
  if (mime.includes(EICAR)) return true; // 7bit/8bit text, or an attachment sent unencoded
  if (depth > MAX_MESSAGE_DEPTH) return false;
  const root = parseParts(mime);
  for (const leaf of leaves(root)) {
    const nested = leaf.contentType === 'message/rfc822';
    if (!isEncoded(leaf.encoding) && !nested) continue;
    const body = mime.subarray(leaf.bodyStart, leaf.bodyEnd);
    const decoded = isEncoded(leaf.encoding) ? decodeTransfer(body, leaf.encoding) : body;
    if (decoded.includes(EICAR)) return true;
    if (nested && carriesEicar(decoded, depth + 1)) return true;
  }
  return false;
}
