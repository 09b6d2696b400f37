// Raw content (SendRawEmail, SMTP DATA): taken as is, except the X-SES-* control headers SES reads and
// strips, and the headers SES adds (Message-ID/Date only when absent: ses-facts §D.7).
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { crlf, makeEngine, rawRequest, smtpCaller } from './helpers';

const basic = (...extra: string[]) =>
  crlf('From: Alice <alice@example.com>', 'To: bob@example.com', 'Subject: raw hello', ...extra, '', 'Body text', '');

type SendPayload = { mail: { tags: Record<string, string[]>; commonHeaders: Record<string, unknown>; headers: { name: string; value: string }[] } };

describe('raw mail', () => {
  it("keeps the caller's Message-ID and Date, adding SES's transport headers", async () => {
    const { engine } = makeEngine();
    const { messageId } = await engine.sending.send(rawRequest(basic('Message-ID: <own@example.com>', 'Date: Mon, 5 Jan 2026 10:00:00 +0100')));
    const raw = (await engine.messages.raw(messageId))!.toString();
    expect(raw).toContain('Message-ID: <own@example.com>');
    expect(raw).toContain('Date: Mon, 5 Jan 2026 10:00:00 +0100');
    expect(raw).not.toContain('amazonses.com>\r\nDate');
    expect(raw.match(/^Message-ID:/gim)).toHaveLength(1);
    expect(raw.startsWith(`Return-Path: <${messageId}@amazonses.com>\r\n`)).toBe(true);
    expect(raw).toContain('X-SES-Outgoing: 2026.01.01-54.240.9.183\r\n\r\nBody text');
    const send = (await engine.messages.get(messageId))!.events[0].payload as SendPayload;
    expect(send.mail.commonHeaders.messageId).toBe('<own@example.com>');
    expect(send.mail.commonHeaders.date).toBe('Mon, 5 Jan 2026 10:00:00 +0100');
  });

  it("gets SES's Message-ID and Date when it has none", async () => {
    const { engine } = makeEngine();
    const { messageId } = await engine.sending.send(rawRequest(basic()));
    const parsed = await simpleParser((await engine.messages.raw(messageId))!);
    expect(parsed.messageId).toBe(`<${messageId}@email.amazonses.com>`);
    expect(parsed.date!.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parsed.text).toBe('Body text\n');
    const send = (await engine.messages.get(messageId))!.events[0].payload as SendPayload;
    expect(send.mail.commonHeaders.messageId).toBe(messageId);
    expect(send.mail.commonHeaders).not.toHaveProperty('date');
    expect(send.mail.headers.map((h) => h.name)).toEqual(['From', 'To', 'Subject']);
  });

  it('honours and strips X-SES-CONFIGURATION-SET and X-SES-MESSAGE-TAGS', async () => {
    const { engine } = makeEngine();
    engine.configurationSets.create('marketing');
    const { messageId } = await engine.sending.send(
      rawRequest(basic('X-SES-CONFIGURATION-SET: marketing', 'X-SES-MESSAGE-TAGS: campaign=spring, variant=b', 'X-SES-SOURCE-ARN: arn:aws:ses:us-east-1:1:identity/x')),
    );
    const raw = (await engine.messages.raw(messageId))!.toString();
    expect(raw).not.toMatch(/X-SES-(CONFIGURATION-SET|MESSAGE-TAGS|SOURCE-ARN)/i);
    const detail = (await engine.messages.get(messageId))!;
    expect(detail.configurationSet).toBe('marketing');
    expect(detail.tags).toMatchObject({ 'ses:configuration-set': ['marketing'], campaign: ['spring'], variant: ['b'] });
    const send = detail.events[0].payload as SendPayload;
    expect(send.mail.headers.map((h) => h.name)).toEqual(['From', 'To', 'Subject']);
  });

  it('API tags and configuration set win over the headers, without merging', async () => {
    const { engine } = makeEngine();
    // Only the API's set exists: the header's is not even looked up.
    engine.configurationSets.create('from-api');
    const { messageId } = await engine.sending.send(
      rawRequest(basic('X-SES-CONFIGURATION-SET: from-header', 'X-SES-MESSAGE-TAGS: campaign=spring'), {
        configurationSetName: 'from-api',
        tags: [{ name: 'source', value: 'api' }],
      }),
    );
    const { tags, configurationSet } = (await engine.messages.get(messageId))!;
    expect(configurationSet).toBe('from-api');
    expect(tags.source).toEqual(['api']);
    expect(tags).not.toHaveProperty('campaign');
  });

  it('takes the sender from the From header and recipients from To/Cc/Bcc when the call names none', async () => {
    const { engine } = makeEngine();
    const { messageId } = await engine.sending.send(
      rawRequest(crlf('From: Alice <alice@example.com>', 'To: a@example.com, B <b@example.com>', 'Cc: c@example.com', 'Bcc: d@example.com', 'Subject: s', '', 'x')),
    );
    const d = (await engine.messages.get(messageId))!;
    expect(d.envelope).toEqual({ mailFrom: 'alice@example.com', rcptTo: ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com'] });
    expect(d.bcc).toEqual(['d@example.com']);
    expect(d.from).toEqual({ name: 'Alice', address: 'alice@example.com' });
    expect(d.to.map((a) => a.address)).toEqual(['a@example.com', 'b@example.com']);
  });

  it('uses the envelope as given (SMTP): MAIL FROM as source, every RCPT TO, Bcc = not in To/Cc', async () => {
    const { engine } = makeEngine();
    const { messageId } = await engine.sending.send(
      rawRequest(basic(), { caller: smtpCaller, from: 'bounce@example.com', destination: { to: ['bob@example.com', 'secret@example.com'] } }),
    );
    const d = (await engine.messages.get(messageId))!;
    expect(d.door).toBe('smtp');
    expect(d.envelope).toEqual({ mailFrom: 'bounce@example.com', rcptTo: ['bob@example.com', 'secret@example.com'] });
    expect(d.bcc).toEqual(['secret@example.com']);
    expect(d.smtp).toEqual(smtpCaller.smtp);
    expect(d.api).toBeNull();
  });

  it('reads an LF-only message and a message with no body', async () => {
    const { engine } = makeEngine();
    const lf = await engine.sending.send(rawRequest('From: a@example.com\nTo: b@example.com\nSubject: lf\n\nline\n'));
    const lfRaw = (await engine.messages.raw(lf.messageId))!.toString();
    expect(lfRaw).toContain('\nX-SES-Outgoing: 2026.01.01-54.240.9.183\n\nline\n');
    expect((await engine.messages.get(lf.messageId))!.subject).toBe('lf');
    const bare = await engine.sending.send(rawRequest('From: a@example.com\r\nTo: b@example.com\r\nSubject: no body'));
    const parsed = await simpleParser((await engine.messages.raw(bare.messageId))!);
    expect(parsed.subject).toBe('no body');
    expect(parsed.messageId).toBe(`<${bare.messageId}@email.amazonses.com>`);
  });

  it('summarises encoded subjects and display names, and a snippet from quoted-printable text', async () => {
    const { engine } = makeEngine();
    const { messageId } = await engine.sending.send(
      rawRequest(
        crlf(
          'From: =?UTF-8?Q?Zo=C3=AB?= <zoe@example.com>',
          'To: bob@example.com',
          'Subject: =?UTF-8?B?R3LDvMOfZQ==?= =?UTF-8?Q?_aus_K=C3=B6ln?=',
          'Content-Type: text/plain; charset=utf-8',
          'Content-Transfer-Encoding: quoted-printable',
          '',
          'Caf=C3=A9 =',
          'ouvert   aujourd=E2=80=99hui',
        ),
      ),
    );
    const [row] = engine.messages.list({}).items;
    expect(row).toMatchObject({ id: messageId, subject: 'Grüße aus Köln', from: { name: 'Zoë', address: 'zoe@example.com' }, snippet: 'Café ouvert aujourd’hui' });
  });
});
