// What conformance files share: one test Sesame per file with its real SDK clients (SES v2 and v1, no
// retries), started before the file's tests and torn down after them, and JSON over fetch to the AWS
// port's own routes (the automation API `/_sesame/*`, `/_aws/ses`) as a CI script calls them.
// Owns: that setup and that call. Must not: be imported by src-main, or hide what a test asserts.
import type { SESClient } from '@aws-sdk/client-ses';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll } from 'vitest';
import { sesClient, sesv2Client } from './sdk-clients';
import { startTestSesame, type TestSesame, type TestSesameOptions } from './start-headless';

export interface SdkSesame {
  sesame: TestSesame;
  v2: SESv2Client;
  v1: SESClient;
}

/**
 * Registers the file's beforeAll (start Sesame, make the clients, hand them to `take`) and afterAll
 * (destroy the clients, clean Sesame up). Later beforeAll hooks of the file run after it.
 */
export function useSdkSesame(take: (t: SdkSesame) => void, opts: TestSesameOptions = {}): void {
  let t: SdkSesame | undefined;
  beforeAll(async () => {
    const sesame = await startTestSesame(opts);
    t = { sesame, v2: sesv2Client(sesame), v1: sesClient(sesame) };
    take(t);
  });
  afterAll(async () => {
    t?.v2.destroy();
    t?.v1.destroy();
    await t?.sesame.cleanup();
  });
}

export interface JsonAnswer {
  status: number;
  headers: Headers;
  /** The parsed body; `{}` when there is none. */
  json: Record<string, unknown>;
}

/** `method path` on the AWS port; `body` is sent as JSON (a string as written). */
export async function callJson(sesame: Pick<TestSesame, 'urls'>, method: string, path: string, body?: unknown): Promise<JsonAnswer> {
  const res = await fetch(`${sesame.urls.aws}${path}`, {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
