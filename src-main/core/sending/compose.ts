// Simple content (v2 Content.Simple, v1 SendEmail) to MIME. Mail with attachments goes through nodemailer's
// MailComposer (multipart/mixed; inline parts with a Content-ID go into multipart/related beside the HTML);
// mail without goes through compose-text.ts, a synchronous composer for the common case.
// Owns: the mapping of subject/text/html (with charsets) and attachments onto MailComposer options. Custom
// headers are written by compose-text.ts either way, under the names the caller gave (MailComposer would
// re-case them and drop one that repeats a header it writes, hiding a duplicate checks.ts must see). Either
// way the result carries no Message-ID or Date: SES adds those (ses-headers.ts).
// Must not: add transport headers (Return-Path, Feedback-ID…) or read X-SES-* headers (the pipeline does).
import MailComposer from 'nodemailer/lib/mail-composer';
import type { SimpleContent, TextPart } from '../engine-api';
import { editHeaders, readHeaderBlock } from '../mime/header-block';
import { bodyCharset, composeText, customHeaderLines, type TextEnvelope } from './compose-text';

export type ComposeEnvelope = TextEnvelope;

function body(part: TextPart, subtype: 'plain' | 'html') {
  const { label, encoding } = bodyCharset(part);
  // An empty string would reach MailComposer's stream as its options object (a TypeError): '' goes as bytes.
  return encoding === 'utf8'
    ? { content: part.data === '' ? Buffer.alloc(0) : part.data, contentType: `text/${subtype}; charset=UTF-8` }
    : { content: Buffer.from(part.data, encoding), contentType: `text/${subtype}; charset=${label}` };
}

export async function composeSimple(content: SimpleContent, env: ComposeEnvelope): Promise<Buffer> {
  if (!content.attachments?.length) return composeText(content, env);
  const composed = await composeWithAttachments(content, env);
  // MailComposer always writes a Message-ID and Date; SES's own are added later, in SES's place.
  const block = readHeaderBlock(composed);
  return editHeaders(composed, block, {
    remove: block.fields.filter((f) => f.key === 'message-id' || f.key === 'date'),
    append: customHeaderLines(content.headers ?? []),
  });
}

function composeWithAttachments(content: SimpleContent, env: ComposeEnvelope): Promise<Buffer> {
  const composer = new MailComposer({
    from: env.from,
    to: env.to.length ? env.to : undefined,
    cc: env.cc.length ? env.cc : undefined,
    replyTo: env.replyTo.length ? env.replyTo : undefined,
    subject: content.subject.data,
    text: content.text ? body(content.text, 'plain') : undefined,
    html: content.html ? body(content.html, 'html') : undefined,
    attachments: (content.attachments ?? []).map((a) => ({
      filename: a.fileName,
      content: a.content,
      contentType: a.contentType,
      contentDisposition: a.contentDisposition === 'INLINE' ? 'inline' : 'attachment',
      cid: a.contentId ? a.contentId.replace(/^<|>$/g, '') : undefined,
      headers: a.contentDescription ? { 'Content-Description': a.contentDescription } : undefined,
    })),
    baseBoundary: env.boundarySeed,
    newline: 'win',
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return new Promise((resolve, reject) => {
    composer.compile().build((err, message) => (err ? reject(err) : resolve(message)));
  });
}
