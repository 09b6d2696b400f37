// The inspection capability's surface (issue 5): what `engine.inspect` answers about a stored message.
// Owns: the member signatures. Structure (MIME tree, parts, links) is built in mime-tree.ts / parts.ts;
// authentication (DKIM/SPF/DMARC) members are added alongside by the authentication work.
// Must not: hold behaviour.
import type { MessageLink, MimeTree } from '../../contract/mime-tree';
import type { AuthenticationReport, UserDnsRecord } from '../../contract/inspection';
import type { CompatibilityReport } from '../../contract/compatibility';
import type { LinkCheckReport } from '../../contract/link-check';
import type { SpamReport } from '../../contract/spam';
import type { MessageComparison } from '../../contract/compare';

/** The decoded body of one leaf part, for viewing or downloading. */
export interface MimePartContent {
  path: string;
  contentType: string;
  charset: string | null;
  filename: string | null;
  data: Buffer;
}

export interface InspectApi {
  // --- structure ---
  /** The MIME tree of the stored raw message; undefined when there is no such message. */
  mimeTree(messageId: string): Promise<MimeTree | undefined>;
  /** Leaf `path` (as in the tree) decoded; undefined when there is no such message or leaf. */
  part(messageId: string, path: string): Promise<MimePartContent | undefined>;
  /** Every `<a href>` / `<img src>` in the message's HTML parts; undefined when there is no such message. */
  links(messageId: string): Promise<MessageLink[] | undefined>;
  // --- authentication (auth*.ts, dns.ts) ---
  /** DKIM/SPF/DMARC/ARC as a receiver would see them, against the local zone; undefined when there is no such message. */
  authentication(messageId: string): Promise<AuthenticationReport | undefined>;
  /** The user's records in the local zone (beside what identities publish) and the real-DNS fallback setting. */
  dns: UserDnsApi;
  // --- HTML compatibility (compat*.ts) ---
  /** caniemail features the HTML parts use, per-client support and a score; undefined when there is no such message. */
  compatibility(messageId: string): Promise<CompatibilityReport | undefined>;
  // --- link check (link-check.ts) ---
  /** Every link/image URL checked (SSRF-safe, cached a few minutes); undefined when there is no such message. */
  checkLinks(messageId: string): Promise<LinkCheckReport | undefined>;
  /** Whether the link check may connect to loopback/private/link-local addresses (off by default); sets it when given. */
  linkCheckAllowPrivate(enabled?: boolean): boolean;
  // --- spam (spam.ts) ---
  /** SpamAssassin's score through spamd, cached per message (`refresh` asks again); undefined when there is no such message. */
  spam(messageId: string, opts?: { refresh?: boolean }): Promise<SpamReport | undefined>;
  // --- compare (compare.ts) ---
  /** Headers (noise hidden unless `all`), MIME structure and text/HTML line diffs of A vs B; undefined when either is missing. */
  compare(a: string, b: string, opts?: { all?: boolean }): Promise<MessageComparison | undefined>;
}

export interface UserDnsApi {
  list(): UserDnsRecord[];
  /** Validates (InvalidParameterValue) and adds; returns the record as stored. */
  add(input: { name?: unknown; type?: unknown; value?: unknown }): UserDnsRecord;
  /** Removes the record (all values at name+type when `value` is omitted); throws NotFound when none matched. */
  remove(name: string, type: string, value?: string): number;
  /** Whether lookups the local zone cannot answer go to real DNS (off by default); sets it when given. */
  realDnsFallback(enabled?: boolean): boolean;
}

/** The authentication members, built by auth-service.ts createAuthenticationInspect. */
export type AuthenticationInspect = Pick<InspectApi, 'authentication' | 'dns'>;

/** The structure members, built by parts.ts createStructureInspect. */
export type StructureInspect = Pick<InspectApi, 'mimeTree' | 'part' | 'links'>;
