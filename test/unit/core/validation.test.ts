// What SES refuses before accepting anything, with its exact texts (ses-facts §A.3); nothing is stored,
// emitted or counted toward the quota for a refused send.
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES_V1 } from '../../../src-main/core/limits';
import { collect, crlf, makeEngine, rawRequest, simpleRequest, refusal } from './helpers';

describe('send validation', () => {
  it("missing sender: InvalidParameterValue \"Missing required header 'From'.\" (AWS's code, not MessageRejected)", async () => {
    const { engine } = makeEngine();
    const a = await refusal(engine.sending.send(simpleRequest({ from: undefined })));
    expect([a.kind, a.message]).toEqual(['InvalidParameterValue', "Missing required header 'From'."]);
    expect([a.wire.v1, a.wire.v2, a.wire.smtp]).toEqual(['InvalidParameterValue', 'BadRequestException', { code: 554, prefix: 'Transaction failed: ' }]);
    const b = await refusal(engine.sending.send(rawRequest(crlf('To: b@example.com', 'Subject: s', '', 'x'))));
    expect([b.kind, b.message]).toEqual(['InvalidParameterValue', "Missing required header 'From'."]);
    // A Source / MAIL FROM does not stand in for the header raw mail must carry.
    const c = await refusal(engine.sending.send(rawRequest(crlf('To: b@example.com', 'Subject: s', '', 'x'), { from: 'envelope@example.com' })));
    expect([c.kind, c.message]).toEqual(['InvalidParameterValue', "Missing required header 'From'."]);
  });

  it('more than 50 recipients: InvalidParameterValue "Recipient count exceeds 50."', async () => {
    const { engine } = makeEngine();
    const to = Array.from({ length: 30 }, (_, i) => `t${i}@example.com`);
    const bcc = Array.from({ length: 21 }, (_, i) => `b${i}@example.com`);
    const err = await refusal(engine.sending.send(simpleRequest({ destination: { to, bcc } })));
    expect([err.kind, err.message]).toEqual(['InvalidParameterValue', 'Recipient count exceeds 50.']);
    await expect(engine.sending.send(simpleRequest({ destination: { to, bcc: bcc.slice(1) } }))).resolves.toHaveProperty('messageId');
  });

  it('counts header recipients of raw mail too', async () => {
    const { engine } = makeEngine();
    const to = Array.from({ length: 51 }, (_, i) => `t${i}@example.com`).join(', ');
    const err = await refusal(engine.sending.send(rawRequest(crlf('From: a@example.com', `To: ${to}`, '', 'x'))));
    expect(err.message).toBe('Recipient count exceeds 50.');
  });

  it('no recipients at all is refused', async () => {
    const { engine } = makeEngine();
    const err = await refusal(engine.sending.send(simpleRequest({ destination: {} })));
    expect(err.kind).toBe('InvalidParameterValue');
  });

  it("too large: \"Message length is more than 10485760 bytes long: '<n>'.\"", async () => {
    const { engine } = makeEngine();
    const big = Buffer.concat([Buffer.from(crlf('From: a@example.com', 'To: b@example.com', '', '')), Buffer.alloc(MAX_MESSAGE_BYTES_V1, 0x61)]);
    const err = await refusal(engine.sending.send(rawRequest(big)));
    expect([err.kind, err.message]).toEqual(['MessageTooLarge', `Message length is more than 10485760 bytes long: '${big.length}'.`]);
    const simple = await refusal(
      engine.sending.send(simpleRequest({ maxBytes: 1000, content: { kind: 'simple', subject: { data: 's' }, text: { data: 'x'.repeat(2000) } } })),
    );
    expect(simple.message).toMatch(/^Message length is more than 1000 bytes long: '\d+'\.$/);
  });

  it('a refused send stores, emits and counts nothing', async () => {
    const { engine } = makeEngine();
    const seen = collect(engine);
    await refusal(engine.sending.send(simpleRequest({ from: undefined })));
    expect(engine.messages.list({}).total).toBe(0);
    expect(seen).toEqual([]);
    expect(engine.account.quota().sentLast24Hours).toBe(0);
  });
});
