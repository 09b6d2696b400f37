// Message structure with real peers: swaks (an independent SMTP client) sends an attachment with AUTH LOGIN,
// and @aws-sdk/client-sesv2 sends a raw calendar invitation; the engine's inspect members then read the
// stored bytes: the tree, a part download equal to the original attachment, the ICS summary, the links,
// and the SMTP session transcript with the credentials masked.
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MimePartInfo } from '../../src-main/contract/mime-tree';
import { sesv2Client } from '../helpers/sdk-clients';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';

// The server runs in this process: never spawn peers synchronously (that would block it).
const run = promisify(execFile);
const hasSwaks = spawnSync('swaks', ['--version']).status === 0;

let sesame: TestSesame;
let dir: string;
beforeAll(async () => {
  sesame = await startTestSesame();
  dir = await mkdtemp(join(tmpdir(), 'sesame-inspect-'));
});
afterAll(async () => {
  await sesame?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const leaves = (p: MimePartInfo): MimePartInfo[] => (p.children.length ? p.children.flatMap(leaves) : [p]);

describe.skipIf(!hasSwaks)(`swaks${hasSwaks ? '' : ' (skipped: swaks is not installed)'}`, () => {
  it('attachment round-trips through the tree and part download; transcript kept, AUTH masked', async () => {
    const bytes = randomBytes(3000);
    const file = join(dir, 'blob.bin');
    await writeFile(file, bytes);
    const password = 'swaks-Secret-9';
    const { stdout } = await run('swaks', [
      '--server', '127.0.0.1', '--port', String(sesame.ports.smtp),
      '--auth', 'LOGIN', '--auth-user', 'AKIASWAKSUSER', '--auth-password', password,
      '--from', 'swaks@example.com', '--to', 'rcpt@example.com',
      '--header', 'Subject: inspect me', '--body', 'body words', '--attach', file,
    ], { encoding: 'utf8' });
    const id = /250 Ok (\S+)/.exec(stdout)?.[1];
    expect(id).toBeTruthy();

    const tree = (await sesame.engine.inspect.mimeTree(id!))!;
    expect(tree.root.contentType).toBe('multipart/mixed');
    const attachment = leaves(tree.root).find((p) => p.filename === 'blob.bin');
    expect(attachment).toMatchObject({ transferEncoding: 'base64', decodedSize: 3000 });
    const part = await sesame.engine.inspect.part(id!, attachment!.path);
    expect(part?.data.equals(bytes)).toBe(true);

    const transcript = (await sesame.engine.messages.get(id!))!.smtp!.transcript!;
    const lines = transcript.map((l) => `${l.from}: ${l.text}`);
    expect(lines[0]).toMatch(/^server: 220 email-smtp\.amazonaws\.com ESMTP /);
    expect(lines).toContain('client: AUTH LOGIN');
    expect(lines).toContain('client: MAIL FROM:<swaks@example.com>');
    expect(lines).toContain('client: RCPT TO:<rcpt@example.com>');
    expect(lines[lines.length - 1]).toMatch(/^client: <message content elided: \d+ bytes>$/);
    const joined = lines.join('\n');
    for (const secret of [password, Buffer.from(password).toString('base64'), Buffer.from('AKIASWAKSUSER').toString('base64')]) {
      expect(joined).not.toContain(secret);
    }
    expect(joined).not.toContain('body words');
  });
});

describe('SDK raw send', () => {
  it('a calendar invitation: nested tree, ICS summary, links from the HTML part', async () => {
    const raw = await readFile(new URL('../fixtures/eml/calendar-invite.eml', import.meta.url));
    const out = await sesv2Client(sesame).send(new SendEmailCommand({ Content: { Raw: { Data: raw } } }));
    const id = out.MessageId!;
    const tree = (await sesame.engine.inspect.mimeTree(id))!;
    expect(leaves(tree.root).map((p) => `${p.path} ${p.contentType}`)).toEqual([
      '1.1 text/plain',
      '1.2 text/html',
      '1.3 text/calendar',
      '2 application/ics',
    ]);
    expect(leaves(tree.root)[2].ics).toMatchObject({ method: 'REQUEST', summary: 'Planning, Q1 roadmap', dtstart: '20261201T100000Z' });
    const links = await sesame.engine.inspect.links(id);
    expect(links?.filter((l) => l.kind === 'a').map((l) => l.url)).toEqual(['https://example.com/join?a=1&b=2', 'mailto:alice@example.com']);
    // SMTP-only: API mail has no transcript.
    expect((await sesame.engine.messages.get(id))!.smtp).toBeNull();
  });
});
