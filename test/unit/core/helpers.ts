// Shared fixtures for the engine's unit tests: an in-memory engine on a fake clock with sequential ids,
// SendRequest builders for each door, and a collector for domain events.
import { expect } from 'vitest';
import { createEngine, type EngineOptions } from '../../../src-main/core/engine';
import { SesError } from '../../../src-main/core/errors';
import { FakeClock } from '../../../src-main/core/clock';
import type { CallerContext, DomainEvents, Engine, SendRequest } from '../../../src-main/core/engine-api';
import { sequentialIds } from '../../../src-main/core/ids';
import { MAX_MESSAGE_BYTES_V1, MAX_MESSAGE_BYTES_V2 } from '../../../src-main/core/limits';

/** 2026-01-01T00:00:00.000Z */
export const T0 = Date.UTC(2026, 0, 1);

export interface TestEngine {
  engine: Engine;
  clock: FakeClock;
  logs: { message: string; err: unknown }[];
}

/** Everything allowed, for tests not about the sending rules (pass `account: NEW_ACCOUNT_RULES` for SES's defaults). */
export const CATCHER_OVERRIDES: NonNullable<EngineOptions['account']> = { autoVerify: true, sandbox: false, max24HourSend: -1, maxSendRate: 1_000_000 };
/** No overrides: the engine starts as a new SES account. */
export const NEW_ACCOUNT_RULES: NonNullable<EngineOptions['account']> = {};

export function makeEngine(over: Partial<EngineOptions> = {}): TestEngine {
  const clock = new FakeClock(T0);
  const logs: TestEngine['logs'] = [];
  const engine = createEngine({
    region: 'us-east-1',
    accountId: '123456789012',
    dbPath: ':memory:',
    maxMessages: 1000,
    clock,
    ids: sequentialIds(),
    log: (message, err) => logs.push({ message, err }),
    account: CATCHER_OVERRIDES,
    ...over,
  });
  return { engine, clock, logs };
}

export const v2Caller: CallerContext = {
  door: 'sesv2',
  operation: 'SendEmail',
  sourceIp: '10.0.0.7',
  accessKeyId: 'AKIATEST',
  requestId: 'req-1',
};

export const smtpCaller: CallerContext = {
  door: 'smtp',
  operation: 'SendRawEmail',
  sourceIp: '127.0.0.1',
  accessKeyId: 'AKIASMTP',
  requestId: 'req-smtp',
  smtp: { remoteAddress: '127.0.0.1', clientHostname: 'localhost', secure: false, user: 'AKIASMTP', authMethod: 'PLAIN', authVerified: false },
};

export function simpleRequest(over: Partial<SendRequest> = {}): SendRequest {
  return {
    caller: v2Caller,
    from: 'sender@example.com',
    destination: { to: ['to@example.com'] },
    content: { kind: 'simple', subject: { data: 'Hello' }, text: { data: 'Hello world' } },
    maxBytes: MAX_MESSAGE_BYTES_V2,
    ...over,
  };
}

export function rawRequest(mime: string | Buffer, over: Partial<SendRequest> = {}): SendRequest {
  return {
    caller: { ...v2Caller, door: 'ses', operation: 'SendRawEmail' },
    content: { kind: 'raw', data: Buffer.isBuffer(mime) ? mime : Buffer.from(mime) },
    maxBytes: MAX_MESSAGE_BYTES_V1,
    ...over,
  };
}

/** Lines joined with CRLF, the wire form. */
export const crlf = (...lines: string[]) => lines.join('\r\n');

export function collect(engine: Engine) {
  const seen: { name: keyof DomainEvents; payload: unknown }[] = [];
  const names: (keyof DomainEvents)[] = ['message.accepted', 'message.updated', 'messages.deleted', 'event.recorded'];
  for (const name of names) engine.bus.on(name, (payload) => seen.push({ name, payload }));
  return seen;
}

/** Awaits a send that must be refused and returns the SesError (fails the test otherwise). */
export async function refusal(p: Promise<unknown>): Promise<SesError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SesError);
  return err as SesError;
}
