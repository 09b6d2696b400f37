// engine.inspect.compare (core/inspect/compare.ts): two stored sends of "the same template" differing by one
// line — the noise headers (Message-ID, Date, X-SES-*) hidden unless `all`, a changed Subject reported, the
// MIME structure compared by path with hashes, and the text/HTML line diffs showing exactly the changed line.
import { describe, expect, test } from 'vitest';
import { compareMessages, diffBodies, isNoiseHeader } from '../../../src-main/core/inspect/compare';
import { crlf, makeEngine, simpleRequest } from './helpers';

const text = (line: string) => `Hello Ann,\nYour order has shipped.\n${line}\nThanks!\n`;
const html = (line: string) => `<html><body>\n<p>Hello Ann,</p>\n<p>${line}</p>\n</body></html>\n`;

describe('engine.inspect.compare', () => {
  test('one changed line: headers without noise, same structure shape, exact text and HTML diffs', async () => {
    const { engine } = makeEngine();
    const send = (subject: string, line: string) =>
      engine.sending.send(simpleRequest({ content: { kind: 'simple', subject: { data: subject }, text: { data: text(line) }, html: { data: html(line) } } }));
    const a = await send('Your order', 'Tracking: 111');
    const b = await send('Your order!', 'Tracking: 222');
    const cmp = await engine.inspect.compare(a.messageId, b.messageId);
    expect(cmp).toBeDefined();
    if (!cmp) return;
    expect(cmp.allHeaders).toBe(false);
    expect(cmp.headers.some((h) => h.name === 'message-id' || h.name === 'date' || h.name.startsWith('x-ses-'))).toBe(false);
    expect(cmp.headers.find((h) => h.name === 'subject')).toMatchObject({ status: 'changed', a: ['Your order'], b: ['Your order!'] });
    expect(cmp.headers.find((h) => h.name === 'from')?.status).toBe('same');
    // Each multipart/alternative has its own generated boundary; that alone is not a change.
    const ct = cmp.headers.find((h) => h.name === 'content-type');
    expect(ct?.a[0]).toMatch(/^multipart\/alternative;\s+boundary=/);
    expect(ct?.a[0]).not.toBe(ct?.b[0]);
    expect(ct?.status).toBe('same');
    expect(cmp.text).toMatchObject({ aPresent: true, bPresent: true, identical: false, added: 1, removed: 1 });
    expect(cmp.text.chunks).toEqual([
      { op: 'same', lines: ['Hello Ann,', 'Your order has shipped.'] },
      { op: 'remove', lines: ['Tracking: 111'] },
      { op: 'add', lines: ['Tracking: 222'] },
      { op: 'same', lines: ['Thanks!'] },
    ]);
    expect(cmp.html.chunks.filter((c) => c.op !== 'same')).toEqual([
      { op: 'remove', lines: ['<p>Tracking: 111</p>'] },
      { op: 'add', lines: ['<p>Tracking: 222</p>'] },
    ]);
    // Same paths and types; the leaves' hashes differ, the multipart root does not.
    expect(cmp.structure.map((p) => [p.path, p.status])).toEqual([
      ['TEXT', 'same'],
      ['1', 'changed'],
      ['2', 'changed'],
    ]);
    expect(cmp.structure[1].changes).toContain('sha256');
    expect(cmp.structure[1].a?.contentType).toBe('text/plain');

    const all = await engine.inspect.compare(a.messageId, b.messageId, { all: true });
    const mid = all?.headers.find((h) => h.name === 'message-id');
    expect(mid).toMatchObject({ status: 'changed', noise: true });
    expect(all?.headers.find((h) => h.name === 'date')?.noise).toBe(true);

    const self = await engine.inspect.compare(a.messageId, a.messageId);
    expect(self?.text.identical).toBe(true);
    expect(self?.structure.every((p) => p.status === 'same')).toBe(true);
    expect(await engine.inspect.compare(a.messageId, 'no-such-id')).toBeUndefined();
    engine.close();
  });
});

describe('compare pieces', () => {
  test('noise rule', () => {
    for (const n of ['Message-ID', 'Date', 'X-SES-Outgoing', 'x-ses-configuration-set', 'Received', 'DKIM-Signature', 'Feedback-ID']) expect(isNoiseHeader(n)).toBe(true);
    for (const n of ['Subject', 'From', 'To', 'List-Unsubscribe', 'Content-Type', 'X-Mailer']) expect(isNoiseHeader(n)).toBe(false);
  });

  test('structure: a part only in A, a header only in B, missing HTML body', async () => {
    const A = crlf(
      'From: a@example.com',
      'Subject: s',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'body',
      '--b1',
      'Content-Type: application/pdf',
      'Content-Disposition: attachment; filename="x.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      'JVBERg==',
      '--b1--',
      '',
    );
    const B = crlf('From: a@example.com', 'Subject: s', 'X-Campaign: spring', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', 'body', '');
    const cmp = await compareMessages('A', Buffer.from(A), 'B', Buffer.from(B), false);
    expect(cmp.headers.find((h) => h.name === 'x-campaign')).toMatchObject({ status: 'onlyB', a: [], b: ['spring'] });
    expect(cmp.headers.find((h) => h.name === 'content-type')?.status).toBe('changed');
    expect(cmp.structure.map((p) => [p.path, p.status])).toEqual([
      ['TEXT', 'changed'],
      ['1', 'onlyA'],
      ['2', 'onlyA'],
    ]);
    expect(cmp.structure[0].changes).toContain('contentType');
    expect(cmp.structure[2].a).toMatchObject({ contentType: 'application/pdf', filename: 'x.pdf', decodedSize: 4 });
    expect(cmp.text.identical).toBe(true);
    expect(cmp.html).toMatchObject({ aPresent: false, bPresent: false, identical: true, chunks: [] });
  });

  test('body diff counts lines and tolerates CRLF vs LF', () => {
    expect(diffBodies('a\r\nb\r\n', 'a\nb\n').identical).toBe(true);
    const d = diffBodies(null, 'x\ny\n');
    expect(d).toMatchObject({ aPresent: false, bPresent: true, added: 2, removed: 0 });
  });
});
