// Reading stored MIME never inflates on the event loop: deflated rows (large messages, up to 40 MB) are
// inflated on libuv's thread pool, so engine.messages.raw is async like the other content reads. Here the
// synchronous inflate is made to throw, so any read that still used it fails.
import { describe, expect, it, vi } from 'vitest';
import { crlf, makeEngine, rawRequest, simpleRequest } from './helpers';

vi.mock('node:zlib', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  inflateRawSync: () => {
    throw new Error('inflateRawSync would block the event loop');
  },
}));

describe('reading stored MIME', () => {
  it('inflates large messages asynchronously on every read path', async () => {
    const { engine } = makeEngine();
    const text = 'All work and no play makes Jack a dull boy. '.repeat(2000); // ~88 KB: stored deflated
    const mime = crlf(
      'From: a@example.com',
      'To: b@example.com',
      'Subject: big',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      text,
      '--b',
      'Content-Type: text/plain; name="notes.txt"',
      'Content-Disposition: attachment; filename="notes.txt"',
      '',
      'attached',
      '--b--',
      '',
    );
    const { messageId } = await engine.sending.send(rawRequest(mime));
    const pending = engine.messages.raw(messageId);
    expect(pending).toBeInstanceOf(Promise);
    expect((await pending)!.toString()).toContain(text);
    expect((await engine.messages.get(messageId))!.text!.trim()).toBe(text.trim());
    expect((await engine.messages.attachment(messageId, 0))!.content.toString()).toBe('attached');
    const [retro] = await engine.messages.retrospection({ id: messageId });
    expect(retro.RawData).toContain(text);
  });

  it('hands small messages (stored as they are) back unchanged, and undefined for unknown ids', async () => {
    const { engine } = makeEngine();
    const { messageId } = await engine.sending.send(simpleRequest());
    const raw = await engine.messages.raw(messageId);
    expect(raw!.toString()).toContain('Hello world');
    expect(await engine.messages.raw('missing')).toBeUndefined();
  });
});
