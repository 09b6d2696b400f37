// Link check DTOs (issue 5): what POST /api/messages/:id/links/check answers (core/inspect/link-check.ts).
// Owns: the shapes. Must not: hold behaviour.

export type LinkCheckOutcome =
  /** An HTTP answer below 400 after redirects. */
  | 'ok'
  /** An HTTP answer of 400 or more (the status says which). */
  | 'broken'
  /** No HTTP answer: DNS failure, connection error, timeout, too many redirects. */
  | 'error'
  /** Not attempted: the address is in a refused range (loopback, private, …) and private addresses are not allowed. */
  | 'refused'
  /** Not an http(s) URL (mailto:, tel:, cid:, data: …) or unparseable: listed, never checked. */
  | 'not-checked';

export interface LinkHop {
  url: string;
  /** The address connected to (as resolved once per hop); null when none was. */
  address: string | null;
  status: number | null;
}

export interface LinkCheckResult {
  url: string;
  kind: 'a' | 'img';
  text: string | null;
  outcome: LinkCheckOutcome;
  /** The last HTTP status (after redirects); null without an answer. */
  status: number | null;
  /** The URL the last hop asked (differs from `url` after redirects). */
  finalUrl: string;
  /** Every request made, in order (redirects followed manually, at most LINK_CHECK_MAX_REDIRECTS). */
  hops: LinkHop[];
  redirects: number;
  /** The method that produced `status`: HEAD, or GET (Range: bytes=0-0) when HEAD was refused or failed. */
  method: 'HEAD' | 'GET' | null;
  /** Wall time of the whole check in ms (0 for refused / not-checked). */
  latencyMs: number;
  error: string | null;
  /** Why the address was refused (outcome `refused`), e.g. "loopback (127.0.0.0/8)". */
  refusedReason: string | null;
  /** ISO time the result was computed (a cached result keeps its time). */
  checkedAt: string;
  cached: boolean;
}

export interface LinkCheckReport {
  messageId: string;
  /** The setting in effect: loopback/private/link-local … addresses may be connected to. */
  allowPrivate: boolean;
  results: LinkCheckResult[];
}
