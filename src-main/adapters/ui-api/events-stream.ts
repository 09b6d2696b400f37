// The live stream: GET /api/events as Server-Sent Events. Each engine domain event becomes
// `event: <name>\ndata: <json>\n\n`; a comment line every 15 s keeps proxies and idle timers from closing it.
// App-level events (preferences — host state, not engine state) are not on the engine bus: the UI API
// hands them to `broadcast`, which writes the same frame to every connected client.
// Each frame is serialised once per event, whatever the number of clients. A client that does not read (a
// paused or stalled tab) would make Node buffer every frame for it without limit, so a client with more than
// MAX_BUFFERED_BYTES queued beyond a full socket is cut; EventSource reconnects and the renderer resyncs on
// every (re)open (src-renderer/src/stores/live-sync.ts), so it loses nothing but the backlog.
// Engine payloads that are contract types go out as emitted; the delivery and publish logs' views become the
// same DTOs their HTTP routes serve (TO_LIVE; a publish record for SNS sends nothing: its delivery does).
// Owns: one engine-bus subscription while any client is connected, writing frames, cutting slow clients,
// unsubscribing when the last client goes. Must not: shape payloads beyond TO_LIVE's route DTOs, or put
// app-level events on the engine bus.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LiveEvents } from '../../contract/ui-api';
import type { LiveEventPayloads } from '../../contract/ui-api';
import type { DomainBus, DomainEvents } from '../../core/engine-api';
import { BASE_HEADERS } from './respond';
import { sinkAttempts } from './ses-routes-events';
import { attemptDtos } from './ses-routes-sns';

export const HEARTBEAT_MS = 15_000;
/** Bytes a client may have queued beyond a full socket before it is cut (1 MiB). */
export const MAX_BUFFERED_BYTES = 1024 * 1024;

type LiveName = keyof LiveEventPayloads;

/** Live events that are not engine domain events: only `broadcast` sends them. */
export type AppEventName = Exclude<LiveName, keyof DomainEvents>;
type EngineEventName = Exclude<LiveName, AppEventName>;

// A Record, so a new contract event that the engine does not emit fails to compile until it is listed here.
const APP_EVENTS: Record<AppEventName, true> = { [LiveEvents.preferencesUpdated]: true };
const ENGINE_EVENTS = Object.values(LiveEvents).filter((n): n is EngineEventName => !Object.hasOwn(APP_EVENTS, n));

const same = <T>(payload: T): T => payload;
/** Each engine event's live payload (null: no frame). A Record, so every engine event must say how. */
const TO_LIVE: { [K in EngineEventName]: (payload: DomainEvents[K]) => LiveEventPayloads[K] | null } = {
  'message.accepted': same,
  'message.updated': same,
  'messages.deleted': same,
  'event.recorded': same,
  'sns.delivery': (d) => ({ deliveryId: String(d.id), attempts: attemptDtos(d) }),
  'publish.recorded': (r) => sinkAttempts([r])[0] ?? null,
  'reputation.changed': same,
};

export interface EventStreams {
  /** Attach one SSE client. */
  open(req: IncomingMessage, res: ServerResponse): void;
  /** Send an app-level event to every connected client. */
  broadcast<K extends AppEventName>(name: K, payload: LiveEventPayloads[K]): void;
  /** Number of connected clients (tests, diagnostics). */
  readonly size: number;
  /** End every stream (server shutdown). */
  closeAll(): void;
}

const HEARTBEAT = ': heartbeat\n\n';
const frame = (name: string, payload: unknown) => `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;

interface Client {
  /** Write a frame (`bytes` long), or cut the client when too much is queued for it. */
  write(text: string, bytes: number): void;
  close(): void;
}

export function createEventStreams(bus: DomainBus, heartbeatMs = HEARTBEAT_MS, maxBufferedBytes = MAX_BUFFERED_BYTES): EventStreams {
  const clients = new Set<Client>();
  /** The bus subscription, held only while at least one client is connected. */
  let unsubscribe: (() => void)[] = [];

  const writeAll = (text: string) => {
    const bytes = Buffer.byteLength(text);
    for (const client of [...clients]) client.write(text, bytes);
  };
  const listen = <K extends EngineEventName>(name: K) =>
    bus.on(name, (payload) => {
      const live = TO_LIVE[name](payload);
      if (live !== null) writeAll(frame(name, live));
    });
  const subscribe = () => {
    unsubscribe = ENGINE_EVENTS.map(listen);
  };

  function open(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...BASE_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // (res 'close', not req 'close': the request side of a GET ends at once.)
    // Tell EventSource how soon to reconnect, and flush headers now so the client's `open` fires.
    res.write('retry: 2000\n: connected\n\n');
    req.socket.setNoDelay(true);
    req.socket.setTimeout(0);

    let closed = false;
    // Backpressure: once res.write says the queue is full, count what is queued after it until 'drain'. A
    // reader that keeps up drains (even after one frame bigger than the limit); a stalled one is cut once
    // more than maxBufferedBytes piled up, so it costs at most the socket buffers plus the limit plus a frame.
    let congested = false;
    let queuedSinceFull = 0;
    const heartbeat = setInterval(() => client.write(HEARTBEAT, HEARTBEAT.length), heartbeatMs);
    heartbeat.unref();
    const client: Client = {
      write(text, bytes) {
        if (closed || res.writableEnded || res.destroyed) return;
        if (congested) {
          queuedSinceFull += bytes;
          if (queuedSinceFull > maxBufferedBytes) {
            // Not end(): that would wait for the backlog to drain. The reader reconnects and resyncs.
            res.destroy();
            client.close();
            return;
          }
        }
        if (!res.write(text) && !congested) {
          congested = true;
          queuedSinceFull = 0;
          res.once('drain', () => {
            congested = false;
          });
        }
      },
      close() {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        clients.delete(client);
        if (clients.size === 0) for (const off of unsubscribe.splice(0)) off();
        if (!res.writableEnded && !res.destroyed) res.end();
      },
    };
    if (clients.size === 0) subscribe();
    clients.add(client);
    res.on('close', client.close);
    res.on('error', client.close);
  }

  return {
    open,
    broadcast(name, payload) {
      writeAll(frame(name, payload));
    },
    get size() {
      return clients.size;
    },
    closeAll() {
      for (const client of [...clients]) client.close();
    },
  };
}
