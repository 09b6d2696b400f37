// The engine's composition root: opens the store and wires the capabilities into the Engine every door
// uses (engine-api.ts). Owns: construction order and defaults for injected clock, ids and log.
// Must not: contain behaviour — each capability lives in its folder.
import { createAccount } from './account/account';
import { systemClock, type Clock } from './clock';
import type { Engine } from './engine-api';
import { consoleLog, createBus, type EngineLog } from './events/bus';
import { randomIds, type Ids } from './ids';
import { createIdentities } from './identities/identities';
import { createMessages } from './messages/messages';
import { createSendingPipeline } from './sending/pipeline';
import { openStore } from './store/index';

export interface EngineOptions {
  region: string;
  accountId: string;
  /** SQLite file path, or ':memory:'. */
  dbPath: string;
  /** Retention cap: the oldest messages beyond it are pruned. */
  maxMessages: number;
  clock?: Clock;
  ids?: Ids;
  /** Where failures that must not fail a caller (a throwing bus listener) are reported; console.error by default. */
  log?: EngineLog;
}

export function createEngine(opts: EngineOptions): Engine {
  const clock = opts.clock ?? systemClock;
  const ids = opts.ids ?? randomIds;
  const store = openStore({ path: opts.dbPath, maxMessages: opts.maxMessages });
  const bus = createBus(opts.log ?? consoleLog);
  const identities = createIdentities(store.identities, clock, ids);
  const account = createAccount(store.sendLog, clock);
  const sending = createSendingPipeline({
    region: opts.region,
    accountId: opts.accountId,
    clock,
    ids,
    store,
    bus,
    identities,
    onSent: account.recordSend,
  });
  let closed = false;
  return {
    region: opts.region,
    accountId: opts.accountId,
    bus,
    sending,
    account: { get: account.get, quota: account.quota },
    identities,
    messages: createMessages({ store: store.messages, bus, region: opts.region }),
    close() {
      if (closed) return;
      closed = true;
      store.close();
    },
  };
}
