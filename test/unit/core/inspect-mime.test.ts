// The MIME tree, part download and ICS summary (core/inspect) on the fixture messages: exact structure
// (paths, types, encodings, sizes, hashes computed here from the expected decoded bytes), and the engine
// surface over a stored message (SES's headers prepended) giving back the original attachment bytes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { MimePartInfo } from '../../../src-main/contract/mime-tree';
import { mimeTree } from '../../../src-main/core/inspect/mime-tree';
import { messageLinks, partContent } from '../../../src-main/core/inspect/parts';
import { makeEngine, rawRequest } from './helpers';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/eml/${name}`, import.meta.url));
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const md5 = (b: Buffer | string) => createHash('md5').update(b).digest('hex');

/** The facts a test compares, children flattened to [path, type] pairs where the leaf detail is checked separately. */
function shape(p: MimePartInfo): unknown {
  return { path: p.path, type: p.contentType, children: p.children.map(shape) };
}
function find(root: MimePartInfo, path: string): MimePartInfo {
  const stack = [root];
  for (let p = stack.pop(); p; p = stack.pop()) {
    if (p.path === path) return p;
    stack.push(...p.children);
  }
  throw new Error(`no part ${path}`);
}

describe('mimeTree on fixtures', () => {
  test('single-part quoted-printable: the root is the leaf, decoded size and hash of the decoded text', async () => {
    const tree = await mimeTree('m1', fixture('latin1-qp.eml'));
    const decoded = Buffer.from("Un caf\xe9 cr\xe8me, s'il vous pla\xeet. Cette ligne est tr\xe8s longue et continue ici.\r\n", 'latin1');
    expect(tree.partCount).toBe(1);
    expect(tree.root).toEqual({
      path: 'TEXT',
      contentType: 'text/plain',
      charset: 'ISO-8859-1',
      transferEncoding: 'quoted-printable',
      disposition: null,
      filename: null,
      contentId: null,
      encodedSize: 91,
      decodedSize: decoded.length,
      sha256: sha256(decoded),
      md5: md5(decoded),
      children: [],
    });
  });

  test('multipart/related with inline images: Content-IDs, dispositions, base64 sizes', async () => {
    const tree = await mimeTree('m2', fixture('related-inline-cid.eml'));
    expect(shape(tree.root)).toEqual({
      path: 'TEXT',
      type: 'multipart/related',
      children: [
        { path: '1', type: 'text/html', children: [] },
        { path: '2', type: 'image/png', children: [] },
        { path: '3', type: 'image/gif', children: [] },
      ],
    });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUg==', 'base64');
    expect(find(tree.root, '2')).toMatchObject({
      contentId: 'logo.png@shop',
      disposition: 'inline',
      filename: 'logo.png',
      transferEncoding: 'base64',
      encodedSize: 24,
      decodedSize: 16,
      sha256: sha256(png),
    });
    expect(find(tree.root, '3')).toMatchObject({ contentId: 'bg@shop', disposition: null, filename: null, decodedSize: 14 });
    expect(tree.root).toMatchObject({ encodedSize: 0, decodedSize: 0, sha256: null, md5: null });
  });

  test('nested mixed > alternative with a calendar part and an attachment; ICS summary', async () => {
    const tree = await mimeTree('m3', fixture('calendar-invite.eml'));
    expect(tree.partCount).toBe(6);
    expect(shape(tree.root)).toEqual({
      path: 'TEXT',
      type: 'multipart/mixed',
      children: [
        {
          path: '1',
          type: 'multipart/alternative',
          children: [
            { path: '1.1', type: 'text/plain', children: [] },
            { path: '1.2', type: 'text/html', children: [] },
            { path: '1.3', type: 'text/calendar', children: [] },
          ],
        },
        { path: '2', type: 'application/ics', children: [] },
      ],
    });
    expect(find(tree.root, '1.1')).toMatchObject({ charset: 'utf-8', encodedSize: 33, sha256: sha256('Join us: https://example.com/join') });
    expect(find(tree.root, '2')).toMatchObject({ disposition: 'attachment', filename: 'invite.ics', encodedSize: 44, decodedSize: 32 });
    expect(find(tree.root, '1.3').ics).toEqual({
      method: 'REQUEST',
      summary: 'Planning, Q1 roadmap',
      dtstart: '20261201T100000Z',
      dtend: '20261201T120000',
      location: 'Room 4; Building B',
      organizer: { address: 'alice@example.com', name: 'Alice Organizer' },
      attendees: [
        { address: 'bob@example.org', name: 'Bob', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION' },
        { address: 'carol@example.org', name: 'Carol: Ops', role: 'OPT-PARTICIPANT', partstat: null },
      ],
      uid: 'meeting-42@example.com',
      eventCount: 1,
    });
    expect(find(tree.root, '1.2').ics).toBeUndefined();
    // The application/ics attachment (an empty VCALENDAR) is summarized too.
    expect(find(tree.root, '2').ics).toMatchObject({ method: null, summary: null, eventCount: 0, attendees: [] });
  });

  test('broken MIME (no closing boundary): both parts found, the last runs to the end', async () => {
    const tree = await mimeTree('m4', fixture('broken-no-closing-boundary.eml'));
    expect(shape(tree.root)).toEqual({
      path: 'TEXT',
      type: 'multipart/mixed',
      children: [
        { path: '1', type: 'text/plain', children: [] },
        { path: '2', type: 'text/csv', children: [] },
      ],
    });
    expect(find(tree.root, '1').sha256).toBe(sha256('one\r\n--bb is not a delimiter'));
    expect(find(tree.root, '2')).toMatchObject({ filename: 'data.csv', decodedSize: 10, sha256: sha256('a,b\r\n1,2\r\n') });
  });

  test('RFC 2231 filenames are decoded; part download is the decoded attachment', async () => {
    const raw = fixture('rfc2231-attachment.eml');
    const tree = await mimeTree('m5', raw);
    expect(find(tree.root, '2').filename).toBe('reçu final.pdf');
    expect(find(tree.root, '3').filename).toBe('日本-report.bin');
    const part = await partContent(raw, '3');
    expect(part?.data.equals(Buffer.from([0, 1, 2, 3]))).toBe(true);
    expect(part).toMatchObject({ contentType: 'application/octet-stream', filename: '日本-report.bin' });
    expect(await partContent(raw, 'TEXT')).toBeUndefined(); // a multipart has no body of its own
    expect(await partContent(raw, '9')).toBeUndefined();
  });
});

describe('engine.inspect structure members', () => {
  test('a stored raw message: same tree under SES headers, part bytes equal the original attachment', async () => {
    const { engine } = makeEngine();
    const raw = fixture('calendar-invite.eml');
    const { messageId } = await engine.sending.send(rawRequest(raw));
    const tree = await engine.inspect.mimeTree(messageId);
    expect(tree?.messageId).toBe(messageId);
    expect(tree?.partCount).toBe(6);
    const ics = await engine.inspect.part(messageId, '2');
    expect(ics?.data.toString('utf8')).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    expect(ics?.data.equals(Buffer.from('QkVHSU46VkNBTEVOREFSDQpFTkQ6VkNBTEVOREFSDQo=', 'base64'))).toBe(true);
    const links = await engine.inspect.links(messageId);
    expect(links?.map((l) => l.url)).toEqual(['https://example.com/join?a=1&b=2', 'https://img.example.com/p.gif', 'mailto:alice@example.com']);
    expect(await engine.inspect.mimeTree('no-such-id')).toBeUndefined();
    expect(await engine.inspect.part('no-such-id', '1')).toBeUndefined();
    engine.close();
  });
});

describe('links', () => {
  test('a href and img src from the HTML parts with text/alt; anchors without href are skipped', async () => {
    expect(await messageLinks(fixture('calendar-invite.eml'))).toEqual([
      { kind: 'a', url: 'https://example.com/join?a=1&b=2', text: 'the meeting', partPath: '1.2' },
      { kind: 'img', url: 'https://img.example.com/p.gif', text: null, partPath: '1.2' },
      { kind: 'a', url: 'mailto:alice@example.com', text: 'Alice', partPath: '1.2' },
    ]);
    expect(await messageLinks(fixture('related-inline-cid.eml'))).toEqual([{ kind: 'img', url: 'cid:logo.png@shop', text: 'logo', partPath: '1' }]);
    // text/plain URLs are not links; the plain-only message has none.
    expect(await messageLinks(fixture('latin1-qp.eml'))).toEqual([]);
  });
});

describe('attached messages', () => {
  test('a message/rfc822 attachment is one leaf; its download is the whole attached message; its links are not the outer HTML', async () => {
    const raw = fixture('forwarded-rfc822.eml');
    const tree = await mimeTree('m6', raw);
    expect(shape(tree.root)).toEqual({
      path: 'TEXT',
      type: 'multipart/mixed',
      children: [
        { path: '1', type: 'text/plain', children: [] },
        { path: '2', type: 'message/rfc822', children: [] },
      ],
    });
    const inner = (await partContent(raw, '2'))!.data.toString('utf8');
    expect(inner.startsWith('From: c@example.com\r\nSubject: orig\r\n')).toBe(true);
    expect(inner.endsWith('--o--')).toBe(true);
    expect(find(tree.root, '2')).toMatchObject({ filename: 'orig.eml', disposition: 'attachment', decodedSize: inner.length, sha256: sha256(inner) });
    expect(await messageLinks(raw)).toEqual([]);
  });
});
