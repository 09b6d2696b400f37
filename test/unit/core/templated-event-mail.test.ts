// A templated send's events report different `mail` headers (ses-facts §A.5.2, LocalStack's AWS snapshot):
// Send only From, To, MIME-Version; Delivery the rendered Date, Subject, Content-Type and
// Content-Transfer-Encoding too; Rendering Failure no headers beyond `headersTruncated`. The store keeps one
// `mail` per message and a per-event override (migration 009 turned the old tag-only column into it).
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { SendRequest, TemplateSendContent } from '../../../src-main/core/engine-api';
import { MAX_MESSAGE_BYTES_V1 } from '../../../src-main/core/limits';
import { MIGRATIONS, migrate } from '../../../src-main/core/store/database';
import { makeEngine, v2Caller } from './helpers';

const templated = (content: Partial<TemplateSendContent>): SendRequest => ({
  caller: { ...v2Caller, door: 'ses', operation: 'SendTemplatedEmail' },
  from: 'sender@example.com',
  destination: { to: ['to@example.com'] },
  content: { kind: 'template', name: 'hello', data: '{}', ...content },
  maxBytes: MAX_MESSAGE_BYTES_V1,
});

type Mail = Record<string, unknown>;
const mailOf = (payload: unknown) => (payload as { mail: Mail }).mail;

describe('templated sends: per-event mail headers', () => {
  it('Send, Delivery and the event stream report exactly the snapshot headers', async () => {
    const { engine } = makeEngine();
    engine.templates.create('hello', { subject: 'Hi {{name}}', text: 'Dear {{name}}', html: null });
    const { messageId } = await engine.sending.send(templated({ data: '{"name":"Ann"}' }));
    const m = (await engine.messages.get(messageId))!;
    expect(m.events.map((e) => e.eventType)).toEqual(['Send', 'Delivery']);
    const [send, delivery] = m.events.map((e) => mailOf(e.payload));
    const date = (delivery!.headers as { name: string; value: string }[])[0]!.value;
    expect(date).toMatch(/^\w{3}, \d{1,2} \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}$/);
    const base = {
      timestamp: new Date(m.receivedAt).toISOString(),
      source: 'sender@example.com',
      sendingAccountId: '123456789012',
      messageId,
      destination: ['to@example.com'],
      headersTruncated: false,
    };
    expect(send).toEqual({
      ...base,
      headers: [
        { name: 'From', value: 'sender@example.com' },
        { name: 'To', value: 'to@example.com' },
        { name: 'MIME-Version', value: '1.0' },
      ],
      commonHeaders: { from: ['sender@example.com'], to: ['to@example.com'], messageId },
      tags: send!.tags,
    });
    expect(Object.keys(send!)).toEqual(['timestamp', 'source', 'sendingAccountId', 'messageId', 'destination', 'headersTruncated', 'headers', 'commonHeaders', 'tags']);
    expect(delivery).toEqual({
      ...base,
      headers: [
        { name: 'Date', value: date },
        { name: 'From', value: 'sender@example.com' },
        { name: 'To', value: 'to@example.com' },
        { name: 'Subject', value: 'Hi Ann' },
        { name: 'MIME-Version', value: '1.0' },
        { name: 'Content-Type', value: 'text/plain; charset=UTF-8' },
        { name: 'Content-Transfer-Encoding', value: '7bit' },
      ],
      commonHeaders: { from: ['sender@example.com'], date, to: ['to@example.com'], messageId, subject: 'Hi Ann' },
      tags: { ...(send!.tags as object), 'ses:outgoing-ip': expect.any(Array) as unknown },
    });
    // The event stream assembles the same JSON from the same rows.
    const stream = engine.eventLog.recent({ limit: 10 }).items.filter((e) => e.messageId === messageId);
    expect(Object.fromEntries(stream.map((e) => [e.eventType, mailOf(e.payload)]))).toEqual({ Send: send, Delivery: delivery });
  });

  it('Rendering Failure: no headers, no commonHeaders, headersTruncated kept; its Send still has the three', async () => {
    const { engine } = makeEngine();
    engine.templates.create('hello', { subject: 'Hi {{name}}', text: 'Dear {{name}}', html: null });
    const { messageId } = await engine.sending.send(templated({ data: '{}' }));
    const m = (await engine.messages.get(messageId))!;
    expect(m.events.map((e) => e.eventType)).toEqual(['Send', 'Rendering Failure']);
    const failure = mailOf(m.events[1]!.payload);
    expect(Object.keys(failure)).toEqual(['timestamp', 'source', 'sendingAccountId', 'messageId', 'destination', 'headersTruncated', 'tags']);
    expect(failure.headersTruncated).toBe(false);
    expect((mailOf(m.events[0]!.payload).headers as { name: string }[]).map((h) => h.name)).toEqual(['From', 'To', 'MIME-Version']);
  });

  it('Simple sends are untouched: Send and Delivery differ only in the outgoing-ip tag', async () => {
    const { engine } = makeEngine();
    const { messageId } = await engine.sending.send({
      caller: v2Caller,
      from: 'sender@example.com',
      destination: { to: ['to@example.com'] },
      content: { kind: 'simple', subject: { data: 'S' }, text: { data: 'T' } },
      maxBytes: MAX_MESSAGE_BYTES_V1,
    });
    const [send, delivery] = (await engine.messages.get(messageId))!.events.map((e) => mailOf(e.payload));
    expect({ ...delivery, tags: send!.tags }).toEqual(send);
  });

  it('migration 009 keeps old Delivery tag rows readable as a {tags} override', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < 9));
    db.prepare("INSERT INTO events (id, message_id, event_type, timestamp, body_json, mail_tags_json) VALUES (1, 'm', 'Delivery', 0, '{}', ?)").run(
      JSON.stringify({ 'ses:outgoing-ip': ['1.2.3.4'] }),
    );
    migrate(db);
    expect(JSON.parse(db.prepare('SELECT mail_override_json FROM events WHERE id = 1').pluck().get() as string)).toEqual({
      tags: { 'ses:outgoing-ip': ['1.2.3.4'] },
    });
  });
});
