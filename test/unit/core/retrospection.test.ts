// LocalStack's `/_aws/ses` shape (ses-facts §B.2): Simple sends report Subject/Body, raw sends RawData.
import { describe, expect, it } from 'vitest';
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
    const all = engine.messages.retrospection({});
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
        RawData: engine.messages.raw(raw.messageId)!.toString(),
      },
    ]);
    expect(all[1].RawData).toContain('Subject: r\r\n');
    expect(engine.messages.retrospection({ id: raw.messageId }).map((m) => m.Id)).toEqual([raw.messageId]);
    expect(engine.messages.retrospection({ email: 'one@example.com' }).map((m) => m.Id)).toEqual([simple.messageId]);
    expect(engine.messages.retrospection({ email: 'nobody@example.com' })).toEqual([]);
    expect(engine.messages.retrospection({ id: simple.messageId, email: 'two@example.com' })).toEqual([]);
  });

  it('matches email against the Source as given or its bare address', async () => {
    const { engine } = makeEngine();
    const { messageId } = await engine.sending.send(simpleRequest({ from: 'Named <named@example.com>' }));
    expect(engine.messages.retrospection({ email: 'Named <named@example.com>' }).map((m) => m.Id)).toEqual([messageId]);
    expect(engine.messages.retrospection({ email: 'named@example.com' }).map((m) => m.Id)).toEqual([messageId]);
  });

  it('deletes one or all, emitting messages.deleted', async () => {
    const { engine } = makeEngine();
    const a = await engine.sending.send(simpleRequest());
    const b = await engine.sending.send(simpleRequest());
    const seen = collect(engine);
    expect(engine.messages.retrospectionDelete(a.messageId)).toBe(1);
    expect(engine.messages.retrospection({}).map((m) => m.Id)).toEqual([b.messageId]);
    expect(engine.messages.retrospectionDelete()).toBe(1);
    expect(engine.messages.retrospection({})).toEqual([]);
    expect(seen.map((e) => e.payload)).toEqual([{ ids: [a.messageId] }, { ids: 'all' }]);
  });
});
