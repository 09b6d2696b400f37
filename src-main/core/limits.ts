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
/**
 * Production access (ses-facts §A.8): the quotas Sesame's simulated review grants — 50,000 recipients per
 * rolling 24 h and 14 per second, what AWS commonly grants a new production account in us-east-1
 * (request-production-access doc; [verify]: AWS sizes each grant to the request).
 */
export const PRODUCTION_MAX_24_HOUR_SEND = 50_000;
export const PRODUCTION_MAX_SEND_RATE = 14;
/**
 * Sesame's simulated production-access review: PutAccountDetails with ProductionAccessEnabled opens a case
 * (PENDING) that is GRANTED this long after, in Sesame's time (time travel grants it at once). Sesame's
 * choice; AWS says a real review answers within 24 hours (request-production-access doc).
 */
export const PRODUCTION_REVIEW_DELAY_MS = 60_000;
/**
 * Send-rate burst (ses-facts §A.8): up to one second's worth of recipients may go at once (at least one), and
 * a larger send borrows against the following seconds ("debt-like", AWS blog quoted in django-ses#59).
 */
export const SEND_RATE_BURST_MS = 1000;
/**
 * Configuration set names (SES v2 API reference, CreateConfigurationSet: "can contain only ASCII letters
 * (a–z, A–Z), numbers (0–9), underscores (_), and dashes (-)", "64 characters or fewer"; ses-facts §A.13).
 */
export const CONFIGURATION_SET_NAME_MAX_CHARS = 64;
/**
 * Page sizes of the list operations Sesame answers for suppression and configuration sets
 * (ListSuppressedDestinations / v2 ListConfigurationSets `PageSize`, v1 ListConfigurationSets `MaxItems`):
 * default and cap 1,000 [verify] — the API reference documents no bound; 1,000 is v1's MaxItems cap elsewhere.
 */
export const SUPPRESSION_LIST_PAGE_SIZE = 1000;
export const CONFIGURATION_SET_PAGE_SIZE = 1000;
/** Bulk suppression import: at most 100,000 addresses per import (suppression-list doc, bulk add). */
export const SUPPRESSION_IMPORT_MAX_RECORDS = 100_000;
/**
 * How long SES keeps retrying a soft-bounced message: 14 hours, the largest (and default)
 * `DeliveryOptions.MaxDeliverySeconds` (50,400; ses-facts §A.13). A DeliveryDelay's `expirationTime` is
 * the message's acceptance plus this.
 */
export const DELIVERY_RETRY_WINDOW_MS = 50_400_000;
/**
 * Scenario rule `delay`: a delivery held at least this long first records a DeliveryDelay (SES publishes one
 * when a first attempt fails and a retry is needed). Sesame's choice: 5 minutes, SES's smallest
 * MaxDeliverySeconds (300).
 */
export const DELIVERY_DELAY_EVENT_AFTER_MS = 300_000;
/** Scenario rules (Sesame's QA feature, not SES): bounds that keep a rule set and its schedule sane. */
export const SCENARIO_MAX_RULES = 500;
export const SCENARIO_PATTERN_MAX_CHARS = 1000;
export const SCENARIO_NAME_MAX_CHARS = 200;
/** Longest delay a rule may ask for: 30 days of Sesame time. */
export const SCENARIO_MAX_DELAY_SECONDS = 30 * 24 * 3600;
export const SCENARIO_MAX_RETRIES = 50;
/** Soft-bounce defaults: 3 failed attempts 10 minutes apart, then a Transient bounce. Sesame's choice. */
export const SCENARIO_DEFAULT_RETRIES = 3;
export const SCENARIO_DEFAULT_RETRY_INTERVAL_SECONDS = 600;
/**
 * The host's outcome timer sleeps at most this long before checking Sesame's clock again (time travel and
 * new sends can bring the next outcome forward). Sesame's choice.
 */
export const OUTCOME_TIMER_MAX_MS = 60_000;
/**
 * Message tags (v1 `Tags`, v2 `EmailTags`, `X-SES-MESSAGE-TAGS`): AWS refuses a name or value longer than 255
 * characters — "Tag name cannot exceed 255 characters." [observed, LocalStack AWS-validated snapshot
 * 2024-07-30] — although the model docs say 256 (ses-facts §A.3, §A.10).
 */
export const MAX_TAG_NAME_CHARS = 255;
export const MAX_TAG_VALUE_CHARS = 255;
/**
 * Raw mail's header section (everything before the blank line), in bytes. SES has a limit ("Header section
 * too long." [observed: aws/aws-sdk-php#981]) but documents no figure (ses-facts §A.10) [verify]. Sesame's
 * choice: 256 KiB, well above real mail (Postfix's header_size_limit default is 100 KiB) so nothing legitimate
 * is refused, and low enough that a message without a blank line is caught.
 */
export const MAX_HEADER_SECTION_BYTES = 256 * 1024;
/**
 * Header fields that may appear at most once in a message's header section; a second one is refused with
 * `Duplicate header '<name>'.` (doc header-fields, https://docs.aws.amazon.com/ses/latest/dg/header-fields.html;
 * ses-facts §A.6). Lower-cased; the doc lists `acceptLanguage` beside `Accept-Language`. To, Cc and Bcc are
 * not on AWS's list (RFC 5322 would limit them too), so SES accepts them repeated.
 */
export const SINGLE_OCCURRENCE_HEADERS: ReadonlySet<string> = new Set(
  [
    'Accept-Language', 'acceptLanguage', 'Archived-At', 'Auto-Submitted', 'Bounces-to', 'Comments', 'Content-Alternative',
    'Content-Base', 'Content-Class', 'Content-Description', 'Content-Disposition', 'Content-Duration', 'Content-ID',
    'Content-Language', 'Content-Length', 'Content-Location', 'Content-MD5', 'Content-Transfer-Encoding', 'Content-Type',
    'Date', 'Delivered-To', 'Disposition-Notification-Options', 'Disposition-Notification-To', 'DKIM-Signature',
    'DomainKey-Signature', 'Errors-To', 'From', 'Importance', 'In-Reply-To', 'Keywords', 'List-Archive', 'List-Help',
    'List-Id', 'List-Owner', 'List-Post', 'List-Subscribe', 'List-Unsubscribe', 'List-Unsubscribe-Post', 'Message-Context',
    'Message-ID', 'MIME-Version', 'Organization', 'Original-From', 'Original-Message-ID', 'Original-Recipient',
    'Original-Subject', 'Precedence', 'Priority', 'References', 'Reply-To', 'Return-Path', 'Return-Receipt-To', 'Sender',
    'Solicitation', 'Sensitivity', 'Subject', 'Thread-Index', 'Thread-Topic', 'User-Agent', 'VBR-Info',
  ].map((name) => name.toLowerCase()),
);
/**
 * Attachment extensions SES refuses, matched case-insensitively on the file name (doc mime-types,
 * https://docs.aws.amazon.com/ses/latest/dg/mime-types.html; ses-facts §A.10: 90 extensions).
 */
export const BLOCKED_ATTACHMENT_EXTENSIONS: ReadonlySet<string> = new Set(
  (
    'ade adp app asp bas bat cer chm cmd com cpl crt csh der exe fxp gadget hlp hta inf ins isp its js jse ksh lib lnk mad ' +
    'maf mag mam maq mar mas mat mau mav maw mda mdb mde mdt mdw mdz msc msh msh1 msh2 mshxml msh1xml msh2xml msi msp mst ' +
    'ops pcd pif plg prf prg reg scf scr sct shb shs sys ps1 ps1xml ps2 ps2xml psc1 psc2 tmp url vb vbe vbs vps vsmacros ' +
    'vss vst vsw vxd ws wsc wsf wsh xnk'
  ).split(' '),
);

/** Template size, text + HTML parts (ses-facts §A.10; doc send-personalized-email-api: "up to 500 KB"). */
export const TEMPLATE_MAX_BYTES = 500 * 1024;
/** Inline template content on a v2 send (doc send-personalized-email-api: "up to 1 MB" per input JSON). */
export const INLINE_TEMPLATE_MAX_BYTES = 1024 * 1024;
/** Stored templates per region (doc send-personalized-email-api, 2026: 20,000; ses-facts §A.10 quotes the older 10,000). */
export const MAX_TEMPLATES = 20_000;
/** TemplateData / ReplacementTemplateData length (model: 262,144 characters; ses-facts §A.10). */
export const TEMPLATE_DATA_MAX_CHARS = 262_144;
/** Template names (model doc: alphanumeric, '_' and '-', at most 64 characters). */
export const TEMPLATE_NAME_MAX_CHARS = 64;
/** ListTemplates MaxItems / ListEmailTemplates PageSize: default 10, at most 100 (model doc) [verify the v2 default]. */
export const TEMPLATE_PAGE_DEFAULT = 10;
export const TEMPLATE_PAGE_MAX = 100;
/** Destinations per SendBulkTemplatedEmail / SendBulkEmail call (ses-facts §A.10). */
export const MAX_BULK_DESTINATIONS = 50;

/** Event destinations per configuration set (SES quotas doc: 10). */
export const EVENT_DESTINATIONS_PER_SET_MAX = 10;
/** Event destination names: like configuration set names (model doc: letters, digits, `_`, `-`; at most 64). */
export const EVENT_DESTINATION_NAME_MAX_CHARS = 64;
/** First bytes of a sink's HTTP response kept in the publish log (as core/sns keeps 1 KB). Sesame's choice. */
export const PUBLISH_LOG_RESPONSE_MAX_BYTES = 1024;
/**
 * SNS HTTP/HTTPS delivery (core/sns): SNS's default healthy retry policy — "if the initial delivery of the
 * message fails, Amazon SNS attempts up to three retries with a delay between failed attempts set at 20
 * seconds" (https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.retry.html; EffectiveDeliveryPolicy
 * numRetries 3, minDelayTarget = maxDelayTarget = 20, linear). So attempts at +0 s, +20 s, +40 s, +60 s of
 * Sesame's clock. A response 200–299 is delivered; 5xx, 429 or no response are retried; any other status
 * fails without retry [verify: SNS documents retries "when server-side errors occur"].
 */
export const SNS_HTTP_RETRIES = 3;
export const SNS_HTTP_RETRY_DELAY_MS = 20_000;
/** Per-attempt timeout: SNS waits up to 15 s for an HTTP/S response [verify: doc sns-http-https-endpoint-as-subscriber]. */
export const SNS_HTTP_TIMEOUT_MS = 15_000;
/** How much of an endpoint's response body the delivery log keeps. */
export const SNS_LOGGED_BODY_BYTES = 1024;
/** Publish: 256 KB message (doc sns quotas, "Message size": 262,144 bytes). */
export const SNS_MAX_MESSAGE_BYTES = 262_144;
/** Publish Subject: at most 100 ASCII characters (API reference, Publish `Subject`). */
export const SNS_MAX_SUBJECT_LENGTH = 100;
/** ListTopics / ListSubscriptions page sizes (API reference: 100 topics, 100 subscriptions per page). */
export const SNS_LIST_PAGE_SIZE = 100;

/** Contact lists per account (AWS doc "Using list management" / SES quotas: one list per account) [verify]. */
export const CONTACT_LISTS_PER_ACCOUNT = 1;
/** Topics per contact list (AWS doc "Using list management": up to 20 topics) [verify]. */
export const TOPICS_PER_CONTACT_LIST = 20;
/** ListContactLists / ListContacts PageSize default and maximum [verify: model says ListContacts up to 1000]. */
export const CONTACTS_PAGE_DEFAULT = 100;
export const CONTACTS_PAGE_MAX = 1000;

/**
 * Reputation (core/reputation; ses-facts §A.8). Thresholds are SES's published ones: bounce rate ≥ 5 % puts
 * the account under review, ≥ 10 % may pause sending; complaint rate ≥ 0.1 % / ≥ 0.5 % (doc
 * reputationdashboardmessages). SES computes rates over a "representative volume" it does not quantify and
 * publishes no window, so the volume, the minimum and the age are Sesame's choices, small enough that a QA
 * engineer reaches "under review" with a few hundred sends [verify].
 */
export const REPUTATION_BOUNCE_REVIEW = 0.05;
export const REPUTATION_BOUNCE_PAUSE = 0.1;
export const REPUTATION_COMPLAINT_REVIEW = 0.001;
export const REPUTATION_COMPLAINT_PAUSE = 0.005;
/** Eligible recipients (newest first) the rates are computed over [verify: SES's "representative volume"]. */
export const REPUTATION_VOLUME = 500;
/** Below this many eligible recipients the status never changes (too little mail to judge) [verify]. */
export const REPUTATION_MINIMUM_VOLUME = 100;
/** Counts older than this never enter the rates (Sesame's choice; SES publishes no window) [verify]. */
export const REPUTATION_MAX_AGE_MS = 14 * 24 * 3600_000;

/**
 * Dedicated IPs (core/dedicated-ips). SES's automatic warm-up follows "a predefined warm-up plan that indicates
 * the maximum number of emails that can be sent daily through an IP address to ensure the traffic is
 * increasing gradually over 45 days", reaching "a maximum of 50,000 emails" a day (doc dedicated-ip-warming;
 * What's New 2017-03-09). The plan's daily steps are not published: Sesame's plan grows geometrically from
 * DEDICATED_IP_WARMUP_FIRST_DAY to DEDICATED_IP_WARMUP_LAST_DAY over DEDICATED_IP_WARMUP_DAYS steps, and an
 * IP advances one step per full day's allowance sent through it (volume, not calendar days) [verify].
 */
export const DEDICATED_IP_WARMUP_DAYS = 45;
export const DEDICATED_IP_WARMUP_FIRST_DAY = 50;
export const DEDICATED_IP_WARMUP_LAST_DAY = 50_000;
/** Recipients a day one managed dedicated IP carries before SES (Sesame) adds another to the pool [verify]. */
export const MANAGED_IP_DAILY_CAPACITY = 50_000;
/** Dedicated IP pools per account and Region (SES quotas page: 50 pools) [verify]. */
export const DEDICATED_IP_POOLS_PER_ACCOUNT = 50;
/** GetDedicatedIps / ListDedicatedIpPools PageSize default and maximum [verify]. */
export const DEDICATED_IPS_PAGE_DEFAULT = 100;
export const DEDICATED_IPS_PAGE_MAX = 1000;

/**
 * Statistics (core/metrics). GetSendStatistics: "data points … with each data point representing the last 15
 * minutes of sending activity", "for the last two weeks" (v1 API reference, ses-facts §A.8). Counts are kept
 * a day longer than SES answers for, then pruned.
 */
export const METRICS_BUCKET_MS = 15 * 60_000;
export const SEND_STATISTICS_WINDOW_MS = 14 * 24 * 3600_000;
export const METRICS_KEEP_MS = 15 * 24 * 3600_000;
