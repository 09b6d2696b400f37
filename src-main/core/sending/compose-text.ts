// Simple content without attachments (the common case: subject + text and/or HTML) composed synchronously
// in the layout SES's own composer produces: From, To, Cc, Reply-To, Subject, custom headers, MIME-Version,
// Content-Type (`multipart/alternative; ` folded before `boundary=`, which SES's events report as
// `multipart/alternative;  boundary="----=_Part_…"` — LocalStack snapshot 2023), then the parts.
// Why not MailComposer here: its stream pipeline costs ~190 µs CPU per message (measured; AbortController
// and random boundaries dominate), over a third of the v2 request budget. Header and body encoding still
// come from nodemailer (mime-funcs, qp, addressparser), so the bytes follow the same rules.
// Header values never carry a line break: CR, LF and CRLF become a space, as MailComposer does on the
// attachment path, so a Subject or display name cannot write headers (or a body) of its own.
// Must not: handle attachments (compose.ts hands those to MailComposer) or add SES's Message-ID/Date.
import { domainToASCII } from 'node:url';
import addressparser from 'nodemailer/lib/addressparser';
import { encodeWords, foldLines, quoteString } from 'nodemailer/lib/mime-funcs';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';
import type { SimpleContent, TextPart } from '../engine-api';

const NL = '\r\n';
// eslint-disable-next-line no-control-regex -- "all ASCII" includes the control range on purpose
const ASCII = /^[\x00-\x7f]*$/;
const SPECIALS = /[()<>[\]:;@\\,."]/;

export interface TextEnvelope {
  from: string;
  to: string[];
  cc: string[];
  replyTo: string[];
  /** Unique per message; used to build the multipart boundary. */
  boundarySeed: string;
}

/** CR/LF folded to a space, as nodemailer's MimeNode does for every header value it encodes. */
const oneLine = (text: string) => text.replace(/\r?\n|\r/g, ' ');

const header = (name: string, value: string) => foldLines(`${name}: ${oneLine(value)}`, 76) + NL;

const word = (text: string) => {
  const line = oneLine(text);
  return ASCII.test(line) ? line : encodeWords(line, 'Q', 52);
};

function encodeAddress(entry: string): string[] {
  return addressparser(entry, { flatten: true })
    .filter((a) => a.address)
    .map((a) => {
      const at = a.address.lastIndexOf('@');
      const address = at === -1 ? a.address : a.address.slice(0, at + 1) + (domainToASCII(a.address.slice(at + 1)) || a.address.slice(at + 1));
      if (!a.name) return address;
      const name = ASCII.test(a.name) ? (SPECIALS.test(a.name) ? quoteString(a.name) : a.name) : encodeWords(a.name, 'Q', 52);
      return `${name} <${address}>`;
    });
}

/** Custom headers (v2 Simple.Headers) as folded lines without their line break, written as the caller named them. */
export const customHeaderLines = (headers: readonly { name: string; value: string }[]): string[] =>
  headers.map((h) => header(h.name, word(h.value)).slice(0, -NL.length));

const addressHeader = (name: string, entries: string[]) => {
  const list = entries.flatMap(encodeAddress);
  return list.length ? header(name, list.join(', ')) : '';
};

/**
 * The charset a body goes out in. SES receives Unicode over the API and encodes it in the charset the caller
 * names; Node encodes UTF-8 and Latin-1 natively, so other charsets go out as UTF-8, labelled so, rather
 * than mislabelled (iconv-lite as a direct dependency would lift this).
 */
export function bodyCharset(part: TextPart): { label: string; encoding: 'utf8' | 'latin1' } {
  const cs = (part.charset ?? '').trim().toLowerCase();
  if (cs === 'iso-8859-1' || cs === 'latin1') return { label: 'ISO-8859-1', encoding: 'latin1' };
  if (cs === 'us-ascii' || cs === 'ascii') return { label: 'US-ASCII', encoding: 'latin1' };
  return { label: 'UTF-8', encoding: 'utf8' };
}

function bodyPart(part: TextPart, subtype: 'plain' | 'html'): string {
  const { label, encoding } = bodyCharset(part);
  const text = part.data.replace(/\r?\n|\r/g, NL);
  const sevenBit = ASCII.test(text) && !text.split(NL).some((l) => l.length > 998);
  const head = `Content-Type: text/${subtype}; charset=${label}${NL}Content-Transfer-Encoding: ${sevenBit ? '7bit' : 'quoted-printable'}${NL}`;
  const body = sevenBit ? text : qpWrap(qpEncode(Buffer.from(text, encoding)), 76);
  return `${head}${NL}${body}`;
}

export function composeText(content: SimpleContent, env: TextEnvelope): Buffer {
  let out = addressHeader('From', [env.from]);
  out += addressHeader('To', env.to);
  out += addressHeader('Cc', env.cc);
  out += addressHeader('Reply-To', env.replyTo);
  out += header('Subject', word(content.subject.data));
  for (const h of content.headers ?? []) out += header(h.name, word(h.value));
  out += `MIME-Version: 1.0${NL}`;
  const parts: string[] = [];
  if (content.text) parts.push(bodyPart(content.text, 'plain'));
  if (content.html) parts.push(bodyPart(content.html, 'html'));
  if (parts.length === 0) parts.push(bodyPart({ data: '' }, 'plain'));
  if (parts.length === 1) return Buffer.from(out + parts[0], 'utf8');
  const boundary = `----=_Part_${env.boundarySeed}`;
  out += `Content-Type: multipart/alternative; ${NL} boundary="${boundary}"${NL}${NL}`;
  for (const p of parts) out += `--${boundary}${NL}${p}${NL}`;
  out += `--${boundary}--${NL}`;
  return Buffer.from(out, 'utf8');
}
