// Where EventBridge and Firehose destinations deliver locally: Sesame's "event sinks" setting (kept in
// account_state), each an HTTP URL (POST) and/or a file (one JSON line per record). EventBridge targets get
// the envelope as an API destination would receive it; Firehose HTTP endpoints get Firehose's HTTP endpoint
// delivery request (`{requestId, timestamp, records:[{data: base64}]}`, doc firehose httpdeliveryrequestresponse)
// whose one record is the event JSON plus a newline [verify]; files get the envelope / event JSON per line.
// Every write is logged per message (publish log) with status, latency and the response's first 1 KB.
// Owns: the setting and the writes. Must not: open sockets or files (the injected post/append do), or block
// the caller (writes run in the background; `settled()` awaits them).
import type { SesEventRecord } from '../../contract/messages';
import type { Clock } from '../clock';
import { errors } from '../errors';
import type { Ids } from '../ids';
import { createInflight } from '../inflight';
import { PUBLISH_LOG_RESPONSE_MAX_BYTES } from '../limits';
import type { PublishingStore } from '../store/publishing-store';
import type { SettingsStore } from '../store/types';
import type { EventSinks, EventSinkTarget, PublishRecord, SinkAppend, SinkPost } from './api';
import { createPublishLog } from './log';
import { eventBridgeEnvelope } from './shapes';

const KEY = 'publishing.eventSinks';

export interface SinkDeps {
  clock: Clock;
  ids: Ids;
  settings: SettingsStore;
  store: PublishingStore;
  post?: SinkPost;
  append?: SinkAppend;
  region: string;
  accountId: string;
  log(message: string, err: unknown): void;
}

export interface Sinks {
  get(): EventSinks;
  set(sinks: EventSinks): EventSinks;
  eventBridge(e: SesEventRecord, configurationSet: string, destination: string): void;
  firehose(e: SesEventRecord, configurationSet: string, destination: string): void;
  settled(): Promise<void>;
}

function target(v: unknown, name: string): EventSinkTarget | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw errors.invalidParameter(`${name} must be an object with url and/or file.`);
  const o = v as Record<string, unknown>;
  const t: EventSinkTarget = {};
  for (const k of ['url', 'file'] as const) {
    if (o[k] === undefined || o[k] === null || o[k] === '') continue;
    if (typeof o[k] !== 'string') throw errors.invalidParameter(`${name}.${k} must be a string.`);
    t[k] = o[k] as string;
  }
  if (t.url && !/^https?:\/\//i.test(t.url)) throw errors.invalidParameter(`${name}.url must be an http(s) URL.`);
  return t.url || t.file ? t : undefined;
}

export function createSinks(deps: SinkDeps): Sinks {
  const { clock } = deps;
  const log = createPublishLog(deps.store, clock);
  const { track, settled } = createInflight((err) => deps.log('event sink write failed', err));
  const get = (): EventSinks => deps.settings.get<EventSinks>(KEY) ?? {};

  const base = (e: SesEventRecord, set: string, destination: string, kind: 'eventBridge' | 'firehose') => ({
    messageId: e.messageId,
    eventId: e.id,
    configurationSet: set,
    destination,
    kind,
    snsMessageId: null,
  });

  function write(rec: Omit<PublishRecord, 'id' | 'at' | 'target' | 'outcome' | 'status' | 'latencyMs' | 'responseBody' | 'error'>, t: EventSinkTarget | undefined, http: { body: string; headers: Record<string, string> }, line: string) {
    if (!t) {
      log({ ...rec, outcome: 'failed', error: 'No event sink is configured (PUT /_sesame/event-sinks).' });
      return;
    }
    if (t.url) {
      const url = t.url;
      const started = clock.now();
      track(
        (async () => {
          const finish = (o: Pick<PublishRecord, 'outcome' | 'status' | 'responseBody' | 'error'>) =>
            log({ ...rec, at: started, target: url, latencyMs: clock.now() - started, ...o });
          if (!deps.post) return void finish({ outcome: 'failed', status: null, responseBody: null, error: 'No outbound HTTP is available.' });
          try {
            const res = await deps.post({ url, ...http });
            const ok = res.status >= 200 && res.status < 300;
            finish({ outcome: ok ? 'delivered' : 'failed', status: res.status, responseBody: res.body.slice(0, PUBLISH_LOG_RESPONSE_MAX_BYTES), error: ok ? null : `HTTP ${res.status}` });
          } catch (err) {
            finish({ outcome: 'failed', status: null, responseBody: null, error: err instanceof Error ? err.message : String(err) });
          }
        })(),
      );
    }
    if (t.file) {
      const file = t.file;
      const started = clock.now();
      track(
        (async () => {
          let error: string | null = deps.append ? null : 'No file output is available.';
          if (deps.append) await deps.append(file, line).catch((err: unknown) => void (error = err instanceof Error ? err.message : String(err)));
          log({ ...rec, at: started, target: file, outcome: error ? 'failed' : 'delivered', latencyMs: clock.now() - started, error });
        })(),
      );
    }
  }

  return {
    get,
    set(sinks) {
      const next: EventSinks = {};
      const eb = target(sinks.eventBridge, 'eventBridge');
      const fh = target(sinks.firehose, 'firehose');
      if (eb) next.eventBridge = eb;
      if (fh) next.firehose = fh;
      deps.settings.put(KEY, next);
      return next;
    },
    eventBridge(e, set, destination) {
      const envelope = eventBridgeEnvelope({ id: deps.ids.uuid(), eventType: e.eventType, at: clock.now(), region: deps.region, accountId: deps.accountId, configurationSet: set, detail: e.payload });
      const json = JSON.stringify(envelope);
      write(base(e, set, destination, 'eventBridge'), get().eventBridge, { body: json, headers: { 'content-type': 'application/json' } }, json);
    },
    firehose(e, set, destination) {
      const json = JSON.stringify(e.payload);
      const requestId = deps.ids.uuid();
      const body = JSON.stringify({ requestId, timestamp: clock.now(), records: [{ data: Buffer.from(`${json}\n`, 'utf8').toString('base64') }] });
      const headers = { 'content-type': 'application/json', 'x-amz-firehose-request-id': requestId, 'x-amz-firehose-protocol-version': '1.0' };
      write(base(e, set, destination, 'firehose'), get().firehose, { body, headers }, json);
    },
    settled,
  };
}
