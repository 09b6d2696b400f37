// v1 ReturnPath / v2 FeedbackForwardingEmailAddress is kept on the stored message (feedback forwarding
// sends bounces and complaints there) and shown in MessageDetail; recipients still see SES's Return-Path.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { crlf, makeEngine, rawRequest, simpleRequest } from './helpers';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('return path', () => {
  it('is stored as given, survives a reopen, and is null when the caller gave none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesame-return-path-'));
    dirs.push(dir);
    const dbPath = join(dir, 'db.sqlite');
    const first = makeEngine({ dbPath }).engine;
    const simple = await first.sending.send(simpleRequest({ returnPath: 'Bounces <bounces@example.com>' }));
    const raw = await first.sending.send(rawRequest(crlf('From: a@example.com', 'To: b@example.com', '', 'x'), { returnPath: 'feedback@example.com' }));
    const none = await first.sending.send(simpleRequest());
    first.close();

    const { engine } = makeEngine({ dbPath });
    const detail = (await engine.messages.get(simple.messageId))!;
    expect(detail.returnPath).toBe('Bounces <bounces@example.com>');
    expect((await engine.messages.get(raw.messageId))!.returnPath).toBe('feedback@example.com');
    expect((await engine.messages.get(none.messageId))!.returnPath).toBeNull();
    // The delivered mail's Return-Path is still SES's own (ses-facts §A.6).
    expect(detail.headers.find((h) => h.name === 'Return-Path')!.value).toMatch(/@amazonses\.com>$/);
    engine.close();
  });
});
