// The DNS side of identities (ses-facts §A.9; doc creating-identities, send-email-authentication-dkim-easy,
// mail-from): the records SES asks a domain owner to publish, and Sesame's local zone they can be published
// to so the rest of Sesame (DKIM/SPF inspection) resolves them like the internet would.
//   Easy DKIM   CNAME <token>._domainkey.<domain> → <token>.dkim.amazonses.com (×3)
//   BYODKIM     TXT   <selector>._domainkey.<domain> → p=<public key>
//   legacy      TXT   _amazonses.<domain> → <verification token>
//   MAIL FROM   MX    <mail-from domain> → 10 feedback-smtp.<region>.amazonses.com
//               TXT   <mail-from domain> → v=spf1 include:amazonses.com ~all
// Publishing also writes what SES itself serves on the internet: TXT `v=DKIM1; k=rsa; p=…` at each
// `<token>.dkim.amazonses.com`, so a resolver following the CNAME finds the key.
// Owns: building those records and the resolver over the zone table. Must not: decide statuses.
import type { ZoneRowStore } from '../store/identity-store';
import type { DnsRecord, LocalZone } from './api';
import type { IdentityRecord } from './record';

/** Where Easy DKIM CNAMEs point (`<token>.dkim.amazonses.com`). */
export const EASY_DKIM_DOMAIN = 'dkim.amazonses.com';
/** The SPF value for a custom MAIL FROM domain (doc mail-from). */
export const MAIL_FROM_SPF = 'v=spf1 include:amazonses.com ~all';
/** The MX a custom MAIL FROM domain points to, with its priority (doc mail-from). */
export const mailFromMx = (region: string) => `10 feedback-smtp.${region}.amazonses.com`;
/** CNAME chains followed by resolve (a real resolver's limit is higher; Sesame's zone has chains of one). */
const MAX_CNAME_HOPS = 8;

/** The records the console shows for an identity. Email identities only have MAIL FROM records. */
export function identityRecords(r: IdentityRecord, region: string): DnsRecord[] {
  const out: DnsRecord[] = [];
  if (r.type === 'DOMAIN') {
    const dkim = r.attrs.dkim;
    for (const k of dkim.keys) {
      out.push(
        dkim.origin === 'EXTERNAL'
          ? { name: `${k.selector}._domainkey.${r.identity}`, type: 'TXT', value: `p=${k.publicKey}` }
          : { name: `${k.selector}._domainkey.${r.identity}`, type: 'CNAME', value: `${k.selector}.${EASY_DKIM_DOMAIN}` },
      );
    }
    if (r.verificationToken) out.push({ name: `_amazonses.${r.identity}`, type: 'TXT', value: r.verificationToken });
  }
  const mf = r.attrs.mailFrom;
  if (mf) {
    out.push({ name: mf.domain, type: 'MX', value: mailFromMx(region) }, { name: mf.domain, type: 'TXT', value: MAIL_FROM_SPF });
  }
  return out;
}

/** What publishing writes: the identity's records plus the Easy DKIM key records SES serves. */
export function publishedRecords(r: IdentityRecord, region: string): DnsRecord[] {
  const keys = r.type === 'DOMAIN' && r.attrs.dkim.origin === 'AWS_SES' ? r.attrs.dkim.keys : [];
  return [
    ...identityRecords(r, region),
    ...keys.map((k): DnsRecord => ({ name: `${k.selector}.${EASY_DKIM_DOMAIN}`, type: 'TXT', value: `v=DKIM1; k=rsa; p=${k.publicKey}` })),
  ];
}

/** The zone's resolver: records of `type` at `name`, following CNAMEs as a resolver does for other types. */
export function createLocalZone(rows: ZoneRowStore): LocalZone {
  return {
    resolve(name, type) {
      let at = name.toLowerCase().replace(/\.$/, '');
      for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
        const found = rows.resolve(at, type);
        if (found.length || type === 'CNAME') return found;
        const [next] = rows.resolve(at, 'CNAME');
        if (next === undefined) return [];
        at = next.toLowerCase().replace(/\.$/, '');
      }
      return [];
    },
    records: () => rows.list().map((r) => ({ name: r.name, type: r.type as DnsRecord['type'], value: r.value, identity: r.identity })),
  };
}
