// Open/click tracking in the engine: which sends are tracked (a set with an enabled OPEN/CLICK
// destination), the stored copy the recipient sees, and Open / Click recorded through the tracking API.
import { describe, expect, it } from 'vitest';
import type { DomainEvents } from '../../../src-main/core/engine-api';
import type { EventTypeName } from '../../../src-main/core/config-sets/api';
import { crlf, makeEngine, rawRequest, simpleRequest, smtpCaller, T0 } from './helpers';

const ORIGIN = 'http://127.0.0.1:4566';

function setup(types: EventTypeName[], enabled = true) {
  const t = makeEngine({ publicUrls: { aws: () => ORIGIN } });
  t.engine.configurationSets.create('tracked');
  t.engine.configurationSets.update('tracked', { eventDestinations: [{ name: 'd1', enabled, matchingEventTypes: types, sns: { topicArn: 'arn:aws:sns:us-east-1:123456789012:t' } }] });
  return t;
}

const HTML = '<html><body><p>Hi</p><a href="https://example.com/buy" ses:tags="product:book;">Buy</a><a ses:no-track href="https://example.com/keep">Keep</a></body></html>';

const htmlSend = (set: string | undefined) =>
  simpleRequest({ configurationSetName: set, content: { kind: 'simple', subject: { data: 'S' }, text: { data: 'See https://example.com/buy' }, html: { data: HTML } } });

async function storedHtml(engine: ReturnType<typeof makeEngine>['engine'], id: string): Promise<string> {
  const detail = await engine.messages.get(id);
  return detail?.html ?? '';
}

describe('tracking at send time', () => {
  it('adds the pixel and rewrites links for a set with OPEN and CLICK; the text part is untouched', async () => {
    const { engine } = setup(['OPEN', 'CLICK']);
    const { messageId } = await engine.sending.send(htmlSend('tracked'));
    const links = engine.tracking.links(messageId);
    expect(links.map((l) => l.link)).toEqual([null, 'https://example.com/buy']);
    expect(links[1].linkTags).toEqual({ product: ['book'] });
    const html = await storedHtml(engine, messageId);
    expect(html).toContain(`<a href="${ORIGIN}/_sesame/t/c/${links[1].token}">Buy</a>`);
    expect(html).toContain('<a href="https://example.com/keep">Keep</a>');
    expect(html).toContain(`<img alt="" src="${ORIGIN}/_sesame/t/o/${links[0].token}.gif" style="display: none; width: 1px; height: 1px;"></body>`);
    expect(html).not.toContain('ses:');
    expect((await engine.messages.get(messageId))?.text).toContain('See https://example.com/buy');
    const raw = (await engine.messages.raw(messageId))!;
    expect(engine.messages.list({}).items[0].size).toBe(raw.length);
  });

  it('OPEN only: a pixel and no rewritten links; CLICK only: links and no pixel', async () => {
    const open = setup(['OPEN']);
    const a = await open.engine.sending.send(htmlSend('tracked'));
    expect(open.engine.tracking.links(a.messageId).map((l) => l.link)).toEqual([null]);
    expect(await storedHtml(open.engine, a.messageId)).toContain('<a href="https://example.com/buy">Buy</a>');

    const click = setup(['CLICK', 'SEND']);
    const b = await click.engine.sending.send(htmlSend('tracked'));
    expect(click.engine.tracking.links(b.messageId).map((l) => l.link)).toEqual(['https://example.com/buy']);
    expect(await storedHtml(click.engine, b.messageId)).not.toContain('/_sesame/t/o/');
  });

  it('tracks nothing without a set, for a disabled destination, or one without OPEN/CLICK', async () => {
    for (const t of [setup(['OPEN', 'CLICK'], false), setup(['SEND', 'DELIVERY'])]) {
      const { messageId } = await t.engine.sending.send(htmlSend('tracked'));
      expect(t.engine.tracking.links(messageId)).toEqual([]);
      expect(await storedHtml(t.engine, messageId)).toContain('ses:tags');
    }
    const t = setup(['OPEN', 'CLICK']);
    const { messageId } = await t.engine.sending.send(htmlSend(undefined));
    expect(t.engine.tracking.links(messageId)).toEqual([]);
  });

  it('tracks raw mail (SMTP) with a quoted-printable HTML part named by X-SES-CONFIGURATION-SET', async () => {
    const { engine } = setup(['OPEN', 'CLICK']);
    const mime = crlf(
      'From: sender@example.com',
      'To: to@example.com',
      'Subject: raw',
      'X-SES-CONFIGURATION-SET: tracked',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="alt"',
      '',
      '--alt',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'plain https://example.com/x',
      '--alt',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<p>caf=C3=A9</p><a href=3D"http://example.com/x?a=3D1&amp;b=3D2">x</a>',
      '--alt--',
      '',
    );
    const { messageId } = await engine.sending.send(rawRequest(mime, { caller: smtpCaller }));
    const links = engine.tracking.links(messageId);
    expect(links.map((l) => l.link)).toEqual([null, 'http://example.com/x?a=1&b=2']);
    const detail = await engine.messages.get(messageId);
    expect(detail?.html).toContain('<p>café</p>');
    expect(detail?.html).toContain(`/_sesame/t/c/${links[1].token}`);
    expect(detail?.text?.trim()).toBe('plain https://example.com/x');
  });
});

describe('recording opens and clicks', () => {
  it('records Open and Click with the client, the link and its tags, emitting event.recorded and message.updated', async () => {
    const { engine, clock } = setup(['OPEN', 'CLICK']);
    const { messageId } = await engine.sending.send(htmlSend('tracked'));
    const [pixel, link] = engine.tracking.links(messageId);
    const seen: (keyof DomainEvents)[] = [];
    engine.bus.on('event.recorded', () => seen.push('event.recorded'));
    engine.bus.on('message.updated', () => seen.push('message.updated'));
    const before = engine.messages.list({}).items[0].status;

    clock.advance(60_000);
    expect(engine.tracking.open(pixel.token, { ipAddress: '192.0.2.1', userAgent: 'UA/1' })).toEqual({ recorded: true });
    clock.advance(1_000);
    expect(engine.tracking.click(link.token, { ipAddress: '192.0.2.2', userAgent: 'UA/2' })).toEqual({ link: 'https://example.com/buy', recorded: true });
    expect(seen).toEqual(['event.recorded', 'message.updated', 'event.recorded', 'message.updated']);

    const events = (await engine.messages.get(messageId))!.events;
    const open = events.find((e) => e.eventType === 'Open')!.payload as Record<string, unknown>;
    const click = events.find((e) => e.eventType === 'Click')!.payload as Record<string, unknown>;
    expect(open.eventType).toBe('Open');
    expect((open.mail as { messageId: string }).messageId).toBe(messageId);
    expect(open.open).toEqual({ ipAddress: '192.0.2.1', timestamp: new Date(T0 + 60_000).toISOString(), userAgent: 'UA/1' });
    expect(click.click).toEqual({
      ipAddress: '192.0.2.2',
      link: 'https://example.com/buy',
      linkTags: { product: ['book'] },
      timestamp: new Date(T0 + 61_000).toISOString(),
      userAgent: 'UA/2',
    });
    // Engagement does not change the status.
    expect(engine.messages.list({}).items[0].status).toBe(before);
  });

  it('answers null for unknown tokens and for a pixel token used as a link (and vice versa)', async () => {
    const { engine } = setup(['OPEN', 'CLICK']);
    const { messageId } = await engine.sending.send(htmlSend('tracked'));
    const [pixel, link] = engine.tracking.links(messageId);
    const client = { ipAddress: '1.2.3.4', userAgent: '' };
    expect(engine.tracking.open('nope', client)).toBeNull();
    expect(engine.tracking.click(pixel.token, client)).toBeNull();
    expect(engine.tracking.open(link.token, client)).toBeNull();
  });

  it('forgets the tokens of deleted messages', async () => {
    const { engine } = setup(['OPEN', 'CLICK']);
    const { messageId } = await engine.sending.send(htmlSend('tracked'));
    const [pixel] = engine.tracking.links(messageId);
    engine.messages.delete([messageId]);
    expect(engine.tracking.links(messageId)).toEqual([]);
    expect(engine.tracking.open(pixel.token, { ipAddress: '1.2.3.4', userAgent: '' })).toBeNull();
  });
});

describe('mail without HTML', () => {
  it('is stored as sent and gets no tokens', async () => {
    const { engine } = setup(['OPEN', 'CLICK']);
    const { messageId } = await engine.sending.send(simpleRequest({ configurationSetName: 'tracked' }));
    expect(engine.tracking.links(messageId)).toEqual([]);
    expect((await engine.messages.raw(messageId))!.toString()).not.toContain('/_sesame/t/');
  });
});

describe('templated sends', () => {
  it('track the rendered HTML (links that come from the data too)', async () => {
    const { engine } = setup(['OPEN', 'CLICK']);
    const { messageId } = await engine.sending.send(
      simpleRequest({
        configurationSetName: 'tracked',
        content: {
          kind: 'template',
          content: { subject: 'Hi {{name}}', text: 'Hi {{name}}', html: '<body><a href="{{url}}" ses:tags="campaign:{{campaign}};">Open</a></body>' },
          data: JSON.stringify({ name: 'Ann', url: 'https://example.com/t?u=ann', campaign: 'spring' }),
        },
      }),
    );
    const links = engine.tracking.links(messageId);
    expect(links.map((l) => [l.link, l.linkTags])).toEqual([
      [null, {}],
      ['https://example.com/t?u=ann', { campaign: ['spring'] }],
    ]);
    expect(await storedHtml(engine, messageId)).toContain(`<a href="${ORIGIN}/_sesame/t/c/${links[1].token}">Open</a>`);
  });
});
