// DTOs of the authentication inspection (issue 5): what `engine.inspect.authentication(messageId)` returns
// and the UI's `GET /api/messages/:id/authentication` sends as JSON, plus the user's DNS records
// (`/_sesame/dns`). Results are computed by mailauth against Sesame's local DNS zone (core/inspect/dns.ts).
// Owns: these shapes. Must not: hold behaviour.

/** mailauth's result keywords (RFC 8601 §2.7). */
export type AuthResultWord = 'pass' | 'fail' | 'neutral' | 'none' | 'temperror' | 'permerror' | 'policy' | 'softfail' | 'skipped' | string;

export interface DkimSignatureReport {
  /** d= */
  domain: string | null;
  /** s= */
  selector: string | null;
  /** a=, e.g. rsa-sha256 */
  algorithm: string | null;
  /** c=, e.g. relaxed/relaxed */
  canonicalization: string | null;
  /** h= as signed (lower case, colon separated in the signature). */
  signedHeaders: string[];
  /** Body hash: 'pass' when bh= matches the body, 'fail' when not, null when not computed. */
  bodyHash: 'pass' | 'fail' | null;
  result: AuthResultWord;
  /** mailauth's comment (its reason), when it gave one. */
  reason: string | null;
  /** d= when it aligns with the From domain, else null. */
  aligned: string | null;
  /** What broke it, in words (null when it passed). */
  explanation: string | null;
}

export interface SpfReport {
  result: AuthResultWord;
  /** The envelope MAIL FROM checked (SES's bounce address or the custom MAIL FROM). */
  mailFrom: string;
  domain: string;
  /** The sending IP Sesame records (ses:outgoing-ip). */
  ip: string;
  /** The SPF record used, when one was found. */
  record: string | null;
  /** The Received-SPF header a receiver would add. */
  header: string;
  explanation: string;
}

export interface DmarcReport {
  result: AuthResultWord;
  /** The From (author) domain. */
  fromDomain: string | null;
  /** The DMARC record found, when one was found. */
  record: string | null;
  /** Effective policy (none / quarantine / reject), null without a record. */
  policy: string | null;
  alignment: {
    /** The DKIM d= that aligned with From, or null. */
    dkim: string | null;
    /** The SPF (MAIL FROM) domain that aligned with From, or null. */
    spf: string | null;
    dkimStrict: boolean;
    spfStrict: boolean;
  };
  explanation: string;
}

export interface ArcReport {
  result: AuthResultWord;
  /** The highest ARC instance, or null when the message has no ARC set. */
  instance: number | null;
  reason: string | null;
}

export type ChecklistStatus = 'pass' | 'warn' | 'fail' | 'info';

export interface ChecklistItem {
  /** Stable id, e.g. `message-id`, `dmarc-alignment`, `one-click-unsubscribe`. */
  id: string;
  label: string;
  status: ChecklistStatus;
  detail: string;
}

export interface AuthenticationReport {
  messageId: string;
  dkim: DkimSignatureReport[];
  spf: SpfReport;
  dmarc: DmarcReport;
  arc: ArcReport;
  /** The Authentication-Results (and Received-SPF, ARC) header lines a receiver would add, as mailauth writes them. */
  authenticationResults: string;
  /** Whether the message looks like bulk mail (the checklist's bulk-sender rules apply). */
  bulk: boolean;
  checklist: ChecklistItem[];
  /** When this was computed (Sesame's clock, ms). */
  computedAt: number;
}

export type UserDnsType = 'TXT' | 'CNAME' | 'MX' | 'A';

/** A record the user added to Sesame's local zone (beside what identities publish). */
export interface UserDnsRecord {
  name: string;
  type: UserDnsType;
  value: string;
}
