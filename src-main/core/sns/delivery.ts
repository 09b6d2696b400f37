// HTTP/HTTPS delivery of queued SNS envelopes, driven by Sesame's clock: every attempt goes through the
// injected OutboundHttp, is logged (status, latency, first 1 KB of the response, error) and, when it fails
// with 5xx / 429 / no response, is retried per SNS's default policy (limits.ts SNS_HTTP_RETRIES, 20 s apart).
// Nothing sleeps here: a retry is a row with next_attempt_at; `runDue` runs what is due (called right after
// a publish, after time travel, and by the host's timer hosts/due-timer.ts).
// Owns: attempt bookkeeping and the delivery log's read side. Must not: build envelopes or open sockets.
import type { Clock } from '../clock';
import type { DomainBus } from '../engine-api';
import { SNS_HTTP_RETRIES, SNS_HTTP_RETRY_DELAY_MS, SNS_HTTP_TIMEOUT_MS, SNS_LOGGED_BODY_BYTES } from '../limits';
import type { DeliveryRow, SnsStore } from '../store/sns-store';
import type { DeliveryQuery, DeliveryView, OutboundHttp } from './api';

export interface DeliveryDeps {
  store: SnsStore;
  clock: Clock;
  bus: DomainBus;
  outbound: OutboundHttp;
  /** False once the engine closed: an attempt that finishes after that is not recorded. */
  isOpen: () => boolean;
  log: (message: string, err: unknown) => void;
}

/** How many due deliveries one runDue starts at most (the rest run on the next call). */
const BATCH = 100;

export const shouldRetry = (status: number | null) => status === null || status === 429 || status >= 500;

function firstKb(body: string): string {
  const buf = Buffer.from(body, 'utf8');
  return buf.length <= SNS_LOGGED_BODY_BYTES ? body : buf.subarray(0, SNS_LOGGED_BODY_BYTES).toString('utf8');
}

export function createDeliveryRunner(deps: DeliveryDeps) {
  const { store, clock } = deps;
  const inFlight = new Map<number, Promise<void>>();

  function view(row: DeliveryRow): DeliveryView {
    return {
      id: row.id,
      kind: row.kind,
      messageId: row.messageId,
      topicArn: row.topicArn,
      subscriptionArn: row.subscriptionArn,
      endpoint: row.endpoint,
      state: row.state,
      createdAt: row.createdAt,
      nextAttemptAt: row.state === 'pending' ? row.nextAttemptAt : null,
      origin: row.originMessageId ? { sesMessageId: row.originMessageId, ...(row.originEventId !== null ? { eventId: row.originEventId } : {}) } : null,
      attempts: store.attempts(row.id).map((a) => ({
        attempt: a.attempt,
        at: a.at,
        status: a.status,
        latencyMs: a.latencyMs,
        responseBody: a.responseBody,
        error: a.error,
      })),
    };
  }

  const emit = (id: number) => {
    const row = store.getDelivery(id);
    if (row) deps.bus.emit('sns.delivery', view(row));
  };

  async function attempt(row: DeliveryRow): Promise<void> {
    const n = row.attempts + 1;
    const at = clock.now();
    const started = performance.now();
    let status: number | null = null;
    let responseBody: string | null = null;
    let error: string | null = null;
    try {
      const res = await deps.outbound({ method: 'POST', url: row.endpoint, headers: row.headers, body: row.body, timeoutMs: SNS_HTTP_TIMEOUT_MS });
      status = res.status;
      responseBody = firstKb(res.body);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const latencyMs = Math.round(performance.now() - started);
    const ok = status !== null && status >= 200 && status < 300;
    const retry = !ok && shouldRetry(status) && n <= SNS_HTTP_RETRIES;
    // The retry is due 20 s of Sesame time after this attempt started (time travel moves it closer).
    const state = ok ? 'delivered' : retry ? 'pending' : 'failed';
    if (!deps.isOpen() || !store.getDelivery(row.id)) return;
    store.recordAttempt({ deliveryId: row.id, attempt: n, at, status, latencyMs, responseBody, error }, state, retry ? at + SNS_HTTP_RETRY_DELAY_MS : null);
    emit(row.id);
  }

  /** Starts every due attempt not already running, then waits for all running ones. */
  async function runDue(): Promise<number> {
    const due = store.due(clock.now(), BATCH).filter((r) => !inFlight.has(r.id));
    for (const row of due) {
      const p = attempt(row)
        .catch((err: unknown) => deps.log(`SNS delivery ${row.id} failed to run`, err))
        .finally(() => inFlight.delete(row.id));
      inFlight.set(row.id, p);
    }
    await Promise.all([...inFlight.values()]);
    return due.length;
  }

  return {
    runDue,
    /** Fire and forget (publish, confirmation, time travel): failures are logged, never thrown. */
    kick(): void {
      runDue().catch((err: unknown) => deps.log('SNS deliveries failed to run', err));
    },
    nextDueAt: (): number | null => store.nextDueAt(),
    emit,
    deliveries(q: DeliveryQuery): DeliveryView[] {
      const rows = store.deliveries({
        messageId: q.messageId,
        topicArn: q.topicArn,
        subscriptionArn: q.subscriptionArn,
        originMessageId: q.sesMessageId,
        limit: Math.max(1, Math.min(q.limit ?? 200, 1000)),
      });
      return rows.map(view);
    },
  };
}

export type DeliveryRunner = ReturnType<typeof createDeliveryRunner>;
