// The live stream: GET /api/events as Server-Sent Events. Each engine domain event becomes
// `event: <name>\ndata: <json>\n\n`; a comment line every 15 s keeps proxies and idle timers from closing it.
// App-level events (preferences — host state, not engine state) are not on the engine bus: the UI API
// hands them to `broadcast`, which writes the same frame to every connected client.
// Owns: subscribing to the engine bus per client, writing frames, and unsubscribing when the client goes.
// Must not: transform payloads (they are the contract's LiveEventPayloads as emitted), or put app-level
// events on the engine bus.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LiveEvents } from '../../contract/ui-api';
import type { LiveEventPayloads } from '../../contract/ui-api';
import type { DomainBus, DomainEvents } from '../../core/engine-api';
import { BASE_HEADERS } from './respond';

export const HEARTBEAT_MS = 15_000;

type LiveName = keyof LiveEventPayloads;

/** Live events that are not engine domain events: only `broadcast` sends them. */
export type AppEventName = Exclude<LiveName, keyof DomainEvents>;
type EngineEventName = Exclude<LiveName, AppEventName>;

// A Record, so a new contract event that the engine does not emit fails to compile until it is listed here.
const APP_EVENTS: Record<AppEventName, true> = { [LiveEvents.preferencesUpdated]: true };
const ENGINE_EVENTS = Object.values(LiveEvents).filter((n): n is EngineEventName => !Object.hasOwn(APP_EVENTS, n));

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

const frame = (name: string, payload: unknown) => `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;

export function createEventStreams(bus: DomainBus, heartbeatMs = HEARTBEAT_MS): EventStreams {
  /** Per client: its close function → its writer. */
  const clients = new Map<() => void, (text: string) => void>();

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

    const write = (text: string) => {
      if (!res.writableEnded && !res.destroyed) res.write(text);
    };
    const unsubscribe = ENGINE_EVENTS.map((name) => bus.on(name, (payload: unknown) => write(frame(name, payload))));
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), heartbeatMs);
    heartbeat.unref();

    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      for (const off of unsubscribe) off();
      clients.delete(close);
      if (!res.writableEnded) res.end();
    };
    clients.set(close, write);
    res.on('close', close);
    res.on('error', close);
  }

  return {
    open,
    broadcast(name, payload) {
      const text = frame(name, payload);
      for (const write of clients.values()) write(text);
    },
    get size() {
      return clients.size;
    },
    closeAll() {
      for (const close of [...clients.keys()]) close();
    },
  };
}
