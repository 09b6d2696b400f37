// Address syntax (ses-facts §A.3): a malformed sender or recipient refuses the send with SES's text —
// v1 InvalidParameterValue, v2 BadRequestException — instead of being dropped; checked before the
// recipient count. Display names keep working.
import { describe, expect, it } from 'vitest';
import type { SendRequest } from '../../../src-main/core/engine-api';
import { collect, crlf, makeEngine, rawRequest, simpleRequest, refusal } from './helpers';

async function refusedWith(req: SendRequest): Promise<string> {
  const { engine } = makeEngine();
  const seen = collect(engine);
  const err = await refusal(engine.sending.send(req));
  expect([err.kind, err.wire.v1, err.wire.v2]).toEqual(['InvalidParameterValue', 'InvalidParameterValue', 'BadRequestException']);
  expect(engine.messages.list({}).total).toBe(0);
  expect(seen).toEqual([]);
  return err.message;
}

describe('address syntax', () => {
  it('refuses a recipient without @ instead of dropping it', async () => {
    expect(await refusedWith(simpleRequest({ destination: { to: ['bob', 'c@d.com'] } }))).toBe("Missing final '@domain'");
    expect(await refusedWith(simpleRequest({ destination: { to: ['c@d.com'], bcc: ['Bob <bob>'] } }))).toBe("Missing final '@domain'");
    expect(await refusedWith(simpleRequest({ destination: { to: ['c@d.com, bob'] } }))).toBe("Missing final '@domain'");
  });

  it('refuses a sender without @', async () => {
    expect(await refusedWith(simpleRequest({ from: 'nobody' }))).toBe("Missing final '@domain'");
    expect(await refusedWith(simpleRequest({ from: 'Nobody <nobody>' }))).toBe("Missing final '@domain'");
    expect(await refusedWith(rawRequest(crlf('From: a@example.com', 'To: b@example.com', '', 'x'), { from: 'nobody' }))).toBe(
      "Missing final '@domain'",
    );
  });

  it("names the other syntax errors as SES does; an empty recipient is v2's `Invalid email address .`", async () => {
    expect(await refusedWith(simpleRequest({ destination: { to: ['bob@'] } }))).toBe('Missing domain');
    expect(await refusedWith(simpleRequest({ destination: { to: ['@example.com'] } }))).toBe('Missing local name');
    expect(await refusedWith(simpleRequest({ destination: { to: [''] } }))).toBe('Invalid email address .');
    expect(await refusedWith(simpleRequest({ destination: { cc: ['  '] } }))).toBe('Invalid email address .');
    expect(await refusedWith(simpleRequest({ destination: { to: ['Bob <>'] } }))).toBe('Invalid email address .');
    // addressparser would quietly turn these into b@example.com and bob@exa; SES refuses them.
    expect(await refusedWith(simpleRequest({ destination: { to: ['bo b@example.com'] } }))).toBe('Local address contains control or whitespace');
    expect(await refusedWith(simpleRequest({ destination: { to: ['Bob <bob@exa mple.com>'] } }))).toBe('Domain contains control or whitespace');
    expect(await refusedWith(simpleRequest({ destination: { to: ['bo\u0001b@example.com'] } }))).toBe('Local address contains control or whitespace');
    expect(await refusedWith(simpleRequest({ destination: { to: ['bob@exa\u0001mple.com'] } }))).toBe('Domain contains control or whitespace');
  });

  it('checks the sender first, and syntax before the recipient count', async () => {
    const many = Array.from({ length: 60 }, (_, i) => `t${i}@example.com`);
    expect(await refusedWith(simpleRequest({ destination: { to: [...many, 'bob'] } }))).toBe("Missing final '@domain'");
    expect(await refusedWith(simpleRequest({ from: 'a@', destination: { to: ['bob'] } }))).toBe('Missing domain');
  });

  it("checks raw mail's From header when no Source names the sender", async () => {
    expect(await refusedWith(rawRequest(crlf('From: nobody', 'To: b@example.com', '', 'x')))).toBe("Missing final '@domain'");
    expect(await refusedWith(rawRequest(crlf('From: Nobody <nobody@>', 'To: b@example.com', '', 'x')))).toBe('Missing domain');
  });

  it('checks Reply-To and the return path too', async () => {
    expect(await refusedWith(simpleRequest({ replyTo: ['reply'] }))).toBe("Missing final '@domain'");
    expect(await refusedWith(simpleRequest({ returnPath: 'bounces@' }))).toBe('Missing domain');
  });

  it("refuses raw mail whose To/Cc/Bcc headers are its recipients and name a bad address", async () => {
    expect(await refusedWith(rawRequest(crlf('From: a@example.com', 'To: bob, c@example.com', '', 'x')))).toBe("Missing final '@domain'");
    expect(await refusedWith(rawRequest(crlf('From: a@example.com', 'To: c@example.com', 'Bcc: d@', '', 'x')))).toBe('Missing domain');
  });

  it('keeps display names, group syntax and an unparseable raw From with a Source working', async () => {
    const { engine } = makeEngine();
    const simple = await engine.sending.send(
      simpleRequest({ from: '"Shop" <shop@example.com>', destination: { to: ['Sender <a@b.com>'], cc: ['"Doe, Jane" <jane@example.com>'] } }),
    );
    const d = (await engine.messages.get(simple.messageId))!;
    expect(d.envelope).toEqual({ mailFrom: 'shop@example.com', rcptTo: ['a@b.com', 'jane@example.com'] });
    expect(d.from).toEqual({ name: 'Shop', address: 'shop@example.com' });

    const group = await engine.sending.send(rawRequest(crlf('From: a@example.com', 'To: undisclosed-recipients:;', 'Bcc: hidden@example.com', '', 'x')));
    expect((await engine.messages.get(group.messageId))!.envelope.rcptTo).toEqual(['hidden@example.com']);

    const quoted = await engine.sending.send(simpleRequest({ destination: { to: ['"john smith"@example.com'] } }));
    expect((await engine.messages.get(quoted.messageId))!.envelope.rcptTo).toEqual(['"john smith"@example.com']);

    // Raw mail whose From cannot be parsed is still accepted when Source names the sender (events.test.ts
    // checks that ses:from-domain is then left out).
    await expect(engine.sending.send(rawRequest(crlf('From: undisclosed', 'To: b@example.com', '', 'x'), { from: 'e@example.com' }))).resolves.toHaveProperty(
      'messageId',
    );
  });

  it("a send with no recipient anywhere: \"Missing required header 'To'.\", not an address error", async () => {
    expect(await refusedWith(rawRequest(crlf('From: a@example.com', 'Subject: s', '', 'x')))).toBe("Missing required header 'To'.");
    expect(await refusedWith(simpleRequest({ destination: {} }))).toBe("Missing required header 'To'.");
    expect(await refusedWith(simpleRequest({ destination: undefined }))).toBe("Missing required header 'To'.");
  });
});
