// Formatting for display: dates, sizes, addresses, door names.
// Owns: how values read on screen. Must not: know about stores or the API.
import type { Address, MessageDoor } from '../../../src-main/contract';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const fullDate = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const full = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

function parse(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Compact time for list rows: 14:03 today, "5 Mar" this year, "5 Mar 2024" before. */
export function shortTime(iso: string, now: Date = new Date()): string {
  const d = parse(iso);
  if (!d) return iso;
  if (d.toDateString() === now.toDateString()) return time.format(d);
  if (d.getFullYear() === now.getFullYear()) return dayMonth.format(d);
  return fullDate.format(d);
}

/** Full local date and time with seconds and zone (the ISO value goes in a title attribute). */
export function longTime(iso: string): string {
  const d = parse(iso);
  return d ? full.format(d) : iso;
}

/** Milliseconds-precision local time for event timelines: 14:03:07.123. */
export function preciseTime(iso: string): string {
  const d = parse(iso);
  if (!d) return iso;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** 512 B, 1.4 KB, 23 KB, 4.2 MB (binary multiples, as mail clients show them). */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

/** "Name <addr>" or just "addr". */
export function formatAddress(a: Address): string {
  return a.name ? `${a.name} <${a.address}>` : a.address;
}

/** What a list row shows for a sender: the name when there is one. */
export function senderLabel(a: Address | null): string {
  if (!a) return '(no sender)';
  return a.name || a.address || '(no sender)';
}

export function formatAddresses(list: Address[]): string {
  return list.map(formatAddress).join(', ');
}

const DOORS: Record<MessageDoor, string> = { sesv2: 'SES v2 API', ses: 'SES v1 API', smtp: 'SMTP', system: 'Sent by SES' };

/** "SES v2 API · SendEmail", "SMTP". */
export function doorLabel(door: MessageDoor, operation: string): string {
  const name = DOORS[door] ?? door;
  return operation && operation.toUpperCase() !== 'SMTP' ? `${name} · ${operation}` : name;
}

/** A plural noun: plural(1, 'message') → "1 message". */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? noun : nouns}`;
}
