// The LocalStack-compatible `/_aws/ses` endpoint and the health check on the AWS port (ses-facts §B.2).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAwsEndpoint } from '../../../../src-main/adapters/aws-endpoint/server';
import { createFakeEngine, makeMessage } from '../../../helpers/fake-engine';
import type { FakeEngine } from '../../../helpers/fake-engine';
import { request } from '../../../helpers/http';

let engine: FakeEngine;
let url: string;
let close: () => Promise<void>;
let handled = 0;

beforeEach(async () => {
  const a = makeMessage('m-1');
  const b = makeMessage('m-2', { from: { name: '', address: 'other@example.com' } });
  engine = createFakeEngine([a, b]);
  handled = 0;
  const ep = await startAwsEndpoint({
    engine,
    handler: async () => {
      handled++;
      return { status: 200, headers: {}, body: '' };
    },
    host: '127.0.0.1',
    port: 0,
    log: () => undefined,
  });
  url = ep.url;
  close = ep.close;
});
afterEach(() => close());

describe('/_aws/ses', () => {
  it('GET lists every message as {"messages":[…]}', async () => {
    const res = await request(`${url}/_aws/ses`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json();
    expect(body.messages.map((m: { Id: string }) => m.Id)).toEqual(['m-1', 'm-2']);
    expect(body.messages[0]).toMatchObject({ Region: 'us-east-1', Source: 'sender@example.com', Destination: { ToAddresses: ['to@example.com'] } });
    expect(handled).toBe(0);
  });

  it('GET filters by ?id= and ?email=', async () => {
    expect((await request(`${url}/_aws/ses?id=m-2`)).json().messages.map((m: { Id: string }) => m.Id)).toEqual(['m-2']);
    expect((await request(`${url}/_aws/ses?email=other%40example.com`)).json().messages.map((m: { Id: string }) => m.Id)).toEqual(['m-2']);
    expect(engine.calls.retrospection.slice(-2)).toEqual([{ id: 'm-2' }, { email: 'other@example.com' }]);
  });

  it('DELETE ?id= removes one, DELETE removes all, both 204', async () => {
    const one = await request(`${url}/_aws/ses?id=m-1`, { method: 'DELETE' });
    expect(one.status).toBe(204);
    expect(one.text).toBe('');
    expect(engine.store.map((m) => m.detail.id)).toEqual(['m-2']);
    expect((await request(`${url}/_aws/ses`, { method: 'DELETE' })).status).toBe(204);
    expect(engine.store).toHaveLength(0);
    expect(engine.calls.retrospectionDelete).toEqual(['m-1', undefined]);
  });

  it('refuses other methods with 405', async () => {
    const res = await request(`${url}/_aws/ses`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, DELETE');
  });
});

describe('/_sesame/health', () => {
  it('answers {"status":"ok"}', async () => {
    const res = await request(`${url}/_sesame/health`);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('leaves other /_sesame/ paths as 404 without reaching the protocol layer', async () => {
    expect((await request(`${url}/_sesame/nope`)).status).toBe(404);
    expect(handled).toBe(0);
  });
});
