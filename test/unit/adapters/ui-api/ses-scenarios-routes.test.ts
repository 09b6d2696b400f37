// UI API scenario-rule and simulator-test routes against a real engine: rule CRUD with the engine's own
// validation text, partial updates, reorder; a simulator test send through the sending pipeline (Send then
// Bounce for bounce@), its default sender, and SES's own refusal when the sender is not verified.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSesHarness, type SesHarness } from './ses-setup';

let h: SesHarness;
afterEach(() => h.stop());

describe('/api/scenario-rules', () => {
  beforeEach(async () => {
    h = await startSesHarness();
  });

  const rule = (pattern: string, action: Record<string, unknown> = { kind: 'hard-bounce' }) => ({ name: `rule ${pattern}`, match: { kind: 'glob', pattern }, action });

  it('creates rules with defaults filled in, lists them in order, updates only what is given', async () => {
    const res = await h.call('POST', '/api/scenario-rules', rule('bounce-*@qa.example'));
    expect(res.status).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: 'rule bounce-*@qa.example', enabled: true, match: { kind: 'glob', pattern: 'bounce-*@qa.example' }, action: { kind: 'hard-bounce' } });
    expect(created.action.bounceSubType).toEqual(expect.any(String));
    expect(created.id).toEqual(expect.any(String));
    const second = (await h.call('POST', '/api/scenario-rules', rule('soft-*@qa.example', { kind: 'soft-bounce', retries: 2 }))).json();
    expect(second.action).toMatchObject({ kind: 'soft-bounce', retries: 2 });

    const off = await h.call('PUT', `/api/scenario-rules/${created.id}`, { enabled: false });
    expect(off.status).toBe(200);
    expect(off.json()).toEqual({ ...created, enabled: false });
    expect(h.engine.scenarios.match('bounce-1@qa.example')).toBeUndefined();

    const list = (await h.call('GET', '/api/scenario-rules')).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([created.id, second.id]);
  });

  it('reorders and deletes', async () => {
    const a = (await h.call('POST', '/api/scenario-rules', rule('a@x.example'))).json();
    const b = (await h.call('POST', '/api/scenario-rules', rule('b@x.example'))).json();
    const res = await h.call('POST', '/api/scenario-rules/reorder', { ids: [b.id, a.id] });
    expect(res.json().items.map((r: { id: string }) => r.id)).toEqual([b.id, a.id]);
    const bad = await h.call('POST', '/api/scenario-rules/reorder', { ids: [b.id] });
    expect(bad.status).toBe(400);
    expect(bad.json().code).toBe('BadRequestException');
    expect((await h.call('DELETE', `/api/scenario-rules/${a.id}`)).status).toBe(204);
    expect((await h.call('DELETE', `/api/scenario-rules/${a.id}`)).status).toBe(404);
    expect(h.engine.scenarios.list().map((r) => r.id)).toEqual([b.id]);
  });

  it("shows the engine's own refusal of a bad rule and of an unknown id", async () => {
    const bad = await h.call('POST', '/api/scenario-rules', { match: { kind: 'wildcard', pattern: 'x' }, action: { kind: 'hard-bounce' } });
    expect(bad.status).toBe(400);
    expect(bad.json().code).toBe('BadRequestException');
    expect(bad.json().message).toMatch(/^Invalid scenario rule: match\.kind/);
    const unknownMember = await h.call('POST', '/api/scenario-rules', { ...rule('x@y.example'), priority: 1 });
    expect(unknownMember.json()).toMatchObject({ code: 'BadRequest' });
    const missing = await h.call('PUT', '/api/scenario-rules/nope', { enabled: false });
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({ code: 'NotFoundException', message: 'Scenario rule nope does not exist.' });
    expect(h.engine.scenarios.list()).toEqual([]);
  });
});

describe('POST /api/simulator-test', () => {
  it('sends to bounce@ through the pipeline: Send then Bounce, from the default sender', async () => {
    h = await startSesHarness();
    const res = await h.call('POST', '/api/simulator-test', { scenario: 'bounce' });
    expect(res.status).toBe(200);
    const out = res.json();
    expect(out).toMatchObject({ from: 'simulator-test@example.com', to: 'bounce@simulator.amazonses.com' });
    const detail = await h.engine.messages.get(out.messageId);
    expect(detail?.door).toBe('sesv2');
    expect(detail?.operation).toBe('SendEmail');
    expect(detail?.to.map((a) => a.address)).toEqual(['bounce@simulator.amazonses.com']);
    expect(detail?.events.map((e) => e.eventType)).toEqual(['Send', 'Bounce']);
  });

  it('uses the first verified identity, or the given sender; SES refuses an unverified one in its own words', async () => {
    h = await startSesHarness({ account: {} });
    const refused = await h.call('POST', '/api/simulator-test', { scenario: 'success' });
    expect(refused.status).toBe(400);
    expect(refused.json()).toEqual({
      code: 'MessageRejected',
      message: 'Email address is not verified. The following identities failed the check in region US-EAST-1: simulator-test@example.com',
    });
    await h.call('POST', '/api/identities', { identity: 'qa.example' });
    await h.call('POST', '/api/identities/qa.example/status', { status: 'SUCCESS' });
    const ok = await h.call('POST', '/api/simulator-test', { scenario: 'success' });
    expect(ok.json()).toMatchObject({ from: 'simulator-test@qa.example', to: 'success@simulator.amazonses.com' });
    // A new account sends 1 per second, simulator included: the next send at once is SES's throttling.
    const throttled = await h.call('POST', '/api/simulator-test', { scenario: 'success' });
    expect(throttled.status).toBe(429);
    expect(throttled.json()).toEqual({ code: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.' });
    h.clock.advance(1_000);
    const given = await h.call('POST', '/api/simulator-test', { scenario: 'complaint', from: 'team@qa.example' });
    expect(given.json().from).toBe('team@qa.example');
    const events = (await h.engine.messages.get(given.json().messageId))?.events.map((e) => e.eventType);
    expect(events).toEqual(['Send', 'Delivery', 'Complaint']);
    for (const body of [{}, { scenario: 'reject' }, { scenario: 'bounce', to: 'x@y.z' }]) {
      expect((await h.call('POST', '/api/simulator-test', body)).status, JSON.stringify(body)).toBe(400);
    }
  });
});
