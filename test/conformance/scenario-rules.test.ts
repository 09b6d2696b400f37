// QA scenario rules driven the way a test suite would: rules over the automation HTTP API
// (`/_sesame/scenario-rules`), mail through real clients (@aws-sdk/client-sesv2, @aws-sdk/client-ses,
// nodemailer), Sesame's clock moved with POST /_sesame/time/advance, events read back from the engine.
import { SendEmailCommand as V1SendEmail } from '@aws-sdk/client-ses';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sesClient, sesv2Client } from '../helpers/sdk-clients';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';

let sesame: TestSesame;
beforeAll(async () => {
  sesame = await startTestSesame();
});
afterAll(async () => {
  await sesame?.cleanup();
});
beforeEach(async () => {
  expect((await api('DELETE', '/_sesame/scenario-rules')).status).toBe(204);
});

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${sesame.urls.aws}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

const advance = (duration: string) => api('POST', '/_sesame/time/advance', { duration });
const types = async (id: string) => (await sesame.engine.messages.get(id))!.events.map((e) => e.eventType);
const payloads = async (id: string) => (await sesame.engine.messages.get(id))!.events.map((e) => e.payload as Record<string, Record<string, unknown>>);

async function sendV2(to: string) {
  const out = await sesv2Client(sesame).send(
    new SendEmailCommand({ FromEmailAddress: 'qa@example.com', Destination: { ToAddresses: [to] }, Content: { Simple: { Subject: { Data: 'qa' }, Body: { Text: { Data: 'x' } } } } }),
  );
  return out.MessageId!;
}

describe('scenario rules over the automation API', () => {
  it('CRUD: create with defaults (201), get, update (PUT), reorder, delete (204), 404 for unknown ids', async () => {
    const created = await api('POST', '/_sesame/scenario-rules', { match: { kind: 'glob', pattern: '*@qa.example.com' }, action: { kind: 'hard-bounce' } });
    expect(created.status).toBe(201);
    const a = created.body!;
    expect(a).toMatchObject({ name: '*@qa.example.com', enabled: true, action: { kind: 'hard-bounce', bounceSubType: 'General', status: '5.1.1' } });
    const b = (await api('POST', '/_sesame/scenario-rules', { name: 'first', position: 0, match: { kind: 'domain', pattern: 'x.test' }, action: { kind: 'reject' } })).body!;
    expect(((await api('GET', '/_sesame/scenario-rules')).body!.rules as { id: string }[]).map((r) => r.id)).toEqual([b.id, a.id]);
    expect((await api('GET', `/_sesame/scenario-rules/${a.id as string}`)).body).toEqual(a);

    const put = await api('PUT', `/_sesame/scenario-rules/${a.id as string}`, { enabled: false });
    expect(put).toEqual({ status: 200, body: { ...a, enabled: false } });
    const reordered = await api('POST', '/_sesame/scenario-rules/reorder', { ids: [a.id, b.id] });
    expect((reordered.body!.rules as { id: string }[]).map((r) => r.id)).toEqual([a.id, b.id]);

    expect((await api('DELETE', `/_sesame/scenario-rules/${b.id as string}`)).status).toBe(204);
    expect(await api('DELETE', `/_sesame/scenario-rules/${b.id as string}`)).toMatchObject({ status: 404, body: { code: 'NotFoundException' } });
    expect(await api('PUT', '/_sesame/scenario-rules/nope', { enabled: true })).toMatchObject({ status: 404, body: { code: 'NotFoundException', message: 'Scenario rule nope does not exist.' } });
  });

  it('answers bad rules with 400 and a message naming the member', async () => {
    expect(await api('POST', '/_sesame/scenario-rules', { match: { kind: 'regex', pattern: '[' }, action: { kind: 'reject' } })).toMatchObject({
      status: 400,
      body: { code: 'BadRequestException', message: expect.stringMatching(/^Invalid scenario rule: match\.pattern is not a valid regular expression/) },
    });
    expect(await api('POST', '/_sesame/scenario-rules', { match: { kind: 'domain', pattern: 'x.test' }, action: { kind: 'soft-bounce', retries: 500 } })).toMatchObject({
      status: 400,
      body: { message: 'Invalid scenario rule: action.retries must be a whole number from 1 to 50.' },
    });
    expect(await api('POST', '/_sesame/scenario-rules', { match: { kind: 'domain', pattern: 'x.test' }, action: { kind: 'reject' }, colour: 'red' })).toMatchObject({ status: 400 });
    expect((await api('GET', '/_sesame/scenario-rules')).body).toEqual({ rules: [] });
  });

  it('hard-bounce via SES v2: Bounce now, the address lands on the suppression list (GetSuppressedDestination sees it)', async () => {
    await api('POST', '/_sesame/scenario-rules', { match: { kind: 'address', pattern: 'gone@qa.example.com' }, action: { kind: 'hard-bounce', bounceSubType: 'NoEmail' } });
    const id = await sendV2('gone@qa.example.com');
    expect(await types(id)).toEqual(['Send', 'Bounce']);
    expect((await payloads(id))[1].bounce).toMatchObject({ bounceType: 'Permanent', bounceSubType: 'NoEmail' });
    expect(sesame.engine.suppression.get('gone@qa.example.com')).toMatchObject({ reason: 'BOUNCE', messageId: id });
    sesame.engine.suppression.delete('gone@qa.example.com');
  });

  it('soft-bounce via SES v1 with time travel: DeliveryDelay now, another after 10 minutes, a Transient bounce at the end', async () => {
    await api('POST', '/_sesame/scenario-rules', {
      match: { kind: 'glob', pattern: 'full-*@qa.example.com' },
      action: { kind: 'soft-bounce', bounceSubType: 'MailboxFull', retries: 2, retryIntervalSeconds: 600 },
    });
    const out = await sesClient(sesame).send(
      new V1SendEmail({ Source: 'qa@example.com', Destination: { ToAddresses: ['full-1@qa.example.com'] }, Message: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } }),
    );
    const id = out.MessageId!;
    expect(await types(id)).toEqual(['Send', 'DeliveryDelay']);
    expect(await advance('9m')).toMatchObject({ status: 200, body: { ran: 0 } });
    expect(await advance('1m')).toMatchObject({ status: 200, body: { ran: 1 } });
    expect(await types(id)).toEqual(['Send', 'DeliveryDelay', 'DeliveryDelay']);
    expect((await advance('10m')).body).toMatchObject({ ran: 1 });
    expect(await types(id)).toEqual(['Send', 'DeliveryDelay', 'DeliveryDelay', 'Bounce']);
    expect((await payloads(id))[3].bounce).toMatchObject({ bounceType: 'Transient', bounceSubType: 'MailboxFull' });
    expect((await sesame.engine.messages.get(id))!.status).toBe('bounced');
  });

  it('complain via SMTP (nodemailer): Delivery now, Complaint an hour later in Sesame time', async () => {
    await api('POST', '/_sesame/scenario-rules', { match: { kind: 'domain', pattern: 'grumpy.test' }, action: { kind: 'complain', delaySeconds: 3600 } });
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sesame.ports.smtp, requireTLS: true, tls: { rejectUnauthorized: false }, auth: { user: 'AKIAQA', pass: 'pw' } });
    const info = await transport.sendMail({ from: 'qa@example.com', to: 'someone@grumpy.test', subject: 'smtp complaint', text: 'x' });
    transport.close();
    const id = /^250 Ok (\S+)$/.exec(info.response)![1];
    expect(await types(id)).toEqual(['Send', 'Delivery']);
    expect((await advance('1h')).body).toMatchObject({ ran: 1 });
    expect(await types(id)).toEqual(['Send', 'Delivery', 'Complaint']);
    expect((await payloads(id))[2].complaint).toMatchObject({ complaintFeedbackType: 'abuse', complainedRecipients: [{ emailAddress: 'someone@grumpy.test' }] });
    sesame.engine.suppression.delete('someone@grumpy.test');
  });

  it('delay and reject via SES v2; a disabled rule does nothing', async () => {
    await api('POST', '/_sesame/scenario-rules', { match: { kind: 'address', pattern: 'later@qa.example.com' }, action: { kind: 'delay', delaySeconds: 120 } });
    await api('POST', '/_sesame/scenario-rules', { match: { kind: 'regex', pattern: '^blocked' }, action: { kind: 'reject' } });
    await api('POST', '/_sesame/scenario-rules', { enabled: false, match: { kind: 'address', pattern: 'free@qa.example.com' }, action: { kind: 'reject' } });
    const later = await sendV2('later@qa.example.com');
    const blocked = await sendV2('blocked@qa.example.com');
    const free = await sendV2('free@qa.example.com');
    expect(await types(later)).toEqual(['Send']);
    expect(await types(blocked)).toEqual(['Send', 'Reject']);
    expect(await types(free)).toEqual(['Send', 'Delivery']);
    await advance('2m');
    expect(await types(later)).toEqual(['Send', 'Delivery']);
  });
});
