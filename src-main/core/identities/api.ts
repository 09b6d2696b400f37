// The identities capability's public surface (ses-facts §A.9): what doors and the sending gate may ask.
// Owns: the identity view shapes and the service interface core/identities/identities.ts implements.
// Must not: hold behaviour.
export type IdentityType = 'EMAIL_ADDRESS' | 'DOMAIN';
export type VerificationStatus = 'PENDING' | 'SUCCESS' | 'FAILED' | 'TEMPORARY_FAILURE' | 'NOT_STARTED';

export interface IdentityView {
  identity: string;
  type: IdentityType;
  verificationStatus: VerificationStatus;
  /** For domains: the legacy `_amazonses` TXT token. */
  verificationToken: string | null;
  createdAt: number;
}

export interface IdentityService {
  /** v1 VerifyEmailIdentity / VerifyEmailAddress: creates (or re-sends verification for) an email identity. */
  verifyEmail(address: string): IdentityView;
  /** v1 VerifyDomainIdentity. */
  verifyDomain(domain: string): IdentityView;
  list(type?: IdentityType): IdentityView[];
  get(identity: string): IdentityView | undefined;
  /**
   * The sending check: the verified identity that covers `address` — the exact address, the address
   * without its +label, its domain, then parent domains — or null when none is verified.
   */
  verifiedFor(address: string): string | null;
  /** The identity a send is attributed to (`mail.sourceArn`): the covering identity, verified or not, else the address. */
  attributedTo(address: string): string;
  /** The identity's default configuration set (PutEmailIdentityConfigurationSetAttributes), if any. */
  defaultConfigurationSet(identity: string): string | null;
  /** Everything back to a new account (no identities, empty local zone). */
  reset(): void;
}
