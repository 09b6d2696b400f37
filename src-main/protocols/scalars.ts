// Scalar conversions shared by both wire protocols.
// Owns: timestamps (epoch seconds / ISO 8601 / HTTP date in; Date or epoch milliseconds out), base64 blobs.
// Must not: know any shape or protocol framing.
import type { TimestampFormat } from './model/types';

// Whitespace is dropped first, then the rest is matched by a pattern with a single unambiguous path:
// `[…\s]*={0,2}\s*$` let the engine split a run of whitespace between two `\s` in O(n²) ways before a bad
// character could fail it (10k spaces + '!' took 59 ms, 40k took 1.6 s; blobs are megabytes).
const WHITESPACE = /\s+/g;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Base64 text (whitespace anywhere ignored) as bytes; anything else passes through for validate.ts to report. */
export function readBlob(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const compact = value.replace(WHITESPACE, '');
  return BASE64.test(compact) ? Buffer.from(compact, 'base64') : value;
}

/** Bytes (or a string, as UTF-8) as base64 text. */
export function writeBlob(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'string') return Buffer.from(value, 'utf8').toString('base64');
  return value;
}

/** Epoch seconds (number or numeric string) or an ISO 8601 / HTTP date string. Anything else passes through. */
export function readTimestamp(value: unknown): unknown {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000);
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    if (Number.isFinite(n)) return new Date(n * 1000);
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return new Date(ms);
  }
  return value;
}

/** A handler's timestamp: a Date, or a number of epoch milliseconds (the engine's unit). */
function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  return null;
}

export function writeTimestamp(value: unknown, format: TimestampFormat): unknown {
  const d = toDate(value);
  if (!d) return value;
  // Whole seconds without `.000`, as AWS writes them (`2016-07-13T22:43:00Z`, ses-facts §A.0).
  if (format === 'date-time') return d.toISOString().replace('.000Z', 'Z');
  if (format === 'http-date') return d.toUTCString();
  return d.getTime() / 1000;
}

/** A string as a scalar of the given primitive type, or the string itself when it does not convert. */
export function convertScalar(type: string, raw: string): unknown {
  switch (type) {
    case 'number': {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
    }
    case 'boolean': {
      const lower = raw.toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : raw;
    }
    case 'timestamp':
      return readTimestamp(raw);
    case 'blob':
      return readBlob(raw);
    default:
      return raw;
  }
}
