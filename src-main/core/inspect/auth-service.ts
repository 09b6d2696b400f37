// The authentication half of engine.inspect: wires the zone resolver (dns.ts), the user's DNS records
// (store/user-dns-store.ts), the real-DNS fallback setting and the report (auth.ts).
// Owns: that wiring and the setting key. Must not: hold report logic.
import type { Clock } from '../clock';
import { inspectErrors } from '../errors';
import type { IdentityService } from '../identities/api';
import type { MessageStore, SettingsStore } from '../store/types';
import { createUserDnsStore } from '../store/user-dns-store';
import type { Db } from '../store/database';
import type { AuthenticationInspect } from './api';
import { createAuthInspector } from './auth';
import { createZoneResolver, readUserRecord, type RealResolver } from './dns';

/** Settings key: real-DNS fallback on/off (default off). */
export const REAL_DNS_KEY = 'inspect.realDnsFallback';

export interface AuthenticationInspectDeps {
  region: string;
  clock: Clock;
  db: Db;
  settings: SettingsStore;
  messages: Pick<MessageStore, 'get' | 'raw'>;
  identities: Pick<IdentityService, 'get' | 'zone'>;
  /** The host's real resolver (dns.promises.resolve); absent: the fallback has nothing to ask. */
  realDns?: RealResolver;
}

export function createAuthenticationInspect(deps: AuthenticationInspectDeps): AuthenticationInspect {
  const users = createUserDnsStore(deps.db);
  const allowReal = () => deps.settings.get<boolean>(REAL_DNS_KEY) === true;
  const resolver = createZoneResolver({ zone: deps.identities.zone, realDns: deps.realDns, allowReal });
  const inspector = createAuthInspector({ region: deps.region, clock: deps.clock, messages: deps.messages, identities: deps.identities, resolver });
  return {
    authentication: inspector.authentication,
    dns: {
      list: () => users.list(),
      add(input) {
        const r = readUserRecord(input);
        users.add(r);
        return r;
      },
      remove(name, type, value) {
        const n = users.remove(name.trim().toLowerCase().replace(/\.$/, ''), type.trim().toUpperCase(), value);
        if (!n) throw inspectErrors.dnsRecordNotFound(name, type);
        return n;
      },
      realDnsFallback(enabled) {
        if (enabled !== undefined) deps.settings.put(REAL_DNS_KEY, enabled);
        return allowReal();
      },
    },
  };
}
