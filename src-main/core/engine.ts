// The engine's composition root: opens the store and wires the capabilities into the Engine every door
// uses (engine-api.ts). Owns: construction order, defaults for injected clock, ids and log, Sesame's clock
// (the injected clock plus the persisted time-travel offset), start-up account overrides, and reset.
// Must not: contain behaviour — each capability lives in its folder.
import type { AccountPatch } from './account/api';
import { createAccount } from './account/account';
import { systemClock, TravelClock, type Clock } from './clock';
import { createConfigurationSets } from './config-sets/config-sets';
import type { Engine } from './engine-api';
import { consoleLog, createBus, type EngineLog } from './events/bus';
import { randomIds, type Ids } from './ids';
import { createIdentities } from './identities/identities';
import { createMessages } from './messages/messages';
import { createSystemMail } from './messages/system-mail';
import { createScenarios } from './outcomes/scenarios';
import { createScheduler } from './outcomes/scheduler';
import { createSendingPipeline } from './sending/pipeline';
import { openStore } from './store/index';
import { createSuppression } from './suppression/suppression';

/** Applied to the account at every start when given (flags/env/config file; CI sets these). */
export type AccountOverrides = Pick<AccountPatch, 'sandbox' | 'max24HourSend' | 'maxSendRate' | 'autoVerify'>;

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
  account?: AccountOverrides;
}

const CLOCK_KEY = 'clock.offsetMs';

export function createEngine(opts: EngineOptions): Engine {
  const ids = opts.ids ?? randomIds;
  const store = openStore({ path: opts.dbPath, maxMessages: opts.maxMessages });
  const clock = new TravelClock(opts.clock ?? systemClock, store.settings.get<number>(CLOCK_KEY) ?? 0);
  const bus = createBus(opts.log ?? consoleLog);
  // Mail SES itself sends (verification email, DSN, auto-reply), captured in the inbox.
  const systemMail = createSystemMail({ clock, ids, store, bus });
  const identities = createIdentities(store.identities, clock, ids);
  const account = createAccount(store.sendLog, store.settings, clock);
  const suppression = createSuppression();
  const configurationSets = createConfigurationSets();
  const scenarios = createScenarios();
  const scheduler = createScheduler();
  if (opts.account) {
    const patch = Object.fromEntries(Object.entries(opts.account).filter(([, v]) => v !== undefined && v !== null));
    if (Object.keys(patch).length) account.update(patch);
  }
  const sending = createSendingPipeline({
    region: opts.region,
    accountId: opts.accountId,
    clock,
    ids,
    store,
    bus,
    gate: { region: opts.region, account, identities, configurationSets },
    onSent: account.recordSend,
  });
  void systemMail; // wired into identities (verification email) and outcomes (DSN, auto-reply) as they land
  const runDue = () => scheduler.runDue(clock.now());
  let closed = false;
  return {
    region: opts.region,
    accountId: opts.accountId,
    bus,
    sending,
    account,
    identities,
    suppression,
    configurationSets,
    scenarios,
    time: {
      now: () => clock.now(),
      offset: () => clock.offset(),
      advance(ms) {
        clock.advance(ms);
        store.settings.put(CLOCK_KEY, clock.offset());
        return { now: clock.now(), ran: runDue() };
      },
      runDue,
      nextDueAt: () => scheduler.nextDueAt(),
    },
    reset() {
      store.db.transaction(() => {
        scheduler.reset();
        scenarios.reset();
        suppression.reset();
        configurationSets.reset();
        identities.reset();
        account.reset();
        store.settings.delete(CLOCK_KEY);
      })();
      clock.resetOffset();
    },
    messages: createMessages({ store: store.messages, bus, region: opts.region }),
    close() {
      if (closed) return;
      closed = true;
      store.close();
    },
  };
}
