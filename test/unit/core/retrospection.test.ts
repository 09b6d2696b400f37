// LocalStack's `/_aws/ses` shape (ses-facts §B.2): Simple sends report Subject/Body, raw sends RawData.
import { describe, expect, it } from 'vitest';
import type { SimpleContent } from '../../../src-main/core/engine-api';
import { collect, crlf, makeEngine, rawRequest, simpleRequest } from './helpers';

describe('retrospection', () => {
  it('reports Simple and raw sends in LocalStack\'s shape, oldest first, with filters', async () => {
    const { engine, clock } = makeEngine();
    const simple = await engine.sending.send(
      simpleRequest({
        from: 'one@example.com',
        destination: { to: ['to@example.com'], cc: ['cc@example.com'], bcc: ['bcc@example.com'] },
        content: { kind: 'simple', subject: { data: 'retro' }, text: { data: 'text part' }, html: { data: '<b>html part</b>' } },
      }),
    );
    clock.advance(5);
    const raw = await engine.sending.send(
      rawRequest(crlf('From: Two <two@example.com>', 'To: t@example.com', 'Subject: r', '', 'raw'), { destination: { to: ['t@example.com', 'x@example.com'] } }),
    );
    const all = await engine.messages.retrospection({});
    expect(all).toEqual([
      {
        Id: simple.messageId,
        Region: 'us-east-1',
        Timestamp: '2026-01-01T00:00:00.000Z',
        Source: 'one@example.com',
        Destination: { ToAddresses: ['to@example.com'], CcAddresses: ['cc@example.com'], BccAddresses: ['bcc@example.com'] },
        Subject: 'retro',
        Body: { text_part: 'text part', html_part: '<b>html part</b>' },
      },
      {
        Id: raw.messageId,
        Region: 'us-east-1',
        Timestamp: '2026-01-01T00:00:00.005Z',
        Source: 'two@example.com',
        Destination: { ToAddresses: ['t@example.com'], CcAddresses: [], BccAddresses: ['x@example.com'] },
        RawData: (await engine.messages.raw(raw.messageId))!.toString(),
      },
    ]);
    expect(all[1].RawData).toContain('Subject: r\r\n');
    expect((await engine.messages.retrospection({ id: raw.messageId })).map((m) => m.Id)).toEqual([raw.messageId]);
    expect((await engine.messages.retrospection({ email: 'one@example.com' })).map((m) => m.Id)).toEqual([simple.messageId]);
    expect(await engine.messages.retrospection({ email: 'nobody@example.com' })).toEqual([]);
    expect(await engine.messages.retrospection({ id: simple.messageId, email: 'two@example.com' })).toEqual([]);
  });

  it('reports Body parts as sent: HTML with cid: links and attachments, text alone, HTML alone', async () => {
    const { engine } = makeEngine();
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const html = '<p>Hi <img src="cid:logo"></p>';
    const attachments = [
      { fileName: 'logo.png', content: png, contentType: 'image/png', contentDisposition: 'INLINE' as const, contentId: '<logo>' },
      { fileName: 'a.txt', content: Buffer.from('attached text'), contentType: 'text/plain' },
    ];
    const send = (content: Omit<SimpleContent, 'kind' | 'subject'>) =>
      engine.sending.send(simpleRequest({ content: { kind: 'simple', subject: { data: 's' }, ...content } }));
    await send({ text: { data: 'plain and html' }, html: { data: html }, attachments });
    await send({ text: { data: 'text only' }, attachments });
    await send({ html: { data: html } });
    expect((await engine.messages.retrospection({})).map((m) => m.Body)).toEqual([
      { text_part: 'plain and html', html_part: html },
      { text_part: 'text only', html_part: null },
      { text_part: null, html_part: html },
    ]);
  });

  it('matches email against the Source as given or its bare address', async () => {
    const { engine } = makeEngine();
    const { messageId } = await engine.sending.send(simpleRequest({ from: 'Named <named@example.com>' }));
    expect((await engine.messages.retrospection({ email: 'Named <named@example.com>' })).map((m) => m.Id)).toEqual([messageId]);
    expect((await engine.messages.retrospection({ email: 'named@example.com' })).map((m) => m.Id)).toEqual([messageId]);
  });

  it('deletes one or all, emitting messages.deleted', async () => {
    const { engine } = makeEngine();
    const a = await engine.sending.send(simpleRequest());
    const b = await engine.sending.send(simpleRequest());
    const seen = collect(engine);
    expect(engine.messages.retrospectionDelete(a.messageId)).toBe(1);
    expect((await engine.messages.retrospection({})).map((m) => m.Id)).toEqual([b.messageId]);
    expect(engine.messages.retrospectionDelete()).toBe(1);
    expect(await engine.messages.retrospection({})).toEqual([]);
    expect(seen.map((e) => e.payload)).toEqual([{ ids: [a.messageId] }, { ids: 'all' }]);
  });
});
