// The SPAMC client against a fake spamd (a node:net server speaking the protocol): what it sends, how it
// reads CHECK/SYMBOLS/REPORT answers, and how refused connections, bad answers and silence become
// "not available" outcomes. The real spamd is exercised in test/conformance/spamd.test.ts.
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSpamcChecker, parseSpamdAddress, spamcRequest } from '../../../../src-main/adapters/spamd/spamc-client';
import { parseReportRules, parseResponse, parseSymbols } from '../../../../src-main/adapters/spamd/protocol';

const REPORT_BODY = [
  'Spam detection software, running on the system "host", has',
  'identified this incoming email as possible spam.',
  '',
  'Content analysis details:   (1002.5 points, 5.0 required)',
  '',
  ' pts rule name              description',
  '---- ---------------------- --------------------------------------------------',
  '1000 GTUBE                  BODY: Generic Test for Unsolicited Bulk Email',
  '-0.0 NO_RELAYS              Informational: message was not relayed via SMTP',
  ' 2.5 MISSING_DATE           Missing Date: header, or a date that is',
  '                            too far in the past',
  '',
].join('\r\n');

interface Seen {
  head: string;
  body: Buffer;
}

let server: Server | undefined;
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const s of sockets) s.destroy();
  sockets.clear();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

/** A fake spamd: reads one request (headers + Content-length bytes), then `answer` writes back. */
async function fakeSpamd(answer: (seen: Seen, socket: Socket) => void): Promise<{ port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    let buf = Buffer.alloc(0);
    socket.on('data', (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
      const end = buf.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = buf.subarray(0, end).toString('latin1');
      const len = Number(/Content-length: (\d+)/i.exec(head)?.[1]);
      if (buf.length < end + 4 + len) return;
      const s = { head, body: buf.subarray(end + 4, end + 4 + len) };
      seen.push(s);
      answer(s, socket);
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return { port: (server!.address() as AddressInfo).port, seen };
}

const reply = (spam: string, body: string) => (_: Seen, socket: Socket) =>
  socket.end(`SPAMD/1.1 0 EX_OK\r\nContent-length: ${Buffer.byteLength(body)}\r\nSpam: ${spam}\r\n\r\n${body}`);

const RAW = Buffer.from('From: a@example.com\r\nSubject: hi\r\n\r\nhello \u00e9\r\n');

describe('protocol parsing', () => {
  it('reads the status line and the Spam header', () => {
    const r = parseResponse(Buffer.from('SPAMD/1.1 0 EX_OK\r\nSpam: True ; 7.2 / 5.0\r\n\r\n'));
    expect(r).toMatchObject({ code: 0, isSpam: true, score: 7.2, threshold: 5, body: '' });
    expect(parseResponse(Buffer.from('SPAMD/1.1 0 EX_OK\r\nSpam: False ; -1.3 / 5.0\r\n\r\n'))).toMatchObject({ isSpam: false, score: -1.3 });
  });
  it('rejects non-spamd answers and EX_ codes', () => {
    expect(() => parseResponse(Buffer.from('HTTP/1.1 200 OK\r\n\r\n'))).toThrow(/Not a spamd answer/);
    expect(() => parseResponse(Buffer.from('SPAMD/1.0 76 Bad header line: x\r\n\r\n'))).toThrow(/76 Bad header line/);
    expect(() => parseResponse(Buffer.from('SPAMD/1.1 0 EX_OK\r\n\r\n'))).toThrow(/Spam header/);
  });
  it('reads the report table with multi-line descriptions and negative scores', () => {
    expect(parseReportRules(REPORT_BODY)).toEqual([
      { score: 1000, name: 'GTUBE', description: 'BODY: Generic Test for Unsolicited Bulk Email' },
      { score: -0, name: 'NO_RELAYS', description: 'Informational: message was not relayed via SMTP' },
      { score: 2.5, name: 'MISSING_DATE', description: 'Missing Date: header, or a date that is too far in the past' },
    ]);
    expect(parseReportRules('no table here')).toEqual([]);
  });
  it('splits SYMBOLS', () => {
    expect(parseSymbols('GTUBE,NO_RECEIVED,NO_RELAYS\r\n')).toEqual(['GTUBE', 'NO_RECEIVED', 'NO_RELAYS']);
  });
  it('parses addresses', () => {
    expect(parseSpamdAddress('127.0.0.1:7830')).toEqual({ host: '127.0.0.1', port: 7830 });
    expect(parseSpamdAddress('localhost')).toEqual({ host: 'localhost', port: 783 });
    expect(parseSpamdAddress('[::1]:783')).toEqual({ host: '::1', port: 783 });
    expect(() => parseSpamdAddress('a:b:c')).toThrow(/host:port/);
    expect(() => parseSpamdAddress('h:70000')).toThrow(/host:port/);
  });
});

describe('spamc client over TCP', () => {
  it('sends `REPORT SPAMC/1.5` with the exact Content-length and the raw bytes', async () => {
    const f = await fakeSpamd(reply('True ; 1002.5 / 5.0', REPORT_BODY));
    const v = await createSpamcChecker({ host: '127.0.0.1', port: f.port }).check(RAW);
    expect(f.seen[0].head).toBe(`REPORT SPAMC/1.5\r\nContent-length: ${RAW.length}`);
    expect(f.seen[0].body.equals(RAW)).toBe(true);
    expect(v).toEqual({
      available: true,
      isSpam: true,
      score: 1002.5,
      threshold: 5,
      server: `127.0.0.1:${f.port}`,
      rules: expect.arrayContaining([expect.objectContaining({ name: 'GTUBE', score: 1000 })]),
    });
  });
  it('speaks CHECK and SYMBOLS too', async () => {
    const f = await fakeSpamd((s, socket) =>
      s.head.startsWith('SYMBOLS') ? reply('False ; 0.1 / 5.0', 'HTML_MESSAGE,NO_RELAYS')(s, socket) : reply('False ; 0.1 / 5.0', '')(s, socket),
    );
    const sym = await spamcRequest({ host: '127.0.0.1', port: f.port }, 'SYMBOLS', RAW);
    expect(parseSymbols(sym.body)).toEqual(['HTML_MESSAGE', 'NO_RELAYS']);
    const check = await spamcRequest({ host: '127.0.0.1', port: f.port }, 'CHECK', RAW);
    expect(check).toMatchObject({ isSpam: false, score: 0.1, threshold: 5, body: '' });
    expect(f.seen.map((s) => s.head.split(' ')[0])).toEqual(['SYMBOLS', 'CHECK']);
  });
  it('falls back to SYMBOLS when the report has no table', async () => {
    const f = await fakeSpamd((s, socket) => reply('True ; 6.0 / 5.0', s.head.startsWith('SYMBOLS') ? 'A_RULE,B_RULE' : 'custom template')(s, socket));
    const v = await createSpamcChecker({ host: '127.0.0.1', port: f.port }).check(RAW);
    expect(v).toMatchObject({ available: true, rules: [{ name: 'A_RULE' }, { name: 'B_RULE' }] });
  });
  it('a refused connection is "not available", not a failure', async () => {
    const f = await fakeSpamd(() => undefined);
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    const v = await createSpamcChecker({ host: '127.0.0.1', port: f.port }).check(RAW);
    expect(v).toMatchObject({ available: false, reason: expect.stringMatching(/Cannot reach spamd .*nothing listens/) });
    expect(v.available === false && v.hint).toMatch(/--spamd/);
  });
  it('an error code or garbage is "not available" with the reason', async () => {
    const f = await fakeSpamd((_, socket) => socket.end('SPAMD/1.0 65 EX_DATAERR\r\n\r\n'));
    expect(await createSpamcChecker({ host: '127.0.0.1', port: f.port }).check(RAW)).toMatchObject({ available: false, reason: expect.stringMatching(/65 EX_DATAERR/) });
  });
  it('silence times out', async () => {
    const f = await fakeSpamd(() => undefined);
    const v = await createSpamcChecker({ host: '127.0.0.1', port: f.port, timeoutMs: 100 }).check(RAW);
    expect(v).toMatchObject({ available: false, reason: expect.stringMatching(/did not answer within 100 ms/) });
  });
});
