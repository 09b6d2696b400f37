// SES limits and constants, each with its source. Tests import these instead of repeating numbers.
// Must not: hold configuration (ports, paths) — that is the host's config object.

/** v1 SendRawEmail: 10 MB after base64 encoding (ses-facts §A.10; error text uses 10485760). */
export const MAX_MESSAGE_BYTES_V1 = 10 * 1024 * 1024;
/** v2 API and SMTP: 40 MB after base64 encoding (ses-facts §A.10, quotas doc). */
export const MAX_MESSAGE_BYTES_V2 = 40 * 1024 * 1024;
/** To + Cc + Bcc per message (ses-facts §A.10). */
export const MAX_RECIPIENTS = 50;
/** New accounts: sandbox, 200 per rolling 24 h, 1 per second (ses-facts §A.8). */
export const SANDBOX_MAX_24_HOUR_SEND = 200;
export const SANDBOX_MAX_SEND_RATE = 1;
/** Mailbox simulator domain (ses-facts §A.4). */
export const SIMULATOR_DOMAIN = 'simulator.amazonses.com';
/** MessageId: 4-hex region/cell prefix + 12-hex epoch ms + '-' + UUID + '-000000' (ses-facts §A.6). */
export const MESSAGE_ID_SUFFIX = '-000000';
/** The prefix we use; real SES uses `0100` in us-east-1 examples and other values elsewhere. */
export const MESSAGE_ID_PREFIX = '0100';
/** SMTP greeting banner as SES sends it (troubleshoot-smtp doc). */
export const SMTP_BANNER = 'email-smtp.amazonaws.com ESMTP SimpleEmailService';
/** Retention: messages kept before the oldest are pruned (Sesame default; visible in the UI and README). */
export const DEFAULT_MAX_MESSAGES = 50_000;
/** UI API list page size bounds. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/**
 * Search results are counted up to this many: counting every match of a term that matches the whole store
 * costs ~16 ms at 100,000 messages, and "10,000+ matches" says all a user needs.
 */
export const SEARCH_COUNT_CAP = 10_000;
/** v2 `Simple.Headers` / `Template.Headers` (ses-facts §A.6, model doc): at most 15 headers, … */
export const MAX_SIMPLE_HEADERS = 15;
/** … a name of at most 126 printable ASCII characters other than ':', … */
export const MAX_HEADER_NAME_CHARS = 126;
/** … a value of at most 995 characters, … */
export const MAX_HEADER_VALUE_CHARS = 995;
/** … and at most 996 characters of name and value together. */
export const MAX_HEADER_FIELD_CHARS = 996;
/**
 * Largest AWS-port request body read (a transport guard; the engine checks the decoded message against the
 * per-door limit and answers with SES's own text). A 40 MB MIME grows by 4/3 once base64'd into v2 JSON
 * (`Content.Raw.Data`); 4 MiB more covers the JSON/Query envelope and encoders that escape '/' as '\/'.
 */
export const MAX_AWS_REQUEST_BYTES = Math.ceil((MAX_MESSAGE_BYTES_V2 * 4) / 3) + 4 * 1024 * 1024;
/**
 * Query (SES v1, SNS) parameters per request, counted before parsing. Sesame's guard, not an AWS figure: the
 * largest legitimate request (SendBulkTemplatedEmail: 50 destinations, each with 50 recipients and 50
 * replacement tags) has about 7,700.
 */
export const MAX_QUERY_PARAMETERS = 10_000;
/**
 * Dotted segments in one Query parameter name that the form index looks at; longer names can address no
 * member. The deepest SES v1 / SNS names have 8 (`PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Value.StringValue`).
 */
export const MAX_QUERY_NAME_SEGMENTS = 32;
