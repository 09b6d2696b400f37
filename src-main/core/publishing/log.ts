// One publish-log row from what a publish knows: every column it does not name takes its default (now, and
// null for the rest), so the destinations' validation message, the fan-out and the sinks write rows alike.
// Owns: those defaults. Must not: decide what is logged (the callers do).
import type { Clock } from '../clock';
import type { PublishingStore } from '../store/publishing-store';
import type { PublishRecord } from './api';

/** What a caller names: the message, destination, kind and outcome, plus any column it knows. */
export type PublishLogEntry = Partial<Omit<PublishRecord, 'id'>> & Pick<PublishRecord, 'messageId' | 'destination' | 'kind' | 'outcome'>;

/** Writes the row (defaults filled in) and returns its id. */
export type PublishLog = (entry: PublishLogEntry) => number;

export const createPublishLog =
  (store: Pick<PublishingStore, 'log'>, clock: Clock): PublishLog =>
  (e) =>
    store.log({
      at: e.at ?? clock.now(),
      messageId: e.messageId,
      eventId: e.eventId ?? null,
      configurationSet: e.configurationSet ?? null,
      destination: e.destination,
      kind: e.kind,
      target: e.target ?? null,
      outcome: e.outcome,
      snsMessageId: e.snsMessageId ?? null,
      status: e.status ?? null,
      latencyMs: e.latencyMs ?? null,
      responseBody: e.responseBody ?? null,
      error: e.error ?? null,
    });
