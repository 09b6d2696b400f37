// The one DNS resolver the authentication inspection gives mailauth (`resolver(name, rrtype)`, shaped like
// dns.promises.resolve): Sesame's local zone (what identities published plus the user's records, CNAMEs
// followed — core/identities/zone.ts), then SES's own SPF record, then — only when the setting allows it —
// real DNS through a resolver the host injects (tests never touch the network).
// SES's SPF: mail from SES has MAIL FROM `<MessageId>@amazonses.com` (`@<region>.amazonses.com` outside
// us-east-1) unless a custom MAIL FROM domain is set, whose published SPF `include:amazonses.com`. So the zone
// answers `amazonses.com TXT v=spf1 ip4:<shared IP> ip4:<dedicated ranges> ip4:127.0.0.1 ~all` (and the same at
// the regional names): SPF passes for the IP Sesame records in events, as it would for mail from real SES.
// Owns: that lookup order, record validation for user records. Must not: store anything itself.
import type { UserDnsRecord, UserDnsType } from '../../contract/inspection';
import { inspectErrors } from '../errors';
import type { DnsRecord, LocalZone } from '../identities/api';
import { OUTGOING_IP } from '../sending/ses-headers';
import { DEDICATED_IP_NETWORKS } from '../dedicated-ips/api';

/** mailauth's resolver: dns.promises.resolve's shape (TXT → string[][], MX → {exchange, priority}[], else string[]). */
export type MailauthResolver = (name: string, rrtype: string) => Promise<never>;
/** A real resolver the host may inject (dns.promises.resolve). */
export type RealResolver = (name: string, rrtype: string) => Promise<unknown>;

/** What SES's SPF record allows in Sesame: the shared outgoing IP, the simulated dedicated IP ranges, and loopback. */
export const SES_SENDING_IPS = [OUTGOING_IP, DEDICATED_IP_NETWORKS.standard, DEDICATED_IP_NETWORKS.managed, '127.0.0.1'];
export const SES_SPF_RECORD = `v=spf1 ${SES_SENDING_IPS.map((ip) => `ip4:${ip}`).join(' ')} ~all`;
/** `amazonses.com` and its regional MAIL FROM names (`eu-west-1.amazonses.com`). */
const SES_MAIL_FROM_NAME = /^(?:[a-z]{2}(?:-[a-z]+)+-\d+\.)?amazonses\.com$/;

export const USER_DNS_TYPES: readonly UserDnsType[] = ['TXT', 'CNAME', 'MX', 'A'];

export interface ResolverDeps {
  zone: LocalZone;
  /** The host's real resolver, used after the zone only when `allowReal()` says so. */
  realDns?: RealResolver;
  allowReal: () => boolean;
}

const notFound = (name: string, rrtype: string) =>
  Object.assign(new Error(`query${rrtype} ENOTFOUND ${name}`), { code: 'ENOTFOUND', hostname: name });

function shaped(type: string, values: string[]): unknown {
  if (type === 'TXT') return values.map((v) => [v]);
  if (type === 'MX') {
    return values.map((v) => {
      const [prio, host] = v.trim().split(/\s+/);
      return host === undefined ? { priority: 10, exchange: prio } : { priority: Number(prio) || 0, exchange: host };
    });
  }
  return values;
}

/** The resolver mailauth gets. Rejects with ENOTFOUND (as node's resolver does) when nothing answers. */
export function createZoneResolver(deps: ResolverDeps): MailauthResolver {
  return (async (name: string, rrtype: string) => {
    const at = name.toLowerCase().replace(/\.$/, '');
    const type = rrtype.toUpperCase();
    let values = deps.zone.resolve(at, type as DnsRecord['type']);
    if (!values.length && type === 'TXT' && SES_MAIL_FROM_NAME.test(at)) values = [SES_SPF_RECORD];
    if (values.length) return shaped(type, values);
    if (deps.realDns && deps.allowReal()) return deps.realDns(name, rrtype);
    throw notFound(name, type);
  }) as MailauthResolver;
}

const HOST = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;

/** A user record checked and normalized (lower-case name, no trailing dot); throws InvalidParameterValue. */
export function readUserRecord(input: { name?: unknown; type?: unknown; value?: unknown }): UserDnsRecord {
  const name = typeof input.name === 'string' ? input.name.trim().toLowerCase().replace(/\.$/, '') : '';
  const type = typeof input.type === 'string' ? input.type.trim().toUpperCase() : '';
  const value = typeof input.value === 'string' ? input.value.trim() : '';
  if (!HOST.test(name)) throw inspectErrors.invalidDnsRecord(`name <${String(input.name)}> is not a domain name`);
  if (!(USER_DNS_TYPES as string[]).includes(type)) throw inspectErrors.invalidDnsRecord(`type must be one of ${USER_DNS_TYPES.join(', ')}`);
  if (!value) throw inspectErrors.invalidDnsRecord('value is empty');
  if (type === 'A' && !IPV4.test(value)) throw inspectErrors.invalidDnsRecord(`<${value}> is not an IPv4 address`);
  if (type === 'CNAME' && !HOST.test(value.toLowerCase().replace(/\.$/, ''))) throw inspectErrors.invalidDnsRecord(`<${value}> is not a host name`);
  if (type === 'MX' && !/^\d{1,5}\s+\S+$/.test(value)) throw inspectErrors.invalidDnsRecord('MX value must be "<priority> <host>"');
  return { name, type: type as UserDnsType, value: type === 'CNAME' ? value.toLowerCase().replace(/\.$/, '') : value };
}
