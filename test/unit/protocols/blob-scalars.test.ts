// Base64 blobs (v2 Content.Raw.Data / Attachments[].RawContent, v1 RawMessage.Data): whitespace anywhere is
// ignored, anything else that is not base64 reaches validation; and megabytes of whitespace before a bad
// character are rejected in linear time. The old pattern backtracked quadratically (40k spaces took 1.6 s):
// 256 KiB took it over a minute, past the test timeout, and the 2 MiB wire cases would run for hours.
import { describe, expect, it } from 'vitest';
import { readBlob } from '../../../src-main/protocols/scalars';
import { harness, rawRequest } from './helpers/sdk-harness';

const KIB = 1024;
const MIB = 1024 * KIB;
const SHOWN = `${' '.repeat(100)}...`; // validate.ts shows the first 100 characters of a bad value

describe('readBlob', () => {
  it('decodes base64 with line breaks, tabs and spaces anywhere, padding included', () => {
    expect(readBlob('QUJD\r\nREVG\n')).toEqual(Buffer.from('ABCDEF'));
    expect(readBlob(' \tQU JD RA = =\n')).toEqual(Buffer.from('ABCD'));
    expect(readBlob('')).toEqual(Buffer.alloc(0));
  });

  it('passes anything else through unchanged for validation to report', () => {
    expect(readBlob('QUJD!')).toBe('QUJD!');
    expect(readBlob('QUJD===')).toBe('QUJD===');
    expect(readBlob('QU=JD')).toBe('QU=JD');
    expect(readBlob(42)).toBe(42);
  });

  it('rejects 256 KiB of whitespace followed by a bad character (linear, not quadratic)', () => {
    const value = `${' \t\r\n'.repeat((256 * KIB) / 4)}!`;
    expect(readBlob(value)).toBe(value);
    expect(readBlob(`${' '.repeat(256 * KIB)}QUJD`)).toEqual(Buffer.from('ABC'));
  });
});

describe('blob members at the wire', () => {
  it('v1 RawMessage.Data of 2 MiB of spaces and "!" is a ValidationError naming rawMessage.data', async () => {
    const h = harness();
    const body = `Action=SendRawEmail&RawMessage.Data=${'+'.repeat(2 * MIB)}%21`;
    const res = await h.handler(rawRequest({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }));
    expect(res.status).toBe(400);
    expect(res.body).toContain(
      `<Code>ValidationError</Code><Message>1 validation error detected: Value '${SHOWN}' at 'rawMessage.data' failed to satisfy constraint: ` +
        'Member must be base64-encoded binary data</Message>',
    );
    expect(h.engine.sent).toHaveLength(0);
  });

  it('v2 Content.Raw.Data of 2 MiB of spaces and "!" is a BadRequestException naming content.raw.data', async () => {
    const h = harness();
    const body = JSON.stringify({ Content: { Raw: { Data: `${' '.repeat(2 * MIB)}!` } } });
    const res = await h.handler(rawRequest({ path: '/v2/email/outbound-emails', headers: { 'content-type': 'application/json' }, body }));
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-ErrorType']).toBe('BadRequestException');
    expect(JSON.parse(String(res.body))).toEqual({
      message: `1 validation error detected: Value '${SHOWN}' at 'content.raw.data' failed to satisfy constraint: Member must be base64-encoded binary data`,
    });
    expect(h.engine.sent).toHaveLength(0);
  });
});
