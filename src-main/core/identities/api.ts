// The identities capability's public surface (ses-facts §A.9): what doors, the sending gate, the automation
// API and the inspection work may ask.
// Owns: the identity view shapes and the service interface core/identities/identities.ts implements.
// Must not: hold behaviour.
export type IdentityType = 'EMAIL_ADDRESS' | 'DOMAIN';
/** v2 spelling; v1 maps it to Pending|Success|Failed|TemporaryFailure|NotStarted. */
export type VerificationStatus = 'PENDING' | 'SUCCESS' | 'FAILED' | 'TEMPORARY_FAILURE' | 'NOT_STARTED';
/** Who holds the DKIM keys: SES (Easy DKIM) or the caller (BYODKIM). */
export type DkimSigningOrigin = 'AWS_SES' | 'EXTERNAL';
export type DkimKeyLength = 'RSA_1024_BIT' | 'RSA_2048_BIT';
export type BehaviorOnMxFailure = 'USE_DEFAULT_VALUE' | 'REJECT_MESSAGE';

export interface DkimView {
  signingEnabled: boolean;
  /** NOT_STARTED until DKIM is set up (email identities, domains made by v1 VerifyDomainIdentity). */
  status: VerificationStatus;
  origin: DkimSigningOrigin;
  /** Easy DKIM: three tokens (also the selectors); BYODKIM: the selector. Empty when not set up. */
  tokens: string[];
  currentKeyLength: DkimKeyLength | null;
  nextKeyLength: DkimKeyLength | null;
  lastKeyGenerationAt: number | null;
}

export interface MailFromView {
  domain: string;
  status: Exclude<VerificationStatus, 'NOT_STARTED'>;
  behaviorOnMxFailure: BehaviorOnMxFailure;
}

export interface IdentityTag {
  key: string;
  value: string;
}

/** Legacy identity notification types (v1 SetIdentityNotificationTopic, ses-facts §A.5.1). */
export type NotificationType = 'Bounce' | 'Complaint' | 'Delivery';

/** Per type: the SNS topic notifications go to (null: none) and whether they carry the original headers. */
export interface IdentityNotifications {
  topics: Record<NotificationType, string | null>;
  headers: Record<NotificationType, boolean>;
}

export interface IdentityView {
  identity: string;
  type: IdentityType;
  /** Current status: a PENDING email whose link was not followed within 24 hours reads FAILED. */
  verificationStatus: VerificationStatus;
  /** For domains: the legacy `_amazonses` TXT token. */
  verificationToken: string | null;
  createdAt: number;
  dkim: DkimView;
  /** The custom MAIL FROM domain, or null (SES's own `amazonses.com` is used). */
  mailFrom: MailFromView | null;
  /** FeedbackForwardingStatus: bounces and complaints forwarded by email (default true). */
  feedbackForwarding: boolean;
  /** Legacy SNS notifications (core/publishing publishes them). */
  notifications: IdentityNotifications;
  /** The identity's default configuration set (PutEmailIdentityConfigurationSetAttributes). */
  configurationSet: string | null;
  tags: IdentityTag[];
  /** VerificationInfo: when SES last checked, and last found it verified. */
  lastCheckedAt: number | null;
  lastSuccessAt: number | null;
}

/** How DKIM signing is set up: Easy DKIM (SES makes the keys) or BYODKIM (the caller's selector and key). */
export type DkimSigningInput =
  | { origin: 'AWS_SES'; nextKeyLength?: DkimKeyLength }
  | { origin: 'EXTERNAL'; selector: string; privateKey: string };

/** v2 CreateEmailIdentity. */
export interface CreateIdentityInput {
  identity: string;
  tags?: IdentityTag[];
  dkim?: DkimSigningInput;
  configurationSet?: string;
}

/** A DNS record as the console lists it (MX values carry their priority: `10 feedback-smtp…`). */
export interface DnsRecord {
  name: string;
  type: 'CNAME' | 'TXT' | 'MX';
  value: string;
}

/** A record in Sesame's local zone, with the identity that published it. */
export interface ZoneRecord extends DnsRecord {
  identity: string;
}

/** Sesame's local DNS zone: what publishToZone wrote. The inspection work resolves DKIM/SPF against it. */
export interface LocalZone {
  /** Values of `name`'s records of `type` (case-insensitive name); [] when none. */
  resolve(name: string, type: DnsRecord['type']): string[];
  records(): ZoneRecord[];
}

/** A DKIM private key SES holds for an identity (Easy DKIM: one per token; BYODKIM: the caller's). */
export interface DkimSigningKey {
  /** The selector (`s=` tag). For Easy DKIM the token; the key is found at `<token>.dkim.amazonses.com`. */
  selector: string;
  privateKeyPem: string;
  /** Base64 SubjectPublicKeyInfo, as it appears in `p=`. */
  publicKey: string;
}

/** What following a verification link did. */
export type EmailConfirmation =
  | { outcome: 'verified'; identity: string }
  | { outcome: 'expired'; identity: string }
  | { outcome: 'unknown' };

export interface IdentityService {
  /** v1 VerifyEmailIdentity / VerifyEmailAddress: creates (or restarts verification of) an email identity and sends SES's verification email. */
  verifyEmail(address: string): Promise<IdentityView>;
  /** v1 VerifyDomainIdentity: creates the domain (no DKIM) or returns it as it is. */
  verifyDomain(domain: string): IdentityView;
  /** v1 VerifyDomainDkim: Easy DKIM tokens and keys for the domain (created when absent); existing tokens are kept. */
  verifyDomainDkim(domain: string): Promise<IdentityView>;
  /** v2 CreateEmailIdentity. Throws AlreadyExists, ConfigurationSetDoesNotExist, InvalidParameterValue. */
  create(input: CreateIdentityInput): Promise<IdentityView>;
  /** Removes the identity and whatever it published to the local zone; false when there was none. */
  delete(identity: string): boolean;
  list(type?: IdentityType): IdentityView[];
  get(identity: string): IdentityView | undefined;
  /** get, or the NotFound error doors answer with. */
  require(identity: string): IdentityView;
  /** v2 PutEmailIdentityDkimAttributes / v1 SetIdentityDkimEnabled. */
  setDkimSigningEnabled(identity: string, enabled: boolean): IdentityView;
  /** v2 PutEmailIdentityDkimSigningAttributes (domains only). */
  setDkimSigning(identity: string, input: DkimSigningInput): Promise<IdentityView>;
  /** v2 PutEmailIdentityMailFromAttributes / v1 SetIdentityMailFromDomain; a null domain removes it. */
  setMailFrom(identity: string, domain: string | null, behavior?: BehaviorOnMxFailure): IdentityView;
  /** v2 PutEmailIdentityFeedbackAttributes. */
  setFeedbackForwarding(identity: string, enabled: boolean): IdentityView;
  /** v1 SetIdentityNotificationTopic (core/publishing checks the topic first); null clears it. */
  setNotificationTopic(identity: string, type: NotificationType, topicArn: string | null): IdentityView;
  /** v1 SetIdentityHeadersInNotificationsEnabled. */
  setHeadersInNotifications(identity: string, type: NotificationType, enabled: boolean): IdentityView;
  /** v2 PutEmailIdentityConfigurationSetAttributes; null removes it. Throws ConfigurationSetDoesNotExist. */
  setConfigurationSet(identity: string, name: string | null): IdentityView;
  /** Automation (`/_sesame/identities/…`): sets the verification status (a domain's DKIM and MAIL FROM follow). */
  setVerificationStatus(identity: string, status: VerificationStatus): IdentityView;
  /** The verification link (`/_sesame/verify-email?token=`) was followed. */
  confirmEmail(token: string): EmailConfirmation;
  /** The records SES asks the domain owner to publish (DKIM, `_amazonses`, MAIL FROM). */
  dnsRecords(identity: string): DnsRecord[];
  /** "Publish to the local zone": writes dnsRecords (plus the Easy DKIM keys) and marks the domain verified. */
  publishToZone(domain: string): IdentityView;
  zone: LocalZone;
  /** The DKIM keys SES signs with for this identity (the inspection work signs and verifies with them). */
  signingKeys(identity: string): DkimSigningKey[];
  /**
   * The sending check: the verified identity that covers `address` — the exact address, the address
   * without its +label, its domain, then parent domains — or null when none is verified.
   */
  verifiedFor(address: string): string | null;
  /** The identity a send is attributed to (`mail.sourceArn`): the covering identity, verified or not, else the address. */
  attributedTo(address: string): string;
  /** The identity's default configuration set (PutEmailIdentityConfigurationSetAttributes), if any. */
  defaultConfigurationSet(identity: string): string | null;
  /**
   * Gate: the sender's custom MAIL FROM (most specific covering identity that has one) must be verified
   * when its BehaviorOnMxFailure is REJECT_MESSAGE; throws MailFromDomainNotVerified otherwise.
   */
  assertMailFrom(sender: string): void;
  /** Everything back to a new account (no identities, empty local zone). */
  reset(): void;
}
