// Open and click tracking end to end (ses-facts §A.13, §A.5.2): a configuration set with an OPEN/CLICK
// event destination, mail sent through it with @aws-sdk/client-sesv2 (Simple HTML) and over SMTP
// (nodemailer, raw MIME with a quoted-printable HTML part), the tracked HTML as stored, then the pixel and a
// link fetched over HTTP like a mail client would — and the Open / Click events' JSON on the message.
import { beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import {
  CreateConfigurationSetCommand,
  CreateConfigurationSetEventDestinationCommand,
  SendEmailCommand,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import { useSdkSesame } from '../helpers/sdk-sesame';
import type { TestSesame } from '../helpers/start-headless';

let sesame: TestSesame;
let v2: SESv2Client;
useSdkSesame((t) => ({ sesame, v2 } = t));
beforeAll(async () => {
  await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'tracked' }));
  const destination = { Enabled: true, MatchingEventTypes: ['OPEN' as const, 'CLICK' as const], EventBridgeDestination: { EventBusArn: `arn:aws:events:${sesame.config.region}:${sesame.config.accountId}:event-bus/default` } };
  await v2.send(new CreateConfigurationSetEventDestinationCommand({ ConfigurationSetName: 'tracked', EventDestinationName: 'engagement', EventDestination: destination }));
});

const UA = 'Mozilla/5.0 (Sesame conformance) TrackingTest/1.0';
const PIXEL = /<img alt="" src="([^"]+\/_sesame\/t\/o\/[A-Za-z0-9_-]+\.gif)" style="display: none; width: 1px; height: 1px;">/;
const LINK = (text: string) => new RegExp(`<a href="([^"]+/_sesame/t/c/[A-Za-z0-9_-]+)"[^>]*>${text}</a>`);

async function eventsOf(id: string, type: string) {
  const detail = await sesame.engine.messages.get(id);
  return detail!.events.filter((e) => e.eventType === type).map((e) => e.payload as Record<string, unknown>);
}

describe('open and click tracking with @aws-sdk/client-sesv2 (Simple HTML)', () => {
  let messageId: string;
  let html: string;
  beforeAll(async () => {
    const out = await v2.send(
      new SendEmailCommand({
        FromEmailAddress: 'news@example.com',
        Destination: { ToAddresses: ['reader@example.com'] },
        ConfigurationSetName: 'tracked',
        Content: {
          Simple: {
            Subject: { Data: 'Tracked' },
            Body: {
              Text: { Data: 'Read https://example.com/article' },
              Html: {
                Data:
                  '<html><body><h1>News</h1><a href="https://example.com/article?id=7&amp;src=mail" ses:tags="section:news;">Read</a> ' +
                  '<a ses:no-track href="https://example.com/private">Private</a> <a href="mailto:help@example.com">Help</a></body></html>',
              },
            },
          },
        },
      }),
    );
    messageId = out.MessageId!;
    html = (await sesame.engine.messages.get(messageId))!.html!;
  });

  it('stores the HTML with the pixel at the bottom and the tracked link rewritten; others are left alone', () => {
    expect(html).toMatch(new RegExp(`${PIXEL.source}</body>`));
    expect(PIXEL.exec(html)![1].startsWith(`${sesame.urls.aws.replace(/\/$/, '')}/_sesame/t/o/`)).toBe(true);
    expect(html).toMatch(LINK('Read'));
    expect(html).toContain('<a href="https://example.com/private">Private</a>');
    expect(html).toContain('<a href="mailto:help@example.com">Help</a>');
    expect(html).not.toContain('ses:');
  });

  it('GET on the pixel serves a 1×1 GIF and records Open {ipAddress, timestamp, userAgent}', async () => {
    const res = await fetch(PIXEL.exec(html)![1], { headers: { 'user-agent': UA } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/gif');
    expect(res.headers.get('cache-control')).toContain('no-store');
    const gif = Buffer.from(await res.arrayBuffer());
    expect(gif.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect([gif.readUInt16LE(6), gif.readUInt16LE(8)]).toEqual([1, 1]);

    const [open] = await eventsOf(messageId, 'Open');
    expect(Object.keys(open)).toEqual(['eventType', 'mail', 'open']);
    expect(open.eventType).toBe('Open');
    expect((open.mail as { messageId: string; tags: Record<string, string[]> }).messageId).toBe(messageId);
    expect((open.mail as { tags: Record<string, string[]> }).tags['ses:configuration-set']).toEqual(['tracked']);
    const o = open.open as { ipAddress: string; timestamp: string; userAgent: string };
    expect(Object.keys(o)).toEqual(['ipAddress', 'timestamp', 'userAgent']);
    expect(o).toMatchObject({ ipAddress: '127.0.0.1', userAgent: UA });
    expect(Math.abs(Date.parse(o.timestamp) - sesame.engine.time.now())).toBeLessThan(60_000);
  });

  it('GET on the link redirects (302) to the original and records Click with link and linkTags', async () => {
    const res = await fetch(LINK('Read').exec(html)![1], { redirect: 'manual', headers: { 'user-agent': UA } });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://example.com/article?id=7&src=mail');
    const [click] = await eventsOf(messageId, 'Click');
    expect(click.eventType).toBe('Click');
    const c = click.click as Record<string, unknown>;
    expect(Object.keys(c)).toEqual(['ipAddress', 'link', 'linkTags', 'timestamp', 'userAgent']);
    expect(c).toMatchObject({ ipAddress: '127.0.0.1', link: 'https://example.com/article?id=7&src=mail', linkTags: { section: ['news'] }, userAgent: UA });
    // Engagement leaves the message's status as it was.
    expect((await sesame.engine.messages.get(messageId))!.status).toBe('delivered');
  });

  it('HEAD records nothing; an unknown token is 404', async () => {
    const before = (await eventsOf(messageId, 'Open')).length;
    const head = await fetch(PIXEL.exec(html)![1], { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect((await eventsOf(messageId, 'Open')).length).toBe(before);
    const unknown = await fetch(`${sesame.urls.aws.replace(/\/$/, '')}/_sesame/t/c/AAAAAAAAAAAAAAAAAAAAAA`, { redirect: 'manual' });
    expect(unknown.status).toBe(404);
  });
});

describe('open and click tracking over SMTP (nodemailer, raw quoted-printable HTML)', () => {
  it('tracks the HTML part of raw mail naming the set in X-SES-CONFIGURATION-SET; the text part is untouched', async () => {
    const t = nodemailer.createTransport({ host: '127.0.0.1', port: sesame.ports.smtp, requireTLS: true, tls: { rejectUnauthorized: false }, auth: { user: 'AKIASMTP', pass: 'x' } });
    let id: string;
    try {
      const info = await t.sendMail({
        from: 'shop@example.com',
        to: 'buyer@example.com',
        subject: 'Deals',
        headers: { 'X-SES-CONFIGURATION-SET': 'tracked' },
        text: 'Deals at https://shop.example.com/deals',
        html: `<p>Prix spéciaux ${'é'.repeat(60)}</p><a href="https://shop.example.com/deals" ses:tags="product:book;genre:fiction;">Deals</a>`,
      });
      id = /^250 Ok (\S+)$/.exec(info.response)![1];
    } finally {
      t.close();
    }
    const raw = (await sesame.engine.messages.raw(id))!.toString('latin1');
    expect(raw).toMatch(/Content-Type: text\/html[\s\S]*?Content-Transfer-Encoding: quoted-printable/i);
    expect(raw).not.toContain('X-SES-CONFIGURATION-SET');
    const detail = (await sesame.engine.messages.get(id))!;
    expect(detail.text).toContain('Deals at https://shop.example.com/deals');
    expect(detail.html).toContain(`<p>Prix spéciaux ${'é'.repeat(60)}</p>`);
    const link = LINK('Deals').exec(detail.html!)![1];
    expect(detail.html).toMatch(PIXEL);

    const res = await fetch(link, { redirect: 'manual', headers: { 'user-agent': UA } });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://shop.example.com/deals');
    const [click] = await eventsOf(id, 'Click');
    expect(click.click).toMatchObject({ link: 'https://shop.example.com/deals', linkTags: { product: ['book'], genre: ['fiction'] }, userAgent: UA });
    expect((click.mail as { messageId: string }).messageId).toBe(id);
  });
});
