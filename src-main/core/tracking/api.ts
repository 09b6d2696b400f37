// Open and click tracking (ses-facts §A.13, AWS doc faqs-metrics): what a message sent through a
// configuration set with an OPEN and/or CLICK event destination gets — a 1×1 transparent GIF at the bottom of
// each HTML part and its http(s) links rewritten through a tracking URL — and what happens when a reader
// loads the pixel (an `Open` event) or follows a link (a `Click` event, then a redirect to the original link).
// Locally the tracking URLs point at Sesame's AWS port (`<aws>/_sesame/t/o/<token>.gif`,
// `<aws>/_sesame/t/c/<token>`); a set's CustomRedirectDomain is recorded (GetConfigurationSet echoes it) but
// not used, and HttpsPolicy does not matter here.
// Owns: the shapes and the service interface (tracking/tracking.ts implements it). Must not: hold behaviour.

/** What a tracking URL's token stands for. `link` is null for the open pixel. */
export interface TrackingLink {
  token: string;
  messageId: string;
  link: string | null;
  /** `ses:tags="product:book;genre:fiction;"` → `{product: ['book'], genre: ['fiction']}`. */
  linkTags: Record<string, string[]>;
}

/** Who loaded the pixel or followed the link: the `open` / `click` objects' ipAddress and userAgent. */
export interface TrackingClient {
  ipAddress: string;
  userAgent: string;
}

/** Which kinds of tracking a message gets (from its configuration set's enabled event destinations). */
export interface TrackingWanted {
  open: boolean;
  click: boolean;
}

/** The tracked copy of a message and the tokens its tracking URLs carry (persisted with the message). */
export interface TrackedMessage {
  mime: Buffer;
  links: TrackingLink[];
}

export interface TrackingService {
  /** Which tracking the named set asks for; none for null or an unknown set. */
  wanted(configurationSet: string | null): TrackingWanted;
  /** The message with pixel and rewritten links (`mime` unchanged, no links, when nothing is wanted). Pure. */
  rewrite(messageId: string, mime: Buffer, wanted: TrackingWanted): TrackedMessage;
  /** Stores the tokens (inside the caller's transaction). */
  persist(links: readonly TrackingLink[]): void;
  /** The pixel was loaded: records `Open`. Null for a token that is not an open pixel's. */
  open(token: string, client: TrackingClient): { recorded: boolean } | null;
  /** A link was followed: records `Click`; null for a token that is not a link's. */
  click(token: string, client: TrackingClient): { link: string; recorded: boolean } | null;
  /** What a token stands for, without recording anything. */
  lookup(token: string): TrackingLink | undefined;
  /** The tokens of a message (tests and the UI read them). */
  links(messageId: string): TrackingLink[];
}
