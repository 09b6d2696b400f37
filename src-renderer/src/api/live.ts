// The live stream: an EventSource on /api/events with typed events and reconnection.
// Owns: connecting, parsing the SSE `event:` names of the contract (LiveEvents), reporting the connection
// state, and reconnecting with backoff when the browser gives up. Must not: touch stores (stores/live-sync
// wires it in).
import { LiveEvents, type LiveEventPayloads } from '../../../src-main/contract';
import { urls } from './client';

export type LiveState = 'connecting' | 'live' | 'offline';
export type LiveEventName = keyof LiveEventPayloads;

/** One event off the stream, discriminated by its name so `switch (ev.name)` narrows `ev.data`. */
export type LiveMessage = { [K in LiveEventName]: { name: K; data: LiveEventPayloads[K] } }[LiveEventName];

export interface LiveHandlers {
  onEvent: (ev: LiveMessage) => void;
  onState: (state: LiveState) => void;
  /** Called on every successful (re)connection: events may have been missed, so the caller resyncs. */
  onOpen: () => void;
}

const MIN_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;

/** Connects now and keeps the stream up until the returned function is called. */
export function connectLive(handlers: LiveHandlers): () => void {
  let source: EventSource | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let backoff = MIN_BACKOFF_MS;
  let stopped = false;

  const names = Object.values(LiveEvents) as LiveEventName[];

  const scheduleReconnect = () => {
    if (stopped || retryTimer) return;
    handlers.onState('offline');
    retryTimer = setTimeout(() => {
      retryTimer = null;
      open();
    }, backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  };

  const open = () => {
    if (stopped) return;
    handlers.onState('connecting');
    const es = new EventSource(urls.events());
    source = es;
    es.onopen = () => {
      backoff = MIN_BACKOFF_MS;
      handlers.onState('live');
      handlers.onOpen();
    };
    es.onerror = () => {
      if (es.readyState === EventSource.CLOSED) {
        // The browser gave up (server gone, or it answered non-200): we retry ourselves.
        es.close();
        if (source === es) source = null;
        scheduleReconnect();
      } else {
        // The browser is already retrying on its own.
        handlers.onState('connecting');
      }
    };
    for (const name of names) {
      es.addEventListener(name, (ev) => {
        const data = (ev as MessageEvent<string>).data;
        let parsed: unknown;
        try {
          parsed = JSON.parse(data);
        } catch {
          console.warn(`sesame: unparseable ${name} event`, data);
          return;
        }
        handlers.onEvent({ name, data: parsed } as LiveMessage);
      });
    }
  };

  // When the machine wakes up or the tab comes back, reconnect at once instead of waiting out the backoff.
  const onVisible = () => {
    if (document.visibilityState !== 'visible' || source || stopped) return;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    backoff = MIN_BACKOFF_MS;
    open();
  };
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('online', onVisible);

  open();

  return () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    source?.close();
    source = null;
    document.removeEventListener('visibilitychange', onVisible);
    window.removeEventListener('online', onVisible);
  };
}
