// Connects the real AWS SDK v3 clients to our AwsRequestHandler in-process: the SDK serializes the request,
// our pipeline answers, and the SDK deserializes our answer — no sockets. Also a raw request helper.
import { Readable } from 'node:stream';
import { HttpResponse } from '@smithy/core/protocols';
import type { HttpRequest } from '@smithy/core/protocols';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SESClient } from '@aws-sdk/client-ses';
import { SNSClient } from '@aws-sdk/client-sns';
import type { AwsHttpRequest, AwsRequestHandler } from '../../../../src-main/protocols/http-types';
import { createAwsRequestHandler } from '../../../../src-main/protocols/pipeline';
import type { AwsRequestHandlerDeps } from '../../../../src-main/protocols/pipeline';
import { sequentialIds } from '../../../../src-main/core/ids';
import { fakeEngine } from './fake-engine';
import type { FakeEngine } from './fake-engine';

export const SOURCE_IP = '203.0.113.7';
export const ACCESS_KEY_ID = 'AKIASESAMETEST';
export const FIRST_REQUEST_ID = '00000000-0000-4000-8000-000000000001';

function queryString(query: HttpRequest['query']): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(v) ? v : [v]) {
      parts.push(item === null ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(item)}`);
    }
  }
  return parts.join('&');
}

/** The SDK's JSON bodies are Uint8Array adapters with string methods; copy the bytes without valueOf(). */
function toBuffer(body: unknown): Buffer {
  if (body == null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.concat([Buffer.from(body.buffer, body.byteOffset, body.byteLength)]);
  throw new Error(`unsupported SDK request body: ${typeof body}`);
}

/** Converts the SDK's HttpRequest into our AwsHttpRequest, and our response back. */
export function sdkRequestHandler(handler: AwsRequestHandler, seen: AwsHttpRequest[] = []) {
  return {
    async handle(request: HttpRequest) {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      const body = toBuffer(request.body);
      const req: AwsHttpRequest = { method: request.method, path: request.path, query: queryString(request.query), headers, body, sourceIp: SOURCE_IP };
      seen.push(req);
      const res = await handler(req);
      // Node's HTTP client lower-cases response header names; so do we.
      const resHeaders = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k.toLowerCase(), v]));
      const response = new HttpResponse({ statusCode: res.status, headers: resHeaders, body: Readable.from([Buffer.from(res.body)]) });
      return { response };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs() {
      return {};
    },
  };
}

export interface Harness {
  engine: FakeEngine;
  handler: AwsRequestHandler;
  /** Every request the SDK sent, as our pipeline saw it. */
  seen: AwsHttpRequest[];
  logs: string[];
  v2: SESv2Client;
  v1: SESClient;
  sns: SNSClient;
}

export function harness(opts: { region?: string; deps?: Partial<AwsRequestHandlerDeps>; engine?: FakeEngine } = {}): Harness {
  const engine = opts.engine ?? fakeEngine();
  const logs: string[] = [];
  const handler = createAwsRequestHandler({ engine, ids: sequentialIds(), log: (l) => logs.push(l), ...opts.deps });
  const seen: AwsHttpRequest[] = [];
  const config = {
    endpoint: 'http://sesame.test',
    region: opts.region ?? 'eu-west-1',
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: 'not-checked' },
    requestHandler: sdkRequestHandler(handler, seen),
    maxAttempts: 1,
  };
  return { engine, handler, seen, logs, v2: new SESv2Client(config), v1: new SESClient(config), sns: new SNSClient(config) };
}

/** A raw request straight into the handler (for inputs the SDK would never send). */
export function rawRequest(partial: Omit<Partial<AwsHttpRequest>, 'body'> & { body?: Buffer | string }): AwsHttpRequest {
  const body = partial.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(partial.body) ? partial.body : Buffer.from(partial.body);
  return { method: 'POST', path: '/', query: '', headers: {}, sourceIp: SOURCE_IP, ...partial, body };
}

/** `Authorization` for a given SigV4 scope (signature not checked). */
export const authFor = (service: string, region = 'us-east-1') => ({
  authorization: `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY_ID}/20260101/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc`,
});

/** Catches the rejection of a promise (SDK errors), failing when it resolves. */
export async function rejection(p: Promise<unknown>): Promise<Error & { $metadata: { httpStatusCode?: number; requestId?: string }; $fault?: string; Type?: string; Code?: string }> {
  try {
    await p;
  } catch (e) {
    return e as never;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
