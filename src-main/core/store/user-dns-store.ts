// The DNS records a user adds to Sesame's local zone (e.g. `_dmarc.example.com TXT v=DMARC1; p=reject`),
// kept in the zone's own table (dns_records) under the owner marker USER_DNS_OWNER, so the zone resolver
// (core/identities/zone.ts) answers them with what identities publish, CNAMEs followed alike.
// An account reset clears the whole zone, user records included.
// Owns: those rows. Must not: validate record syntax (core/inspect/dns.ts does) or touch identities' rows.
import type { Db } from './database';
import type { UserDnsRecord } from '../../contract/inspection';

/** The `identity` column value marking a user-added record (no identity can be named like this). */
export const USER_DNS_OWNER = '(user)';

export interface UserDnsStore {
  list(): UserDnsRecord[];
  /** False when the same record (name, type, value) is already in the zone. */
  add(r: UserDnsRecord): boolean;
  /** Removes matching user records: all at name+type, or the one with `value`. Returns how many. */
  remove(name: string, type: string, value?: string): number;
}

export function createUserDnsStore(db: Db): UserDnsStore {
  const st = {
    list: db.prepare('SELECT name, type, value FROM dns_records WHERE identity = ? ORDER BY rowid'),
    insert: db.prepare('INSERT OR IGNORE INTO dns_records (name, type, value, identity) VALUES (?, ?, ?, ?)'),
    removeAll: db.prepare('DELETE FROM dns_records WHERE identity = ? AND name = ? AND type = ?'),
    removeOne: db.prepare('DELETE FROM dns_records WHERE identity = ? AND name = ? AND type = ? AND value = ?'),
  };
  return {
    list: () => st.list.all(USER_DNS_OWNER) as UserDnsRecord[],
    add: (r) => st.insert.run(r.name.toLowerCase(), r.type, r.value, USER_DNS_OWNER).changes > 0,
    remove: (name, type, value) =>
      (value === undefined
        ? st.removeAll.run(USER_DNS_OWNER, name.toLowerCase(), type)
        : st.removeOne.run(USER_DNS_OWNER, name.toLowerCase(), type, value)
      ).changes,
  };
}
