// Address classification for the link checker (link-check.ts): which resolved IPs a check may connect to.
// Refused unless the "allow private addresses" setting is on: loopback, private (RFC 1918, CGNAT 100.64/10),
// link-local, unique-local (fc00::/7), multicast, unspecified, reserved/benchmark/documentation ranges, and the
// same ranges behind IPv6 wrappers (IPv4-mapped ::ffff:a.b.c.d in dotted or hex form, IPv4-compatible ::a.b.c.d,
// NAT64 64:ff9b::/96, 6to4 2002::/16). URL hosts like `2130706433` or `0x7f.1` are normalised to dotted IPv4
// by WHATWG URL parsing before they reach here; link-check.ts always parses with `new URL`.
// Owns: IP parsing and range rules. Must not: resolve names or open sockets.

/** Four bytes, or undefined when `s` is not a dotted-quad IPv4 literal. */
export function parseIpv4(s: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const b = m.slice(1).map(Number);
  return b.every((x) => x <= 255) ? b : undefined;
}

/** Sixteen bytes, or undefined when `s` is not an IPv6 literal (brackets and a %zone are accepted). */
export function parseIpv6(input: string): number[] | undefined {
  let s = input.replace(/^\[|\]$/g, '').replace(/%.*$/, '').toLowerCase();
  if (!s.includes(':')) return undefined;
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = parseIpv4(last);
    if (!v4) return undefined;
    tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
    s = s.slice(0, lastColon + 1) + '0'; // placeholder group, replaced below
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const group = (h: string) => (h === '' ? [] : h.split(':'));
  const head = group(halves[0]);
  const rest = halves.length === 2 ? group(halves[1]) : [];
  const groups = [...head, ...rest];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
  let words = groups.map((g) => parseInt(g, 16));
  if (tail.length) words = words.slice(0, -1);
  const headWords = words.slice(0, head.length);
  const restWords = words.slice(head.length);
  const known = words.length + tail.length;
  let full: number[];
  if (halves.length === 2) {
    if (known > 7) return undefined;
    full = [...headWords, ...new Array<number>(8 - known).fill(0), ...restWords, ...tail];
  } else {
    if (known !== 8) return undefined;
    full = [...words, ...tail];
  }
  return full.flatMap((w) => [w >> 8, w & 0xff]);
}

function inV4(b: number[], net: [number, number, number, number], bits: number): boolean {
  const toNum = (x: number[]) => ((x[0] << 24) | (x[1] << 16) | (x[2] << 8) | x[3]) >>> 0;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return ((toNum(b) & mask) >>> 0) === ((toNum(net) & mask) >>> 0);
}

const V4_RULES: [[number, number, number, number], number, string][] = [
  [[0, 0, 0, 0], 8, 'unspecified ("this network", 0.0.0.0/8)'],
  [[10, 0, 0, 0], 8, 'private (10.0.0.0/8)'],
  [[100, 64, 0, 0], 10, 'private (carrier-grade NAT 100.64.0.0/10)'],
  [[127, 0, 0, 0], 8, 'loopback (127.0.0.0/8)'],
  [[169, 254, 0, 0], 16, 'link-local (169.254.0.0/16)'],
  [[172, 16, 0, 0], 12, 'private (172.16.0.0/12)'],
  [[192, 0, 0, 0], 24, 'reserved (IETF protocol assignments 192.0.0.0/24)'],
  [[192, 0, 2, 0], 24, 'reserved (documentation 192.0.2.0/24)'],
  [[192, 168, 0, 0], 16, 'private (192.168.0.0/16)'],
  [[198, 18, 0, 0], 15, 'reserved (benchmarking 198.18.0.0/15)'],
  [[198, 51, 100, 0], 24, 'reserved (documentation 198.51.100.0/24)'],
  [[203, 0, 113, 0], 24, 'reserved (documentation 203.0.113.0/24)'],
  [[224, 0, 0, 0], 4, 'multicast (224.0.0.0/4)'],
  [[240, 0, 0, 0], 4, 'reserved (240.0.0.0/4, incl. broadcast)'],
];

function classifyV4(b: number[]): string | null {
  for (const [net, bits, reason] of V4_RULES) if (inV4(b, net, bits)) return reason;
  return null;
}

function classifyV6(b: number[]): string | null {
  const zeroTo = (n: number) => b.slice(0, n).every((x) => x === 0);
  if (b.every((x) => x === 0)) return 'unspecified (::)';
  if (zeroTo(15) && b[15] === 1) return 'loopback (::1)';
  const v4 = b.slice(12);
  if (zeroTo(10) && b[10] === 0xff && b[11] === 0xff) return wrapped('IPv4-mapped', v4);
  if (zeroTo(12)) return wrapped('IPv4-compatible', v4);
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && b.slice(4, 12).every((x) => x === 0)) return wrapped('NAT64', v4);
  if (b[0] === 0x20 && b[1] === 0x02) return wrapped('6to4', b.slice(2, 6));
  if ((b[0] & 0xfe) === 0xfc) return 'unique-local (fc00::/7)';
  if (b[0] === 0xfe && (b[1] & 0xc0) === 0x80) return 'link-local (fe80::/10)';
  if (b[0] === 0xfe && (b[1] & 0xc0) === 0xc0) return 'site-local (fec0::/10, deprecated)';
  if (b[0] === 0xff) return 'multicast (ff00::/8)';
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x0d && b[3] === 0xb8) return 'reserved (documentation 2001:db8::/32)';
  if (b[0] === 0x01 && b[1] === 0x00 && zeroTo(8)) return 'reserved (discard-only 100::/64)';
  return null;
}

function wrapped(kind: string, v4: number[]): string | null {
  const inner = classifyV4(v4);
  return inner === null ? null : `${kind} ${v4.join('.')}: ${inner}`;
}

/**
 * Why an IP literal must not be connected to (a readable reason), or null when it is a public address.
 * Anything that is not an IP literal is refused too: the checker only connects to addresses it resolved.
 */
export function refusedRange(ip: string): string | null {
  const v4 = parseIpv4(ip);
  if (v4) return classifyV4(v4);
  const v6 = parseIpv6(ip);
  if (v6) return classifyV6(v6);
  return `not an IP address (${ip})`;
}

/** True for an IPv4 or IPv6 literal (URL hostnames keep IPv6 in brackets). */
export function isIpLiteral(host: string): boolean {
  return parseIpv4(host) !== undefined || parseIpv6(host) !== undefined;
}
