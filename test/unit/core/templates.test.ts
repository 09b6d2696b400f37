// The templates capability through the engine: stored-template rules, TestRender (strict, complete MIME),
// templated sends (rendered like Simple content; a rendering failure is accepted and recorded as
// `Rendering Failure` with no delivery), the Send event quirks of templated sends, what the message keeps,
// and SendBulk's per-entry results.
import { describe, expect, it } from 'vitest';
import type { SendRequest, TemplateSendContent } from '../../../src-main/core/engine-api';
import { SesError } from '../../../src-main/core/errors';
import { MAX_MESSAGE_BYTES_V1, TEMPLATE_DATA_MAX_CHARS } from '../../../src-main/core/limits';
import { bulkStatusOf, mergeTemplateData } from '../../../src-main/core/sending/bulk';
import { makeEngine, NEW_ACCOUNT_RULES, v2Caller } from './helpers';

const WELCOME = { subject: 'Hello {{name}}', text: 'Dear {{name}}, you have {{count}} items.', html: '<h1>{{name}}</h1>{{#each items}}<li>{{this}}</li>{{/each}}' };

const thrown = (fn: () => unknown): SesError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof SesError) return e;
    throw e;
  }
  throw new Error('expected an SesError');
};

const templated = (content: Partial<TemplateSendContent>, over: Partial<SendRequest> = {}): SendRequest => ({
  caller: { ...v2Caller, door: 'ses', operation: 'SendTemplatedEmail' },
  from: 'sender@example.com',
  destination: { to: ['to@example.com'] },
  content: { kind: 'template', name: 'welcome', data: '{}', ...content },
  maxBytes: MAX_MESSAGE_BYTES_V1,
  ...over,
});

describe('stored templates', () => {
  it('create, get, update (replaces every part), list in creation order, delete', () => {
    const { engine, clock } = makeEngine();
    engine.templates.create('welcome', WELCOME);
    clock.advance(1000);
    engine.templates.create('second', { subject: 's', text: 't', html: null });
    expect(engine.templates.get('welcome').content).toEqual(WELCOME);
    engine.templates.update('welcome', { subject: 'New', text: null, html: '<p>x</p>' });
    expect(engine.templates.get('welcome').content).toEqual({ subject: 'New', text: null, html: '<p>x</p>' });
    expect(engine.templates.list().items.map((t) => t.name)).toEqual(['welcome', 'second']);
    expect(engine.templates.delete('welcome')).toBe(true);
    expect(engine.templates.delete('welcome')).toBe(false);
    expect(thrown(() => engine.templates.get('welcome'))).toMatchObject({ kind: 'TemplateDoesNotExist', message: 'Template welcome does not exist.' });
  });

  it('pages with an opaque token', () => {
    const { engine } = makeEngine();
    for (const n of ['a', 'b', 'c']) engine.templates.create(n, { subject: 's', text: 't', html: null });
    const first = engine.templates.list({ pageSize: 2 });
    expect(first.items.map((t) => t.name)).toEqual(['a', 'b']);
    const second = engine.templates.list({ pageSize: 2, nextToken: first.nextToken! });
    expect(second).toEqual({ items: [expect.objectContaining({ name: 'c' })], nextToken: null });
    expect(thrown(() => engine.templates.list({ nextToken: '!!' })).kind).toBe('InvalidParameterValue');
  });

  it('refuses a missing subject, no body, a bad name, a duplicate and bad syntax', () => {
    const { engine } = makeEngine();
    expect(thrown(() => engine.templates.create('t', { subject: null, text: 'x', html: null })).message).toBe('The subject must be specified.');
    expect(thrown(() => engine.templates.create('t', { subject: 's', text: null, html: null })).kind).toBe('InvalidParameterValue');
    expect(thrown(() => engine.templates.create('bad name', WELCOME)).kind).toBe('InvalidParameterValue');
    expect(thrown(() => engine.templates.create('t', { subject: 's', text: '{{#if}}', html: null })).kind).toBe('InvalidTemplate');
    engine.templates.create('t', WELCOME);
    expect(thrown(() => engine.templates.create('t', WELCOME)).kind).toBe('AlreadyExists');
    expect(thrown(() => engine.templates.update('nope', WELCOME)).kind).toBe('TemplateDoesNotExist');
  });

  it('reset removes every template', () => {
    const { engine } = makeEngine();
    engine.templates.create('t', WELCOME);
    engine.reset();
    expect(engine.templates.list().items).toEqual([]);
  });
});

describe('TestRender', () => {
  it('answers the complete MIME message: Subject, multipart/alternative with text and HTML', () => {
    const { engine } = makeEngine();
    engine.templates.create('welcome', WELCOME);
    const out = engine.templates.testRender({ name: 'welcome' }, JSON.stringify({ name: 'Ann', count: 2, items: ['a', 'b'] }));
    expect(out.subject).toBe('Hello Ann');
    expect(out.mime).toMatch(/^Subject: Hello Ann\r\n/m);
    expect(out.mime).toContain('Content-Type: multipart/alternative;');
    expect(out.mime).toContain('Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\nDear Ann, you have 2 items.');
    expect(out.mime).toContain('<h1>Ann</h1><li>a</li><li>b</li>');
  });

  it('fails synchronously: missing attribute, data that is not JSON, unknown template', () => {
    const { engine } = makeEngine();
    engine.templates.create('welcome', WELCOME);
    expect(thrown(() => engine.templates.testRender({ name: 'welcome' }, '{"name":"Ann"}'))).toMatchObject({
      kind: 'MissingRenderingAttribute',
      message: "Attribute 'count' is not present in the rendering data.",
    });
    expect(thrown(() => engine.templates.testRender({ name: 'welcome' }, '{bad')).kind).toBe('InvalidRenderingParameter');
    expect(thrown(() => engine.templates.testRender({ name: 'nope' }, '{}')).kind).toBe('TemplateDoesNotExist');
  });

  it('renders inline content too (the UI editor’s live preview)', () => {
    const { engine } = makeEngine();
    expect(engine.templates.testRender({ content: { subject: 'Hi {{a}}', text: null, html: '<b>{{a}}</b>' } }, '{"a":"<i>x</i>"}').html).toBe('<b><i>x</i></b>');
  });
});

describe('templated sends', () => {
  it('renders and delivers like Simple content; Send has no sourceArn and only From, To, MIME-Version', async () => {
    const { engine } = makeEngine();
    engine.templates.create('welcome', WELCOME);
    const data = JSON.stringify({ name: 'Ann', count: 1, items: ['x'] });
    const { messageId } = await engine.sending.send(templated({ data }));
    const m = (await engine.messages.get(messageId))!;
    expect(m.subject).toBe('Hello Ann');
    expect(m.text).toContain('Dear Ann, you have 1 items.');
    expect(m.html).toContain('<h1>Ann</h1>');
    expect(m.status).toBe('delivered');
    expect(m.template).toEqual({ name: 'welcome', data, content: WELCOME, failure: null });
    const send = m.events.find((e) => e.eventType === 'Send')!.payload as { mail: Record<string, unknown> };
    expect(send.mail).not.toHaveProperty('sourceArn');
    expect((send.mail.headers as { name: string }[]).map((h) => h.name)).toEqual(['From', 'To', 'MIME-Version']);
    expect((send.mail.tags as Record<string, string[]>)['ses:operation']).toEqual(['SendTemplatedEmail']);
  });

  it('missing data: accepted, Send + Rendering Failure, no delivery, status failed', async () => {
    const { engine } = makeEngine();
    engine.templates.create('welcome', WELCOME);
    const { messageId } = await engine.sending.send(templated({ data: '{"name":"Ann"}' }));
    const m = (await engine.messages.get(messageId))!;
    expect(m.events.map((e) => e.eventType)).toEqual(['Send', 'Rendering Failure']);
    expect(m.status).toBe('failed');
    expect((m.events[1]!.payload as Record<string, unknown>).failure).toEqual({
      templateName: 'welcome',
      errorMessage: "Attribute 'count' is not present in the rendering data.",
    });
    expect(m.template?.failure).toBe("Attribute 'count' is not present in the rendering data.");
  });

  it('data that is not JSON is a rendering failure too, not a refusal', async () => {
    const { engine } = makeEngine();
    engine.templates.create('welcome', WELCOME);
    const { messageId } = await engine.sending.send(templated({ data: '{oops' }));
    expect((await engine.messages.get(messageId))!.status).toBe('failed');
  });

  it('refuses synchronously: unknown template, oversized data, unverified sender (before rendering matters)', async () => {
    const { engine } = makeEngine();
    await expect(engine.sending.send(templated({ name: 'nope' }))).rejects.toMatchObject({ kind: 'TemplateDoesNotExist' });
    engine.templates.create('welcome', WELCOME);
    await expect(engine.sending.send(templated({ data: JSON.stringify({ x: 'a'.repeat(TEMPLATE_DATA_MAX_CHARS) }) }))).rejects.toMatchObject({ kind: 'InvalidParameterValue' });
    const strict = makeEngine({ account: NEW_ACCOUNT_RULES });
    strict.engine.templates.create('welcome', WELCOME);
    await expect(strict.engine.sending.send(templated({ data: '{}' }))).rejects.toMatchObject({ kind: 'MessageRejected' });
  });

  it('carries v2 Template.Attachments into the composed mail', async () => {
    const { engine } = makeEngine();
    engine.templates.create('welcome', WELCOME);
    const data = JSON.stringify({ name: 'Ann', count: 1, items: [] });
    const { messageId } = await engine.sending.send(
      templated({ data, attachments: [{ fileName: 'invoice.txt', content: Buffer.from('total 3'), contentType: 'text/plain' }] }),
    );
    const m = (await engine.messages.get(messageId))!;
    expect(m.attachments.map((a) => a.filename)).toEqual(['invoice.txt']);
    expect(m.html).toContain('<h1>Ann</h1>');
  });

  it('takes a template by ARN or inline content (v2)', async () => {
    const { engine } = makeEngine();
    engine.templates.create('welcome', WELCOME);
    const data = JSON.stringify({ name: 'Bo', count: 0, items: [] });
    const byArn = await engine.sending.send(templated({ name: undefined, arn: 'arn:aws:ses:us-east-1:123456789012:template/welcome', data }));
    expect((await engine.messages.get(byArn.messageId))!.subject).toBe('Hello Bo');
    const inline = await engine.sending.send(templated({ name: undefined, content: { subject: 'Inline {{name}}', text: 'x', html: null }, data }));
    const m = (await engine.messages.get(inline.messageId))!;
    expect(m.subject).toBe('Inline Bo');
    expect(m.template?.name).toBeNull();
  });

  it('keeps Template and TemplateData in LocalStack’s retrospection', async () => {
    const { engine } = makeEngine();
    engine.templates.create('welcome', WELCOME);
    const data = JSON.stringify({ name: 'Ann', count: 1, items: [] });
    const { messageId } = await engine.sending.send(templated({ data }));
    const [r] = await engine.messages.retrospection({ id: messageId });
    expect(r).toMatchObject({ Template: 'welcome', TemplateData: data, Subject: 'Hello Ann' });
  });
});

describe('bulk', () => {
  it('one send per entry in request order; a refused entry gets a status and SES’s text', async () => {
    const strict = makeEngine({ account: { ...NEW_ACCOUNT_RULES, maxSendRate: 1000 } });
    const { engine } = strict;
    engine.templates.create('welcome', WELCOME);
    // A new account is in the sandbox: the sender and `ok@` are verified, `stranger@` is not.
    for (const address of ['sender@example.com', 'ok@example.com']) {
      await engine.identities.verifyEmail(address);
      engine.identities.setVerificationStatus(address, 'SUCCESS');
    }
    const results = await engine.sending.sendBulk({
      base: {
        caller: { ...v2Caller, operation: 'SendBulkEmail' },
        from: 'sender@example.com',
        content: { kind: 'template', name: 'welcome', data: JSON.stringify({ name: 'Default', count: 1, items: [] }) },
        maxBytes: MAX_MESSAGE_BYTES_V1,
      },
      entries: [
        { destination: { to: ['ok@example.com'] }, replacementData: '{"name":"Ann"}' },
        { destination: { to: ['stranger@example.com'] } },
        { destination: { to: ['ok@example.com'] }, replacementData: '{}' },
      ],
    });
    expect(results.map((r) => r.status)).toEqual(['SUCCESS', 'MESSAGE_REJECTED', 'SUCCESS']);
    expect(results[1]!.error).toBe('Email address is not verified. The following identities failed the check in region US-EAST-1: stranger@example.com');
    expect((await engine.messages.get(results[0]!.messageId!))!.subject).toBe('Hello Ann');
    expect((await engine.messages.get(results[2]!.messageId!))!.subject).toBe('Hello Default');
  });

  it('ReplacementHeaders override template headers of the same name and add the others; tags merge likewise', async () => {
    const { engine } = makeEngine();
    engine.templates.create('welcome', WELCOME);
    const [r] = await engine.sending.sendBulk({
      base: {
        caller: { ...v2Caller, operation: 'SendBulkEmail' },
        from: 'sender@example.com',
        tags: [{ name: 'campaign', value: 'default' }, { name: 'keep', value: 'k' }],
        content: {
          kind: 'template',
          name: 'welcome',
          data: JSON.stringify({ name: 'Ann', count: 1, items: [] }),
          headers: [{ name: 'X-List', value: 'default' }, { name: 'X-Keep', value: 'kept' }],
        },
        maxBytes: MAX_MESSAGE_BYTES_V1,
      },
      entries: [
        {
          destination: { to: ['to@example.com'] },
          replacementHeaders: [{ name: 'x-list', value: 'entry' }, { name: 'X-Extra', value: 'added' }],
          replacementTags: [{ name: 'campaign', value: 'entry' }],
        },
      ],
    });
    const m = (await engine.messages.get(r!.messageId!))!;
    const header = (n: string) => m.headers.filter((h) => h.name.toLowerCase() === n).map((h) => h.value);
    expect(header('x-list')).toEqual(['entry']);
    expect(header('x-keep')).toEqual(['kept']);
    expect(header('x-extra')).toEqual(['added']);
    expect(m.tags.campaign).toEqual(['entry']);
    expect(m.tags.keep).toEqual(['k']);
  });

  it('a template that does not exist fails the whole call', async () => {
    const { engine } = makeEngine();
    await expect(
      engine.sending.sendBulk({
        base: { caller: v2Caller, from: 'a@example.com', content: { kind: 'template', name: 'nope', data: '{}' }, maxBytes: MAX_MESSAGE_BYTES_V1 },
        entries: [{ destination: { to: ['b@example.com'] } }],
      }),
    ).rejects.toMatchObject({ kind: 'TemplateDoesNotExist' });
  });

  it('maps SesError kinds onto SES’s bulk statuses', () => {
    expect(bulkStatusOf('MessageRejected')).toBe('MESSAGE_REJECTED');
    expect(bulkStatusOf('ConfigurationSetDoesNotExist')).toBe('CONFIGURATION_SET_NOT_FOUND');
    expect(bulkStatusOf('TemplateDoesNotExist')).toBe('TEMPLATE_NOT_FOUND');
    expect(bulkStatusOf('SendingRateExceeded')).toBe('ACCOUNT_THROTTLED');
    expect(bulkStatusOf('DailyQuotaExceeded')).toBe('ACCOUNT_DAILY_QUOTA_EXCEEDED');
    expect(bulkStatusOf('AccountSendingPaused')).toBe('ACCOUNT_SENDING_PAUSED');
    expect(bulkStatusOf('ConfigurationSetSendingPaused')).toBe('CONFIGURATION_SET_SENDING_PAUSED');
    expect(bulkStatusOf('InvalidParameterValue')).toBe('INVALID_PARAMETER');
    expect(bulkStatusOf('NotFound')).toBe('FAILED');
  });

  it('deep-merges replacement data over the defaults; {} keeps the defaults', () => {
    expect(JSON.parse(mergeTemplateData('{"a":{"x":1,"y":2},"b":[1]}', '{"a":{"y":3},"b":[2]}'))).toEqual({ a: { x: 1, y: 3 }, b: [2] });
    expect(mergeTemplateData('{"a":1}', '{}')).toBe('{"a":1}');
    expect(mergeTemplateData('{"a":1}', undefined)).toBe('{"a":1}');
  });
});
