// The automation router in-process (no sockets): which paths it claims, JSON in/out, `{code, message}`
// failures with their statuses, and the duration parser behind POST /_sesame/time/advance.
import { describe, expect, it } from 'vitest';
import { handleAutomation, isAutomationPath } from '../../../../src-main/adapters/aws-endpoint/automation/index';
import { parseDuration } from '../../../../src-main/adapters/aws-endpoint/automation/time-routes';
import type { Engine } from '../../../../src-main/core/engine-api';
import { makeEngine, simpleRequest } from '../../core/helpers';

async function call(engine: Engine, method: string, target: string, body?: unknown) {
  const [path, query = ''] = target.split('?');
  const raw = body === undefined ? Buffer.alloc(0) : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const res = await handleAutomation(engine, method, path, query, raw);
  const text = typeof res.body === 'string' ? res.body : res.body.toString('utf8');
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

describe('automation routing', () => {
  it('claims its own paths only; health, verify-email and retrospection stay elsewhere', () => {
    for (const p of ['/_sesame/reset', '/_sesame/account', '/_sesame/account/', '/_sesame/time', '/_sesame/time/advance', '/_sesame/identities/a%40b.com/verify', '/_sesame/identities/b.com/fail']) {
      expect(isAutomationPath(p), p).toBe(true);
    }
    for (const p of ['/_sesame/health', '/_sesame/verify-email', '/_aws/ses', '/_sesame/identities//verify', '/_sesame/identities/x', '/v2/email/account', '/_sesame/accounts']) {
      expect(isAutomationPath(p), p).toBe(false);
    }
  });

  it('405 names the allowed methods; HEAD answers like GET without a body', async () => {
    const { engine } = makeEngine();
    const res = await call(engine, 'DELETE', '/_sesame/account');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, PATCH');
    expect(res.json).toMatchObject({ code: 'MethodNotAllowed' });
    const head = await handleAutomation(engine, 'HEAD', '/_sesame/time', '', Buffer.alloc(0));
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('refuses bodies that are not JSON objects, and unknown or ill-typed members, with 400 {code, message}', async () => {
    const { engine } = makeEngine();
    expect(await call(engine, 'PATCH', '/_sesame/account', '{nope')).toMatchObject({ status: 400, json: { code: 'BadRequest' } });
    expect((await call(engine, 'PATCH', '/_sesame/account', [1])).json?.message).toBe('The body must be a JSON object.');
    expect((await call(engine, 'PATCH', '/_sesame/account', { sandboxx: true })).json?.message).toMatch(/^Unknown member sandboxx; expected sandbox, /);
    expect((await call(engine, 'PATCH', '/_sesame/account', { maxSendRate: 0 })).json?.message).toBe('maxSendRate must be a number > 0 (recipients per second).');
    expect((await call(engine, 'PATCH', '/_sesame/account', { max24HourSend: 1.5 })).status).toBe(400);
    expect((await call(engine, 'PATCH', '/_sesame/account', { enforcementStatus: 'PAUSED' })).json?.message).toBe('enforcementStatus must be one of HEALTHY, PROBATION, SHUTDOWN.');
    expect((await call(engine, 'PATCH', '/_sesame/account', { suppressedReasons: ['SPAM'] })).status).toBe(400);
    expect((await call(engine, 'POST', '/_sesame/identities/%E0%A4%A/verify')).json).toMatchObject({ code: 'BadRequest' });
    // Nothing was applied by the refused calls.
    expect(engine.account.get().sendQuota.maxSendRate).toBe(1_000_000);
  });

  it('PATCH /_sesame/account applies a patch and answers the account', async () => {
    const { engine } = makeEngine();
    const res = await call(engine, 'PATCH', '/_sesame/account', { sandbox: true, max24HourSend: 10, maxSendRate: 2, suppressedReasons: [] });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ sandbox: true, productionAccessEnabled: false, suppressedReasons: [], sendQuota: { max24HourSend: 10, maxSendRate: 2, sentLast24Hours: 0 }, rateWaitMs: 0, details: null });
  });

  it('an engine refusal becomes its v2 error name with a fitting status', async () => {
    const { engine } = makeEngine();
    const res = await call(engine, 'POST', '/_sesame/identities/nobody%40example.com/verify');
    expect(res).toMatchObject({ status: 404, json: { code: 'NotFound', message: 'Identity nobody@example.com does not exist.' } });
  });

  it('POST /_sesame/reset keeps mail unless messages=1', async () => {
    const { engine } = makeEngine();
    await engine.sending.send(simpleRequest());
    expect((await call(engine, 'POST', '/_sesame/reset')).json).toEqual({ reset: true, messagesDeleted: 0 });
    expect(engine.messages.counts().total).toBe(1);
    expect((await call(engine, 'POST', '/_sesame/reset?messages=1')).json).toEqual({ reset: true, messagesDeleted: 1 });
    expect(engine.messages.counts().total).toBe(0);
  });

  it('time: exactly one of ms, seconds, duration', async () => {
    const { engine } = makeEngine();
    const before = engine.time.now();
    expect((await call(engine, 'POST', '/_sesame/time/advance', { seconds: 1.5 })).json).toMatchObject({ offsetMs: 1500, ran: 0 });
    expect((await call(engine, 'POST', '/_sesame/time/advance', { duration: '1h30m' })).json).toMatchObject({ offsetMs: 1500 + 5_400_000 });
    expect((await call(engine, 'POST', '/_sesame/time/advance', { ms: 500 })).json).toMatchObject({
      now: new Date(before + 1500 + 5_400_000 + 500).toISOString(),
    });
    for (const bad of [{}, { ms: 1, seconds: 1 }, { ms: -1 }, { duration: 'soon' }, { duration: 5 }, { ms: 1e15 }, { minutes: 1 }]) {
      expect((await call(engine, 'POST', '/_sesame/time/advance', bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect(await call(engine, 'GET', '/_sesame/time')).toMatchObject({ status: 200, json: { offsetMs: 5_402_000 } });
  });
});

describe('parseDuration', () => {
  it('reads ms, s, m, h, d and sums parts', () => {
    expect(parseDuration('24h')).toBe(86_400_000);
    expect(parseDuration('90m')).toBe(5_400_000);
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(parseDuration('1h30m15s')).toBe(5_415_000);
    expect(parseDuration(' 1.5S ')).toBe(1500);
    for (const bad of ['', '24', 'h', '1 h', '-1s', '1w', '1h-2m']) expect(parseDuration(bad), bad).toBeNull();
  });
});
