// The live stream: GET /api/events as Server-Sent Events. Each engine domain event becomes
// `event: <name>\ndata: <json>\n\n`; a comment line every 15 s keeps proxies and idle timers from closing it.
// Owns: subscribing to the engine bus per client, writing frames, and unsubscribing when the client goes.
// Must not: transform payloads (they are the contract's LiveEventPayloads as the engine emits them).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LiveEvents } from '../../contract/ui-api';
import type { DomainBus } from '../../core/engine-api';
import { BASE_HEADERS } from './respond';

export const HEARTBEAT_MS = 15_000;

const NAMES = Object.values(LiveEvents);

export interface EventStreams {
  /** Attach one SSE client. */
  open(req: IncomingMessage, res: ServerResponse): void;
  /** Number of connected clients (tests, diagnostics). */
  readonly size: number;
  /** End every stream (server shutdown). */
  closeAll(): void;
}

export function createEventStreams(bus: DomainBus, heartbeatMs = HEARTBEAT_MS): EventStreams {
  const clients = new Set<() => void>();

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

    const write = (frame: string) => {
      if (!res.writableEnded && !res.destroyed) res.write(frame);
    };
    const unsubscribe = NAMES.map((name) =>
      bus.on(name, (payload: unknown) => write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)),
    );
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
    clients.add(close);
    res.on('close', close);
    res.on('error', close);
  }

  return {
    open,
    get size() {
      return clients.size;
    },
    closeAll() {
      for (const close of [...clients]) close();
    },
  };
}
