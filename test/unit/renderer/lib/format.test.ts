// Display formatting (src-renderer/src/lib/format.ts). Dates are built from local-time parts and compared
// with the same Intl formats, so the tests hold in any time zone and locale.
import { describe, expect, it } from 'vitest';
import {
  doorLabel,
  formatAddress,
  formatAddresses,
  formatSize,
  longTime,
  plural,
  preciseTime,
  senderLabel,
  shortTime,
} from '../../../../src-renderer/src/lib/format';

const local = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => new Date(y, mo - 1, d, h, mi, s, ms);

describe('times', () => {
  const now = local(2026, 3, 15, 16, 0);

  it('shortTime: clock time today, day and month this year, the full date before', () => {
    const today = local(2026, 3, 15, 9, 7);
    expect(shortTime(today.toISOString(), now)).toBe(new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(today));
    const thisYear = local(2026, 1, 5, 12);
    expect(shortTime(thisYear.toISOString(), now)).toBe(new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }).format(thisYear));
    const before = local(2024, 7, 1, 12);
    expect(shortTime(before.toISOString(), now)).toBe(
      new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' }).format(before),
    );
  });

  it('preciseTime: local HH:MM:SS.mmm, zero-padded', () => {
    expect(preciseTime(local(2026, 3, 15, 4, 3, 7, 9).toISOString())).toBe('04:03:07.009');
    expect(preciseTime(local(2026, 3, 15, 23, 59, 59, 999).toISOString())).toBe('23:59:59.999');
  });

  it('unparseable values are shown as they are', () => {
    expect(shortTime('not a date', now)).toBe('not a date');
    expect(longTime('not a date')).toBe('not a date');
    expect(preciseTime('')).toBe('');
  });

  it('longTime includes the year and seconds', () => {
    const text = longTime(local(2026, 3, 15, 4, 3, 7).toISOString());
    expect(text).toContain('2026');
    expect(text).toMatch(/07/);
  });
});

describe('formatSize', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1434, '1.4 KB'],
    [23 * 1024, '23 KB'],
    [4.2 * 1024 * 1024, '4.2 MB'],
    [3 * 1024 ** 3, '3.0 GB'],
    [5000 * 1024 ** 3, '5000 GB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });

  it('refuses nonsense', () => {
    for (const v of [-1, NaN, Infinity]) expect(formatSize(v)).toBe('?');
  });
});

describe('addresses', () => {
  it('formats names and bare addresses', () => {
    expect(formatAddress({ name: 'Ann', address: 'ann@x.com' })).toBe('Ann <ann@x.com>');
    expect(formatAddress({ name: '', address: 'ann@x.com' })).toBe('ann@x.com');
    expect(formatAddresses([{ name: 'Ann', address: 'ann@x.com' }, { name: '', address: 'bob@x.com' }])).toBe('Ann <ann@x.com>, bob@x.com');
    expect(formatAddresses([])).toBe('');
  });

  it('senderLabel prefers the name and never shows an empty sender', () => {
    expect(senderLabel({ name: 'Shop', address: 'shop@x.com' })).toBe('Shop');
    expect(senderLabel({ name: '', address: 'shop@x.com' })).toBe('shop@x.com');
    expect(senderLabel({ name: '', address: '' })).toBe('(no sender)');
    expect(senderLabel(null)).toBe('(no sender)');
  });
});

describe('labels', () => {
  it('doorLabel names the door and the operation (not for SMTP)', () => {
    expect(doorLabel('sesv2', 'SendEmail')).toBe('SES v2 API · SendEmail');
    expect(doorLabel('ses', 'SendRawEmail')).toBe('SES v1 API · SendRawEmail');
    expect(doorLabel('smtp', 'SMTP')).toBe('SMTP');
    expect(doorLabel('smtp', '')).toBe('SMTP');
  });

  it('plural picks the noun by count', () => {
    expect(plural(1, 'message')).toBe('1 message');
    expect(plural(0, 'message')).toBe('0 messages');
    expect(plural(2, 'reply', 'replies')).toBe('2 replies');
    expect(plural(12345, 'message')).toBe(`${(12345).toLocaleString()} messages`);
  });
});
