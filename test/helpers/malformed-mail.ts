// Deterministic malformed mail for robustness tests: a seeded generator of broken raw messages (truncated
// headers, bad transfer encodings and charsets, NULs, huge single lines, 8-bit header bytes, broken multipart
// boundaries, stray line ends, garbage addresses and control headers) and of hostile Simple content.
// Owns: the inputs only — what a door or the engine must answer is the tests' business.
// Must not: be imported by src-main (tests only); use Math.random (runs must repeat exactly).

/** mulberry32: a small seeded PRNG, enough for choosing mutations. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}
export type Rng = ReturnType<typeof seeded>;

const crlf = (...lines: string[]) => lines.join('\r\n');

/** Well-formed starting points; mutations break them. */
const BASES: readonly string[] = [
  crlf('From: a@example.com', 'To: b@example.com', 'Subject: plain', '', 'hello'),
  crlf(
    'From: "Shop" <shop@example.com>', 'To: b@example.com, c@example.com', 'Subject: =?UTF-8?B?w6nDqMOg?=', 'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="alt"', '', '--alt', 'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable', '', 'caf=C3=A9 =', 'soft', '--alt', 'Content-Type: text/html', '', '<p>hi</p>', '--alt--', '',
  ),
  crlf(
    'From: a@example.com', 'To: b@example.com', 'Cc: c@example.com', 'Subject: files', 'Content-Type: multipart/mixed; boundary=m', '',
    '--m', 'Content-Type: text/plain', '', 'see attached', '--m', 'Content-Type: application/pdf; name="r.pdf"',
    "Content-Disposition: attachment; filename*=utf-8''r%C3%A9.pdf", 'Content-Transfer-Encoding: base64', '', 'JVBERi0xLjQK', '--m--', '',
  ),
  crlf(
    'From: a@example.com', 'To: b@example.com', 'X-SES-MESSAGE-TAGS: campaign=spring', 'Content-Type: multipart/mixed; boundary=o', '',
    '--o', 'Content-Type: multipart/related; boundary=r', '', '--r', 'Content-Type: text/html', '', '<img src="cid:i">', '--r',
    'Content-Type: image/png', 'Content-ID: <i>', 'Content-Transfer-Encoding: base64', '', 'iVBORw0KGgo=', '--r--', '--o--', '',
  ),
];

type Mutation = (m: Buffer, r: Rng) => Buffer;
const text = (m: Buffer) => m.toString('latin1');
const bytes = (s: string) => Buffer.from(s, 'latin1');
const insertAt = (m: Buffer, at: number, piece: Buffer) => Buffer.concat([m.subarray(0, at), piece, m.subarray(at)]);
const headerEnd = (m: Buffer) => Math.max(0, m.indexOf('\r\n\r\n'));

const MUTATIONS: readonly Mutation[] = [
  (m, r) => m.subarray(0, r.int(m.length + 1)), // truncated anywhere, headers included
  (m, r) => m.subarray(0, r.int(headerEnd(m) + 1)), // truncated inside the header section
  (m, r) => insertAt(m, r.int(m.length + 1), Buffer.from([0])), // NUL anywhere
  (m, r) => insertAt(m, r.int(headerEnd(m) + 1), Buffer.from([0, 0, 0])), // NULs in the headers
  (m, r) => {
    const out = Buffer.from(m);
    for (let i = 0; i < 1 + r.int(8); i++) out[r.int(out.length)] = r.int(256);
    return out;
  },
  (m, r) => insertAt(m, headerEnd(m), bytes(`\r\nX-Long: ${'x'.repeat(1000 + r.int(300_000))}`)), // a huge header line
  (m, r) => Buffer.concat([m, bytes('\r\n' + 'y'.repeat(1000 + r.int(400_000)))]), // a huge body line
  (m, r) => insertAt(m, 0, Buffer.from([0x58, 0x2d, 0x80 + r.int(128), 0xff, 0x3a, 0x20, 0xc3, 0x28, 0x0d, 0x0a])), // 8-bit name and bad UTF-8
  (m) => bytes(text(m).replace(/boundary="?([^";\r\n]+)"?/, 'boundary=')), // empty boundary parameter
  (m) => bytes(text(m).replace(/boundary="?([^";\r\n]+)"?/, 'boundary="other"')), // boundary that never appears
  (m) => bytes(text(m).replace(/--([A-Za-z]+)--\r\n$/, '')), // no closing delimiter
  (m, r) => {
    const depth = 20 + r.int(60);
    const open = Array.from({ length: depth }, (_, i) => `--n${i}\r\nContent-Type: multipart/mixed; boundary=n${i + 1}\r\n\r\n`).join('');
    return bytes(crlf('From: a@example.com', 'To: b@example.com', 'Content-Type: multipart/mixed; boundary=n0', '', open + 'deep'));
  },
  (m) => bytes(text(m).replace(/Content-Transfer-Encoding: \S+/, 'Content-Transfer-Encoding: base64') + '\r\n!!!*** not base64 ***'),
  (m) => bytes(text(m).replace(/charset=[^\r\n;]+/, 'charset=x-no-such-charset')),
  (m) => bytes(text(m).replace(/Subject: [^\r\n]*/, 'Subject: =?utf-8?B?***?= =?bogus?Q?=FF=ZZ?= =?UTF-8?Q?')),
  (m) => bytes(text(m).replace(/filename\*?=[^\r\n]*|name="[^"]*"/, "filename*0*=zz'%ZZ%; filename*2=\"")),
  (m) => bytes(text(m).replace(/\r\n/g, '\r')), // bare CR line ends
  (m, r) => bytes(text(m).replace(/\r\n/g, () => r.pick(['\n', '\r\n', '\r', '\n\r']))), // mixed line ends
  (m) => bytes(text(m).replace(/^To: [^\r\n]*/m, 'To: <<<@@@>>>, "unterminated, a: b@c, <>, ,,')),
  (m) => bytes(text(m).replace(/^From: [^\r\n]*/m, 'From: "no end <x@')),
  (m) => bytes(text(m).replace(/^Subject: [^\r\n]*/m, 'X-SES-MESSAGE-TAGS: =,=,==,a=b=c\r\nX-SES-CONFIGURATION-SET: \t')),
  (m, r) => insertAt(m, r.int(headerEnd(m) + 1), bytes(r.pick([':\r\n', '\t\r\n', ' :x\r\n', 'no colon here\r\n', 'Message-ID: <d@x>\r\n']))),
  () => Buffer.alloc(0),
  () => bytes('\r\n'),
  () => bytes('\r\n\r\nFrom: a@example.com\r\n'),
  (m) => m.subarray(0, headerEnd(m)), // headers only, no blank line
];

/** `count` malformed raw messages, the same ones for the same seed. */
export function malformedMessages(count: number, seed = 20260101): { label: string; data: Buffer }[] {
  const r = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    let data: Buffer = Buffer.from(r.pick(BASES), 'latin1');
    const steps: number[] = [];
    for (let k = 0; k < 1 + r.int(3); k++) {
      const index = r.int(MUTATIONS.length);
      steps.push(index);
      data = MUTATIONS[index](data, r);
    }
    return { label: `#${i} mutations ${steps.join(',')}`, data };
  });
}

const HOSTILE_STRINGS: readonly string[] = [
  '', ' ', '\u0000', '\r\n\r\nInjected: yes', 'a'.repeat(5000), '\ud800 lone surrogate', '😀'.repeat(300), '=?UTF-8?B?***?=',
  '<script>alert(1)</script>', 'x\u0085y\u2028z', '\t', 'é', ':', 'bad name', 'ok',
];

/** Hostile strings for Simple content fields (subject, bodies, header values, names, tags). */
export const hostile = (r: Rng): string => r.pick(HOSTILE_STRINGS);
