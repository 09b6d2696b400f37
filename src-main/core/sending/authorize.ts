// The sending gate: what SES checks after the content is read and before it accepts a send, in SES's order
// (ses-facts §A.3 "order of checks", §D.6): account paused → configuration set exists and may send →
// sender identities verified → sandbox recipients verified → send rate and daily quota. Content checks
// (size, tags, headers, address syntax, recipient count) ran before, in draft.ts / checks.ts.
// Owns: that order, and which addresses each check looks at (the sender as the caller wrote it, then every
// recipient, display names included, as the error text echoes them). Must not: know the rules' insides —
// each capability answers for itself (account, configuration sets, identities).
import type { AccountService, SuppressionReason } from '../account/api';
import type { ConfigurationSetService } from '../config-sets/api';
import { errors } from '../errors';
import type { IdentityService } from '../identities/api';
import { SIMULATOR_DOMAIN } from '../limits';
import type { SendRequest } from '../engine-api';
import { bareAddress, domainOf, writtenAddrSpecs } from '../mime/addresses';

export interface GateDeps {
  region: string;
  account: AccountService;
  identities: IdentityService;
  configurationSets: ConfigurationSetService;
}

export interface GateInput {
  /** Sender as written (Source / FromEmailAddress / MAIL FROM / From header), display name allowed. */
  source: string;
  /** The From header's address, when it differs from the source's (raw mail, SMTP). */
  fromHeader: string | null;
  /** Envelope recipients (bare addresses), in order. */
  recipients: readonly string[];
  /** A recipient as the caller wrote it (`Name <a@b>`), for the error text; bare when unknown. */
  asWritten?: (bare: string) => string;
  /** The configuration set named on the call or by X-SES-CONFIGURATION-SET, or null. */
  configurationSet: string | null;
  at: number;
}

export interface GateResult {
  /** The identity the send is attributed to (`mail.sourceArn`). */
  identity: string;
  /** The configuration set that applies: the one named, else the sender identity's default, else null. */
  configurationSet: string | null;
  /** Reasons that suppress a recipient: the configuration set's when it sets them, else the account's. */
  suppressedReasons: readonly SuppressionReason[];
}

/** Mailbox simulator addresses are exempt from the sandbox and the daily quota (ses-facts §A.4). */
export const isSimulatorAddress = (address: string): boolean => domainOf(bareAddress(address)) === SIMULATOR_DOMAIN;

export function authorizeSend(deps: GateDeps, input: GateInput): GateResult {
  const { account, identities, configurationSets } = deps;
  account.assertCanSend();

  const sender = bareAddress(input.source);
  const identity = identities.attributedTo(sender);
  const setName = input.configurationSet ?? identities.defaultConfigurationSet(identity);
  const set = setName === null ? null : configurationSets.assertCanSend(setName);

  if (!account.autoVerify()) {
    const senders = [input.source, ...(input.fromHeader && input.fromHeader !== sender ? [input.fromHeader] : [])];
    const unverifiedSenders = senders.filter((s) => identities.verifiedFor(bareAddress(s)) === null);
    if (unverifiedSenders.length) throw errors.notVerified(deps.region, unverifiedSenders);
    identities.assertMailFrom(sender);
    if (account.inSandbox()) {
      const unverified = input.recipients.filter((r) => !isSimulatorAddress(r) && identities.verifiedFor(r) === null);
      if (unverified.length) throw errors.notVerified(deps.region, unverified.map((r) => input.asWritten?.(r) ?? r));
    }
  }

  const quotaRecipients = input.recipients.filter((r) => !isSimulatorAddress(r)).length;
  account.admit(input.at, { rateRecipients: input.recipients.length, quotaRecipients });
  return {
    identity,
    configurationSet: set?.name ?? null,
    suppressedReasons: set?.suppressedReasons ?? account.suppressedReasons(),
  };
}

/**
 * The API Destination's entries by the address each names, as written: SES echoes an identity "as it was
 * written, display name included" (`yoyo <yoyo@domain.com>`, ses-facts §A.3). Entries naming several
 * addresses, and raw mail's header recipients, are echoed bare.
 */
export function writtenRecipients(req: SendRequest): (bare: string) => string {
  const written = new Map<string, string>();
  const d = req.destination;
  for (const entry of [...(d?.to ?? []), ...(d?.cc ?? []), ...(d?.bcc ?? [])]) {
    const specs = writtenAddrSpecs(entry);
    if (specs.length === 1 && !written.has(specs[0])) written.set(specs[0], entry.trim());
  }
  return (bare) => written.get(bare) ?? bare;
}
