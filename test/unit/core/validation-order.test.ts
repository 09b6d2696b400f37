// The order SES checks a send in (ses-facts §A.3 "order of checks"; checks.ts owns it): request and message
// syntax → tags → address syntax → recipient count → blocked attachments → the gate (configuration set,
// identities, sandbox, quota). Each case below breaks two rules at once and expects the earlier one's error,
// through raw (v1/v2), Simple and SMTP alike.
import { describe, expect, it } from 'vitest';
import type { SendRequest } from '../../../src-main/core/engine-api';
import { MAX_HEADER_SECTION_BYTES } from '../../../src-main/core/limits';
import { crlf, makeEngine, rawRequest, refusal, simpleRequest, smtpCaller, v2Caller } from './helpers';

const BAD_TAG = { name: 'bad name', value: 'v' };
const TAG_TEXT = "Invalid tag name <bad name>: only alphanumeric ASCII characters, '_',  '-' are allowed.";
const many = Array.from({ length: 51 }, (_, i) => `r${i}@example.com`);

/** A raw message with the given headers and one attachment named `file` (none when null). */
function mime(headers: string[], file: string | null = null): string {
  if (!file) return crlf(...headers, '', 'x');
  return crlf(
    ...headers, 'Content-Type: multipart/mixed; boundary=b', '', '--b', 'Content-Type: text/plain', '', 'x', '--b',
    `Content-Type: application/octet-stream; name="${file}"`, '', 'TVo=', '--b--', '',
  );
}

/** The same send as raw mail through each raw door: v1 SendRawEmail, v2 Content.Raw, SMTP DATA. */
const rawDoors = (m: string | Buffer, over: Partial<SendRequest> = {}): SendRequest[] => [
  rawRequest(m, over),
  rawRequest(m, { caller: v2Caller, maxBytes: 40 * 1024 * 1024, ...over }),
  rawRequest(m, { caller: smtpCaller, maxBytes: 40 * 1024 * 1024, ...over }),
];

async function firstError(reqs: SendRequest[], account?: object): Promise<string[]> {
  const out: string[] = [];
  for (const req of reqs) {
    const { engine } = makeEngine(account ? { account } : {});
    out.push((await refusal(engine.sending.send(req))).message);
    expect(engine.messages.counts().total).toBe(0);
  }
  return out;
}

const same = (texts: string[], text: string) => expect(texts).toEqual(texts.map(() => text));

describe('validation order', () => {
  it('size before everything: a too-large message with bad headers and tags reports its size', async () => {
    const huge = Buffer.concat([Buffer.from(crlf(':bad', 'Message-ID: <1>', 'Message-ID: <2>', '', '')), Buffer.alloc(10 * 1024 * 1024, 0x61)]);
    const [v1] = await firstError([rawRequest(huge, { tags: [BAD_TAG] })]);
    expect(v1).toMatch(/^Message length is more than 10485760 bytes long/);
  });

  it('header section before header names, header names before the From header, From before tags', async () => {
    const long = Buffer.from(`:bad\r\nX-Big: ${'v'.repeat(MAX_HEADER_SECTION_BYTES)}\r\n\r\nx`);
    same(await firstError(rawDoors(long)), 'Header section too long.');
    same(await firstError(rawDoors(mime(['To: b@example.com', 'Subject: a', 'Subject: b']))), "Duplicate header 'Subject'.");
    same(await firstError(rawDoors(mime(['To: b@example.com', 'X-SES-MESSAGE-TAGS: bad name=v']))), "Missing required header 'From'.");
  });

  it('tags before address syntax, recipient count, attachments and identities (v1, v2, SMTP, Simple)', async () => {
    const headers = ['From: nobody', `To: ${many.join(', ')}`, 'X-SES-MESSAGE-TAGS: bad name=v'];
    same(await firstError(rawDoors(mime(headers, 'x.exe'))), TAG_TEXT);
    same(await firstError([simpleRequest({ from: 'nobody', destination: { to: many }, tags: [BAD_TAG] })]), TAG_TEXT);
    // A new account (sandbox, nothing verified) would refuse the sender; the tag is reported first.
    same(await firstError([simpleRequest({ tags: [BAD_TAG] }), ...rawDoors(mime(['From: a@example.com', 'To: b@example.com']), { tags: [BAD_TAG] })], {}), TAG_TEXT);
  });

  it('address syntax before the recipient count, the count before attachments', async () => {
    same(await firstError(rawDoors(mime(['From: a@example.com', `To: ${[...many, 'bob'].join(', ')}`], 'x.exe'))), "Missing final '@domain'");
    same(await firstError(rawDoors(mime(['From: a@example.com', `To: ${many.join(', ')}`], 'x.exe'))), 'Recipient count exceeds 50.');
    same(
      await firstError([
        simpleRequest({ destination: { to: many }, content: { kind: 'simple', subject: { data: 's' }, attachments: [{ fileName: 'x.exe', content: Buffer.from('') }] } }),
      ]),
      'Recipient count exceeds 50.',
    );
  });

  it('everything above before the configuration set: a missing set is reported only once the content passes', async () => {
    same(await firstError([simpleRequest({ tags: [BAD_TAG], configurationSetName: 'missing' })]), TAG_TEXT);
    same(await firstError(rawDoors(mime(['From: a@example.com', 'To: b@example.com', 'X-SES-CONFIGURATION-SET: missing'], 'x.exe'))), "Illegal filename 'x.exe'.");
    same(await firstError([simpleRequest({ configurationSetName: 'missing' })]), 'Configuration set missing does not exist.');
  });

  it('blocked attachments before the gate: an unverified sender on a new account still hears about the file', async () => {
    same(await firstError(rawDoors(mime(['From: a@example.com', 'To: b@example.com'], 'x.exe')), {}), "Illegal filename 'x.exe'.");
    const [gate] = await firstError([rawRequest(mime(['From: a@example.com', 'To: b@example.com'], 'x.pdf'))], {});
    expect(gate).toMatch(/^Email address is not verified/);
  });
});
