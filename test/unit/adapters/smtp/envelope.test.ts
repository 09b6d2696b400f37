// MAIL FROM / RCPT TO in SES's words (ses-facts §A.3): `553 <addr> Invalid email address` for a sender,
// `553 <addr> address unknown` for a recipient, over raw sockets (the harness waits for the 220 greeting);
// the session goes on afterwards; the address rules are smtp-server's strict ones, so the same addresses pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressSyntaxOk } from '../../../../src-main/adapters/smtp/envelope';
import { rawDialogue, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The reply lines after the greeting, one per command. */
async function replies(lines: string[]): Promise<string[]> {
  const out = await rawDialogue(h.smtp.port, ['EHLO client.test', ...lines, 'QUIT']);
  // Drop the greeting and the multi-line EHLO answer; keep one final line per later command.
  return out
    .split('\r\n')
    .filter((l) => /^\d{3} /.test(l))
    .slice(2, -1);
}

describe('MAIL FROM', () => {
  it.each(['a..b@example.com', '.a@example.com', 'a.@example.com', 'a@-x-.com', 'a@exa_mple.com', 'a@example..com', 'a@[300.1.1.1]', 'a@[IPv6:nope]'])(
    '<%s> → 553 <addr> Invalid email address',
    async (address) => {
      expect(await replies([`MAIL FROM:<${address}>`])).toEqual([`553 <${address}> Invalid email address`]);
    },
  );

  it('accepts good senders and the null sender, and goes on after a refusal', async () => {
    expect(await replies(['MAIL FROM:<a..b@example.com>', 'MAIL FROM:<first.last+tag@mail.example.co.uk>'])).toEqual([
      '553 <a..b@example.com> Invalid email address',
      '250 Accepted',
    ]);
    for (const ok of ['<>', '<a@[127.0.0.1]>', '<a@[IPv6:::1]>']) expect(await replies([`MAIL FROM:${ok}`])).toEqual(['250 Accepted']);
  });

  it('a path without <…> or without @ still gets smtp-server\'s 501 (refused before any hook; see envelope.ts)', async () => {
    expect(await replies(['MAIL FROM:<nodomain>'])).toEqual(['501 Error: Bad sender address syntax']);
  });
});

describe('RCPT TO', () => {
  it.each(['b..c@example.com', 'b@example.com.', 'b@exa_mple.com', 'b@[1.2.3]'])('<%s> → 553 <addr> address unknown', async (address) => {
    expect(await replies(['MAIL FROM:<a@example.com>', `RCPT TO:<${address}>`])).toEqual(['250 Accepted', `553 <${address}> address unknown`]);
  });

  it('accepts good recipients and postmaster; a refused recipient is left out of the envelope the engine gets', async () => {
    const before = h.calls.length;
    const out = await replies([
      'MAIL FROM:<a@example.com>',
      'RCPT TO:<bad..rcpt@example.com>',
      'RCPT TO:<good@example.com>',
      'RCPT TO:<Postmaster>',
      'DATA',
      'From: a@example.com\r\nTo: good@example.com\r\nSubject: envelope\r\n\r\nbody\r\n.',
    ]);
    expect(out.slice(0, 4)).toEqual(['250 Accepted', '553 <bad..rcpt@example.com> address unknown', '250 Accepted', '250 Accepted']);
    expect(out[4]).toMatch(/^354 /);
    expect(out[5]).toMatch(/^250 Ok /);
    expect(h.calls.length).toBe(before + 1);
    expect(h.calls[h.calls.length - 1].destination?.to).toEqual(['good@example.com', 'Postmaster']);
  });
});

describe('addressSyntaxOk (smtp-server 3.21 strict rules)', () => {
  it.each([
    ['user@example.com', true],
    ['first.last+tag@sub.example.co.uk', true],
    ["o'hara!#$%&*=?^_`{|}~@example.com", true],
    ['user@bücher.example', true],
    ['user@[192.0.2.1]', true],
    ['user@[IPv6:2001:db8::1]', true],
    ['.user@example.com', false],
    ['user.@example.com', false],
    ['us..er@example.com', false],
    ['user@.example.com', false],
    ['user@example.com.', false],
    ['user@ex..ample.com', false],
    ['user@ex-.ample.com', false],
    ['user@ex.-ample.com', false],
    ['user@exa_mple.com', false],
    ['user@[192.0.2]', false],
    ['user@[IPv6:192.0.2.1]', false],
    ['user@', false],
    ['@example.com', false],
  ])('%s → %s', (address, ok) => {
    expect(addressSyntaxOk(address)).toBe(ok);
  });

  it('a path of at most 256 octets: local + @ + domain ≤ 253 (RFC 5321 §4.5.3.1.3)', () => {
    expect(addressSyntaxOk(`${'x'.repeat(64)}@${'d'.repeat(184)}.com`)).toBe(true);
    expect(addressSyntaxOk(`${'x'.repeat(64)}@${'d'.repeat(185)}.com`)).toBe(false);
  });
});
