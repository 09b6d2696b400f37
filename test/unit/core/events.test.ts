// Send then Delivery, in SES's event JSON (ses-facts §A.5.2), persisted with the message and emitted on
// the bus only after the commit.
import { describe, expect, it } from 'vitest';
import type { MessageSummary, SesEventRecord } from '../../../src-main/contract/messages';
import { createBus } from '../../../src-main/core/events/bus';
import { statusOf } from '../../../src-main/core/events/status';
import type { CallerContext } from '../../../src-main/core/engine-api';
import { collect, crlf, makeEngine, rawRequest, simpleRequest, smtpCaller } from './helpers';

const ID = '0100019b76daa800-00000000-0000-4000-8000-000000000001-000000';

describe('Send and Delivery events', () => {
  it('have the exact SES shape, field by field, with automatic and custom tags', async () => {
    const { engine, clock } = makeEngine();
    engine.configurationSets.create('tracking');
    const { messageId } = await engine.sending.send(
      simpleRequest({
        from: 'Sender <sender@example.com>',
        destination: { to: ['to@example.com'], cc: ['cc@example.com'], bcc: ['bcc@example.com'] },
        configurationSetName: 'tracking',
        tags: [{ name: 'campaign', value: 'launch' }],
      }),
    );
    clock.advance(1000);
    expect(messageId).toBe(ID);
    const [send, delivery] = (await engine.messages.get(ID))!.events;
    const mail = {
      timestamp: '2026-01-01T00:00:00.000Z',
      source: 'Sender <sender@example.com>',
      sourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/sender@example.com',
      sendingAccountId: '123456789012',
      messageId: ID,
      destination: ['to@example.com', 'cc@example.com', 'bcc@example.com'],
      headersTruncated: false,
      headers: [
        { name: 'From', value: 'Sender <sender@example.com>' },
        { name: 'To', value: 'to@example.com' },
        { name: 'Cc', value: 'cc@example.com' },
        { name: 'Subject', value: 'Hello' },
        { name: 'MIME-Version', value: '1.0' },
        { name: 'Content-Type', value: 'text/plain; charset=UTF-8' },
        { name: 'Content-Transfer-Encoding', value: '7bit' },
      ],
      commonHeaders: { from: ['Sender <sender@example.com>'], to: ['to@example.com'], cc: ['cc@example.com'], messageId: ID, subject: 'Hello' },
      tags: {
        'ses:operation': ['SendEmail'],
        'ses:configuration-set': ['tracking'],
        'ses:source-ip': ['10.0.0.7'],
        'ses:from-domain': ['example.com'],
        campaign: ['launch'],
        'ses:caller-identity': ['AKIATEST'],
      },
    };
    expect(send).toEqual({ id: expect.any(Number), messageId: ID, eventType: 'Send', timestamp: mail.timestamp, payload: { eventType: 'Send', mail, send: {} } });
    expect(JSON.stringify(send.payload)).toBe(JSON.stringify({ eventType: 'Send', mail, send: {} })); // key order too
    expect(delivery.eventType).toBe('Delivery');
    expect(delivery.payload).toEqual({
      eventType: 'Delivery',
      mail: { ...mail, tags: { ...mail.tags, 'ses:outgoing-ip': ['54.240.9.183'] } },
      delivery: {
        timestamp: '2026-01-01T00:00:00.000Z',
        processingTimeMillis: 0,
        recipients: ['to@example.com', 'cc@example.com', 'bcc@example.com'],
        smtpResponse: '250 2.0.0 OK',
        reportingMTA: 'a8-77.smtp-out.amazonses.com',
        remoteMtaIp: '127.0.0.1',
      },
    });
    expect(Object.keys((delivery.payload as { mail: { tags: object } }).mail.tags).at(-1)).toBe('ses:outgoing-ip');
    expect((await engine.messages.get(ID))!.status).toBe('delivered');
  });

  it('report a multipart Content-Type as SES does (two spaces before boundary)', async () => {
    const { engine } = makeEngine();
    await engine.sending.send(simpleRequest({ content: { kind: 'simple', subject: { data: 's' }, text: { data: 't' }, html: { data: '<b>h</b>' } } }));
    const { payload } = (await engine.messages.get(ID))!.events[0] as { payload: { mail: { headers: { name: string; value: string }[] } } };
    expect(payload.mail.headers.find((h) => h.name === 'Content-Type')!.value).toMatch(/^multipart\/alternative; {2}boundary="----=_Part_\d+_\d+\.\d+"$/);
  });

  it("name the verified identity that covers the sender in sourceArn; leave out ses:from-domain when From doesn't parse", async () => {
    const { engine } = makeEngine();
    engine.identities.verifyDomain('Example.com');
    const first = await engine.sending.send(simpleRequest({ from: 'news+weekly@mail.example.com' }));
    const { payload } = (await engine.messages.get(first.messageId))!.events[0] as { payload: { mail: { sourceArn: string } } };
    expect(payload.mail.sourceArn).toBe('arn:aws:ses:us-east-1:123456789012:identity/example.com');

    engine.identities.verifyEmail('news@mail.example.com');
    const second = await engine.sending.send(simpleRequest({ from: 'news+weekly@mail.example.com' }));
    const p2 = (await engine.messages.get(second.messageId))!.events[0].payload as { mail: { sourceArn: string } };
    expect(p2.mail.sourceArn).toBe('arn:aws:ses:us-east-1:123456789012:identity/news@mail.example.com');

    const raw = await engine.sending.send(rawRequest(crlf('From: undisclosed', 'To: b@example.com', '', 'x'), { from: 'envelope@example.com' }));
    const p3 = (await engine.messages.get(raw.messageId))!.events[0].payload as { mail: { tags: Record<string, string[]>; source: string } };
    expect(p3.mail.source).toBe('envelope@example.com');
    expect(p3.mail.tags).not.toHaveProperty('ses:from-domain');
    expect(p3.mail.tags['ses:operation']).toEqual(['SendRawEmail']);
  });

  it('mark headersTruncated past 10 KB of headers', async () => {
    const { engine } = makeEngine();
    const many = Array.from({ length: 200 }, (_, i) => `X-Filler-${i}: ${'v'.repeat(60)}`);
    const { messageId } = await engine.sending.send(rawRequest(crlf('From: a@example.com', 'To: b@example.com', ...many, '', 'x')));
    type H = { name: string; value: string };
    const { payload } = (await engine.messages.get(messageId))!.events[0] as { payload: { mail: { headersTruncated: boolean; headers: H[] } } };
    expect(payload.mail.headersTruncated).toBe(true);
    expect(payload.mail.headers.length).toBeLessThan(202);
    expect(payload.mail.headers.reduce((n, h) => n + h.name.length + h.value.length + 4, 0)).toBeLessThanOrEqual(10 * 1024);
    const small = await engine.sending.send(rawRequest(crlf('From: a@example.com', 'To: b@example.com', '', 'x')));
    const p2 = (await engine.messages.get(small.messageId))!.events[0].payload as { mail: { headersTruncated: boolean } };
    expect(p2.mail.headersTruncated).toBe(false);
  });

  it('are emitted after the commit: message.accepted, then event.recorded for Send and Delivery', async () => {
    const { engine } = makeEngine();
    const seen: string[] = [];
    const reads: Promise<string>[] = [];
    engine.bus.on('message.accepted', (m: MessageSummary) => {
      // Already readable when the event arrives: get() reads the store before its first await.
      const read = engine.messages.get(m.id);
      seen.push(`accepted ${m.id === ID}`);
      reads.push(read.then((d) => `read ${d?.status}`));
    });
    engine.bus.on('event.recorded', (e: SesEventRecord) => seen.push(`event ${e.eventType} ${e.messageId === ID}`));
    await engine.sending.send(simpleRequest());
    expect(seen).toEqual(['accepted true', 'event Send true', 'event Delivery true']);
    expect(await Promise.all(reads)).toEqual(['read delivered']);
  });

  it('a throwing listener is logged and neither fails the send nor starves other listeners', async () => {
    const { engine, logs } = makeEngine();
    engine.bus.on('message.accepted', () => {
      throw new Error('listener broke');
    });
    const seen = collect(engine);
    await expect(engine.sending.send(simpleRequest())).resolves.toEqual({ messageId: ID });
    expect(seen.map((s) => s.name)).toEqual(['message.accepted', 'event.recorded', 'event.recorded']);
    expect(logs).toHaveLength(1);
    expect(logs[0].message).toContain('message.accepted');
    expect((logs[0].err as Error).message).toBe('listener broke');
  });

  it('the SMTP door records SMTP session facts and its caller identity', async () => {
    const { engine } = makeEngine();
    const mime = crlf('From: Alice <a@example.com>', 'To: b@example.com', 'Subject: via smtp', '', 'x');
    const smtpSend = (caller: CallerContext) =>
      engine.sending.send(rawRequest(mime, { caller, from: 'bounce@mail.example.com', destination: { to: ['b@example.com', 'hidden@example.com'] } }));
    const { messageId } = await smtpSend(smtpCaller);
    const detail = (await engine.messages.get(messageId))!;
    expect([detail.door, detail.operation]).toEqual(['smtp', 'SendRawEmail']);
    expect(detail.smtp).toEqual({ remoteAddress: '127.0.0.1', clientHostname: 'localhost', secure: false, user: 'AKIASMTP', authMethod: 'PLAIN', authVerified: false });
    expect(detail.api).toBeNull();
    expect(detail.envelope).toEqual({ mailFrom: 'bounce@mail.example.com', rcptTo: ['b@example.com', 'hidden@example.com'] });
    const send = detail.events.find((e) => e.eventType === 'Send')!;
    const mail = (send.payload as { mail: { source: string; destination: string[]; tags: Record<string, string[]> } }).mail;
    expect([mail.source, mail.destination]).toEqual(['bounce@mail.example.com', ['b@example.com', 'hidden@example.com']]);
    expect(Object.entries(mail.tags)).toEqual([
      ['ses:operation', ['SendRawEmail']],
      ['ses:source-ip', ['127.0.0.1']],
      ['ses:from-domain', ['example.com']],
      ['ses:caller-identity', ['AKIASMTP']],
    ]);

    // Without AUTH there is no caller to name: SES's root identity.
    const anonymous = await smtpSend({ ...smtpCaller, accessKeyId: null, smtp: { ...smtpCaller.smtp!, user: null, authMethod: null } });
    const d2 = (await engine.messages.get(anonymous.messageId))!;
    expect(d2.smtp).toMatchObject({ user: null, authMethod: null });
    const p2 = d2.events[0].payload as { mail: { tags: Record<string, string[]> } };
    expect(p2.mail.tags['ses:caller-identity']).toEqual(['root']);
  });
});

describe('bus', () => {
  it('unsubscribes', () => {
    const bus = createBus(() => undefined);
    const got: unknown[] = [];
    const off = bus.on('messages.deleted', (p) => got.push(p));
    bus.emit('messages.deleted', { ids: 'all' });
    off();
    bus.emit('messages.deleted', { ids: ['x'] });
    expect(got).toEqual([{ ids: 'all' }]);
  });
});

describe('status from events', () => {
  it('is delivered after Delivery; a later Bounce wins; Open changes nothing', () => {
    expect(statusOf(['Send'])).toBe('accepted');
    expect(statusOf(['Send', 'Delivery'])).toBe('delivered');
    expect(statusOf(['Send', 'Delivery', 'Bounce'])).toBe('bounced');
    expect(statusOf(['Send', 'Bounce', 'Delivery'])).toBe('bounced');
    expect(statusOf(['Send', 'Delivery', 'Open'])).toBe('delivered');
    expect(statusOf(['Send', 'DeliveryDelay'])).toBe('delayed');
    expect(statusOf(['Send', 'Rendering Failure'])).toBe('failed');
  });
});
