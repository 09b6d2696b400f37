// The AWS endpoint adapter with a fake protocol handler: raw request hand-off, body cap (400 in the routed
// protocol's form, the door's own message limit), handler failures (500 in protocol form), unreadable
// requests, keep-alive, port 0. More on the cap: body-cap.test.ts.
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startAwsEndpoint, splitTarget } from '../../../../src-main/adapters/aws-endpoint/server';
import { MAX_MESSAGE_BYTES_V1, MAX_MESSAGE_BYTES_V2 } from '../../../../src-main/core/limits';
import type { AwsHttpRequest, AwsRequestHandler } from '../../../../src-main/protocols/http-types';
import { createFakeEngine } from '../../../helpers/fake-engine';
import { request } from '../../../helpers/http';

let close: (() => Promise<void>) | null = null;
const logged: string[] = [];
afterEach(async () => {
  await close?.();
  close = null;
});

async function start(handler: AwsRequestHandler, maxBodyBytes?: number) {
  const ep = await startAwsEndpoint({ engine: createFakeEngine(), handler, host: '127.0.0.1', port: 0, log: (l) => logged.push(l), ...(maxBodyBytes ? { maxBodyBytes } : {}) });
  close = ep.close;
  return ep;
}

function recorder() {
  const seen: AwsHttpRequest[] = [];
  const handler: AwsRequestHandler = async (req) => {
    seen.push(req);
    return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' };
  };
  return { seen, handler };
}

describe('startAwsEndpoint', () => {
  it('binds port 0 to a free port and reports its URL', async () => {
    const ep = await start(recorder().handler);
    expect(ep.port).toBeGreaterThan(0);
    expect(ep.url).toBe(`http://127.0.0.1:${ep.port}`);
  });

  it('hands the protocol layer the raw path (trailing slash kept), raw query, lower-cased headers, body, peer', async () => {
    const { seen, handler } = recorder();
    const ep = await start(handler);
    const res = await request(`${ep.url}/v2/email/contact-lists/my%20list/contacts/?NextToken=a%2Bb&x`, {
      method: 'POST',
      headers: { 'X-Amz-Target': 'Thing', 'Content-Type': 'application/json' },
      body: '{"a":1}',
    });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    const r = seen[0];
    expect(r.method).toBe('POST');
    expect(r.path).toBe('/v2/email/contact-lists/my%20list/contacts/');
    expect(r.query).toBe('NextToken=a%2Bb&x');
    expect(r.headers['x-amz-target']).toBe('Thing');
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.body.toString()).toBe('{"a":1}');
    expect(r.sourceIp).toBe('127.0.0.1');
  });

  it('never normalises dot segments or double slashes', () => {
    expect(splitTarget('/v2//email/../x/?a=1')).toEqual({ path: '/v2//email/../x/', query: 'a=1' });
    expect(splitTarget('http://h:1/v2/email/?q')).toEqual({ path: '/v2/email/', query: 'q' });
    expect(splitTarget('/')).toEqual({ path: '/', query: '' });
  });

  it('answers an over-cap v2 body with 400 BadRequestException in REST-JSON form, naming the v2 limit', async () => {
    const { seen, handler } = recorder();
    const ep = await start(handler, 1024);
    const res = await request(`${ep.url}/v2/email/outbound-emails`, { method: 'POST', body: Buffer.alloc(4096, 'a') });
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('BadRequestException');
    expect(res.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json()).toEqual({ message: `Message length is more than ${MAX_MESSAGE_BYTES_V2} bytes long: the request body exceeds 1024 bytes.` });
    expect(seen).toHaveLength(0);
  });

  it('answers an over-cap v1 body with 400 InvalidParameterValue as an <ErrorResponse> naming the v1 limit, also when chunked', async () => {
    const ep = await start(recorder().handler, 1024);
    const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(`${ep.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (r) => {
        let text = '';
        r.on('data', (d) => (text += d));
        r.on('end', () => resolve({ status: r.statusCode!, text }));
      });
      req.on('error', reject);
      for (let i = 0; i < 8; i++) req.write(Buffer.alloc(512, 'b')); // no content-length: chunked
      req.end();
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">');
    expect(res.text).toContain(
      '<Error><Type>Sender</Type><Code>InvalidParameterValue</Code>' +
        `<Message>Message length is more than ${MAX_MESSAGE_BYTES_V1} bytes long: the request body exceeds 1024 bytes.</Message></Error>`,
    );
  });

  it('turns a throwing handler into a 500 in the protocol form, and keeps serving', async () => {
    let calls = 0;
    const ep = await start(async () => {
      calls++;
      throw new Error('boom');
    });
    const v2 = await request(`${ep.url}/v2/email/account`);
    expect(v2.status).toBe(500);
    expect(v2.headers['x-amzn-errortype']).toBe('InternalServiceErrorException');
    const v1 = await request(`${ep.url}/`, { method: 'POST', body: 'Action=SendEmail' });
    expect(v1.status).toBe(500);
    expect(v1.text).toContain('<Code>InternalFailure</Code>');
    expect(v1.text).toContain('<Type>Receiver</Type>');
    expect(calls).toBe(2);
    expect(logged.some((l) => l.includes('boom'))).toBe(true);
  });

  it('answers a handler response with an unusable header with a plain 500 instead of crashing', async () => {
    const ep = await start(async () => ({ status: 200, headers: { 'bad header': 'x' }, body: 'x' }));
    expect((await request(`${ep.url}/`, { method: 'POST' })).status).toBe(500);
    expect((await request(`${ep.url}/_sesame/health`)).status).toBe(200);
  });

  it('answers garbage on the socket with a plain 400', async () => {
    const ep = await start(recorder().handler);
    const reply = await new Promise<string>((resolve) => {
      const s = net.connect(ep.port, '127.0.0.1', () => s.write('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      s.on('data', (d) => (text += d));
      s.on('close', () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
  });

  it('keeps connections alive across requests', async () => {
    const { seen, handler } = recorder();
    const ep = await start(handler);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const ports = new Set<number>();
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve, reject) => {
        const req = http.request(`${ep.url}/v2/email/account`, { agent }, (res) => {
          ports.add(res.socket.localPort!);
          res.resume();
          res.on('end', resolve);
        });
        req.on('error', reject);
        req.end();
      });
    }
    agent.destroy();
    expect(seen).toHaveLength(3);
    expect(ports.size).toBe(1);
  });

  it('close() is idempotent and frees the port', async () => {
    const ep = await start(recorder().handler);
    await Promise.all([ep.close(), ep.close()]);
    await expect(request(`${ep.url}/_sesame/health`)).rejects.toThrow();
  });
});
