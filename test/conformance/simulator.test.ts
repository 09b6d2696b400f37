// The mailbox simulator and content filtering through every door with real peers: @aws-sdk/client-sesv2,
// @aws-sdk/client-ses, nodemailer and swaks over SMTP, and the AWS CLI. Each send is accepted (SES accepts,
// then bounces); the events are read back from the engine (GET /_aws/ses carries no events).
import { awsPeerEnv } from '../helpers/python-peers';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { SendEmailCommand as V1SendEmail, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sesClient, sesv2Client } from '../helpers/sdk-clients';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';

const run = promisify(execFile);
const hasSwaks = spawnSync('swaks', ['--version']).status === 0;
const hasCli = spawnSync('aws', ['--version']).status === 0;
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

let sesame: TestSesame;
beforeAll(async () => {
  sesame = await startTestSesame();
});
afterAll(async () => {
  await sesame?.cleanup();
});

const sim = (local: string) => `${local}@simulator.amazonses.com`;

interface EventPayload {
  eventType: string;
  bounce?: { bounceType: string; bounceSubType: string; bouncedRecipients: { emailAddress: string; diagnosticCode?: string }[]; reportingMTA?: string };
  complaint?: { complaintFeedbackType?: string; userAgent?: string; complaintSubType: string | null };
  delivery?: { smtpResponse: string };
  reject?: { reason: string };
  mail: { messageId: string };
}

async function eventsOf(id: string): Promise<EventPayload[]> {
  const detail = await sesame.engine.messages.get(id);
  expect(detail, `message ${id} is stored`).toBeDefined();
  return detail!.events.map((e) => e.payload as EventPayload);
}

/** The system mail (DSN, auto-reply) linked to a message. */
async function mailAbout(id: string, kind: string) {
  const rows = sesame.engine.messages.list({ limit: 200 }).items.filter((m) => m.door === 'system' && m.operation === kind);
  for (const row of rows) {
    const d = (await sesame.engine.messages.get(row.id))!;
    if (d.relatedId === id) return d;
  }
  return undefined;
}

/** Every simulator address: the event types SES's 2026 capture shows, and what to check in the last one. */
const EXPECTED: [string, string[], (e: EventPayload) => void][] = [
  ['success', ['Send', 'Delivery'], (e) => expect(e.delivery!.smtpResponse).toBe('250 Ok')],
  ['bounce', ['Send', 'Bounce'], (e) => expect(e.bounce).toMatchObject({ bounceType: 'Permanent', bounceSubType: 'General', reportingMTA: 'dns; a8-86.smtp-out.amazonses.com' })],
  ['suppressionlist', ['Send', 'Bounce'], (e) => expect(e.bounce!.bouncedRecipients[0].diagnosticCode).toContain('(suppressed address: suppressionlist@simulator.amazonses.com)')],
  ['complaint', ['Send', 'Delivery', 'Complaint'], (e) => expect(e.complaint).toMatchObject({ complaintSubType: null, userAgent: 'Amazon SES Mailbox Simulator', complaintFeedbackType: 'abuse' })],
  ['ooto', ['Send', 'Delivery', 'Bounce'], (e) => expect(e.bounce).toEqual(expect.objectContaining({ bounceType: 'Transient', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: sim('ooto') }] }))],
];

describe('mailbox simulator over SES v2 (@aws-sdk/client-sesv2)', () => {
  const v2 = () => sesv2Client(sesame);
  for (const [local, types, check] of EXPECTED) {
    it(`${local}@: ${types.join(' → ')}`, async () => {
      const out = await v2().send(
        new SendEmailCommand({
          FromEmailAddress: 'app@example.com',
          Destination: { ToAddresses: [sim(local)] },
          FeedbackForwardingEmailAddress: 'feedback@example.com',
          Content: { Simple: { Subject: { Data: `v2 ${local}` }, Body: { Text: { Data: 'hi' } } } },
        }),
      );
      const events = await eventsOf(out.MessageId!);
      expect(events.map((e) => e.eventType)).toEqual(types);
      expect(events.every((e) => e.mail.messageId === out.MessageId)).toBe(true);
      check(events.at(-1)!);
      if (local === 'bounce') expect((await mailAbout(out.MessageId!, 'BounceNotification'))!.envelope.rcptTo).toEqual(['feedback@example.com']);
      if (local === 'ooto') expect((await mailAbout(out.MessageId!, 'AutoReply'))!.envelope.rcptTo).toEqual(['feedback@example.com']);
    });
  }

  it('one request to several simulated bounces gets one combined bounce; the addresses are never suppressed', async () => {
    const to = [sim('bounce+a'), sim('bounce+b')];
    const out = await v2().send(
      new SendEmailCommand({ FromEmailAddress: 'app@example.com', Destination: { ToAddresses: to }, Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } } }),
    );
    const bounces = (await eventsOf(out.MessageId!)).filter((e) => e.eventType === 'Bounce');
    expect(bounces).toHaveLength(1);
    expect(bounces[0].bounce!.bouncedRecipients.map((r) => r.emailAddress)).toEqual(to);
    expect(sesame.engine.suppression.get(sim('bounce+a'))).toBeUndefined();
  });

  it('EICAR in a v2 attachment: accepted with a MessageId, then only a Reject "Bad content"', async () => {
    const out = await v2().send(
      new SendEmailCommand({
        FromEmailAddress: 'app@example.com',
        Destination: { ToAddresses: ['someone@example.com', sim('success')] },
        Content: {
          Simple: {
            Subject: { Data: 'scan me' },
            Body: { Text: { Data: 'attached' } },
            Attachments: [{ FileName: 'eicar.bin', RawContent: new TextEncoder().encode(EICAR), ContentType: 'application/octet-stream' }],
          },
        },
      }),
    );
    expect(out.MessageId).toMatch(/-000000$/);
    expect((await eventsOf(out.MessageId!)).map((e) => [e.eventType, e.reject?.reason])).toEqual([
      ['Send', undefined],
      ['Reject', 'Bad content'],
    ]);
  });
});

describe('mailbox simulator over SES v1 (@aws-sdk/client-ses)', () => {
  const v1 = () => sesClient(sesame);
  for (const [local, types, check] of EXPECTED) {
    it(`${local}@: ${types.join(' → ')}`, async () => {
      const out = await v1().send(
        new V1SendEmail({
          Source: 'App <app@example.com>',
          Destination: { ToAddresses: [sim(local)] },
          ReturnPath: 'bounces@example.com',
          Message: { Subject: { Data: `v1 ${local}` }, Body: { Text: { Data: 'hi' } } },
        }),
      );
      const events = await eventsOf(out.MessageId!);
      expect(events.map((e) => e.eventType)).toEqual(types);
      check(events.at(-1)!);
      if (local === 'bounce') expect((await mailAbout(out.MessageId!, 'BounceNotification'))!.envelope.rcptTo).toEqual(['bounces@example.com']);
    });
  }

  it('SendRawEmail with EICAR in a base64 attachment is rejected after acceptance', async () => {
    const raw = [
      'From: app@example.com',
      'To: someone@example.com',
      'Subject: raw virus',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="x"',
      '',
      '--x',
      'Content-Type: text/plain',
      '',
      'see attached',
      '--x',
      'Content-Type: application/octet-stream; name="e.bin"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(EICAR).toString('base64'),
      '--x--',
      '',
    ].join('\r\n');
    const out = await v1().send(new SendRawEmailCommand({ RawMessage: { Data: new TextEncoder().encode(raw) } }));
    expect((await eventsOf(out.MessageId!)).map((e) => e.eventType)).toEqual(['Send', 'Reject']);
  });
});

describe('mailbox simulator over SMTP', () => {
  it('nodemailer to bounce@: 250 Ok <MessageId> (SES accepts, then bounces), DSN to the envelope sender', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: sesame.ports.smtp,
      requireTLS: true,
      tls: { rejectUnauthorized: false },
      auth: { user: 'AKIANODEMAILER', pass: 'pw' },
    });
    const info = await transport.sendMail({
      envelope: { from: 'bounces@example.com', to: [sim('bounce')] },
      from: 'App <app@example.com>',
      to: sim('bounce'),
      subject: 'smtp bounce',
      text: 'x',
    });
    transport.close();
    const id = /^250 Ok (\S+)$/.exec(info.response)![1];
    expect((await eventsOf(id)).map((e) => e.eventType)).toEqual(['Send', 'Bounce']);
    const dsn = await mailAbout(id, 'BounceNotification');
    expect(dsn!.envelope.rcptTo).toEqual(['bounces@example.com']);
    expect(dsn!.from).toEqual({ name: '', address: 'MAILER-DAEMON@amazonses.com' });
  });

  it.skipIf(!hasSwaks)('swaks to bounce@: 250 Ok, then a Bounce event' + (hasSwaks ? '' : ' (skipped: swaks is not installed)'), async () => {
    const { stdout } = await run(
      'swaks',
      ['--server', '127.0.0.1', '--port', String(sesame.ports.smtp), '--tls', '--auth', 'LOGIN', '--auth-user', 'AKIASWAKS', '--auth-password', 'pw',
        '--from', 'swaks@example.com', '--to', sim('bounce+swaks'), '--header', 'Subject: swaks bounce', '--body', 'x'],
      { encoding: 'utf8' },
    );
    const line = stdout.split('\n').find((l) => / 250 Ok [0-9a-f]{16}-/.test(l));
    expect(line).toBeDefined();
    const id = /250 Ok (\S+)/.exec(line!)![1];
    const events = await eventsOf(id);
    expect(events.map((e) => e.eventType)).toEqual(['Send', 'Bounce']);
    expect(events[1].bounce!.bouncedRecipients[0].emailAddress).toBe(sim('bounce+swaks'));
  });
});

describe.skipIf(!hasCli)('mailbox simulator with the AWS CLI' + (hasCli ? '' : ' (skipped: aws is not installed)'), () => {
  it('aws sesv2 send-email to complaint@ gets a MessageId; Delivery then Complaint follow', async () => {
    const env = awsPeerEnv('AKIACLI');
    const { stdout } = await run(
      'aws',
      ['sesv2', 'send-email', '--endpoint-url', sesame.urls.aws, '--from-email-address', 'cli@example.com',
        '--destination', `ToAddresses=${sim('complaint')}`,
        '--content', JSON.stringify({ Simple: { Subject: { Data: 'cli' }, Body: { Text: { Data: 'x' } } } }), '--output', 'json'],
      { env, encoding: 'utf8' },
    );
    const id = (JSON.parse(stdout) as { MessageId: string }).MessageId;
    expect((await eventsOf(id)).map((e) => e.eventType)).toEqual(['Send', 'Delivery', 'Complaint']);
  });
});
