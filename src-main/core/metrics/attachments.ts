// Attachment bytes of a message, for the billing input ATTACHMENT_BYTES ("attachment data per GB"): the
// decoded size of every leaf that is not the text or HTML body (a base64 body counts three quarters of its
// encoded length, line breaks left out). Only called for messages the draft says carry attachments.
// Owns: that estimate. Must not: keep anything.
import { parseParts, type MimePart } from '../mime/body-facts';

const isAttachment = (p: MimePart) => (p.contentType !== 'text/plain' && p.contentType !== 'text/html') || p.disposition === 'attachment';

export function attachmentBytes(mime: Buffer): number {
  let total = 0;
  const visit = (p: MimePart) => {
    if (p.children.length) return p.children.forEach(visit);
    if (p.contentType.startsWith('multipart/') || !isAttachment(p)) return;
    const length = p.bodyEnd - p.bodyStart;
    if (p.encoding !== 'base64') {
      total += length;
      return;
    }
    let chars = 0;
    for (let i = p.bodyStart; i < p.bodyEnd; i++) {
      const c = mime[i];
      if (c !== 0x0d && c !== 0x0a && c !== 0x20 && c !== 0x3d) chars++;
    }
    total += Math.floor((chars * 3) / 4);
  };
  visit(parseParts(mime));
  return total;
}
