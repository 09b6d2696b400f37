// What SES charges, as one dated table, for the dashboard's cost estimate (issue 6). À la carte prices (the
// per-feature plan, `PricingAttributes.CurrentPlan` NONE), us-east-1, USD. The 2026 named plans (Essentials,
// Pro, Enterprise) price outbound mail differently and are not modelled.
// Source: https://aws.amazon.com/ses/pricing/ and the AWS Price List API offer for AmazonSES us-east-1
// published 2026-07-22 (as transcribed in public pricing research; re-read the page when updating).
// Owns: the numbers and where they came from. Must not: compute anything (estimate.ts does).

export interface ManagedIpTier {
  /** Messages per month from which this tier applies (inclusive). */
  fromMessages: number;
  /** USD per 1,000 messages sent through managed dedicated IPs in this tier. */
  per1000: number;
}

export interface SesPriceTable {
  /** The day these prices were read (YYYY-MM-DD). */
  asOf: string;
  source: string;
  region: string;
  currency: 'USD';
  /** Outbound email, per 1,000 recipients ($0.0001 each). */
  outboundPer1000: number;
  /** Attachment data sent, per GB. */
  attachmentPerGb: number;
  /** Bytes in a billed GB. [verify] AWS bills data in GB; 2^30 bytes is assumed as elsewhere in AWS billing. */
  bytesPerGb: number;
  /** Standard dedicated IP (leased), per IP per month. */
  dedicatedIpStandardPerMonth: number;
  /** Managed dedicated IPs: a monthly fee per account plus a tiered fee per 1,000 messages. [verify] */
  managedIpPerMonth: number;
  managedIpTiers: ManagedIpTier[];
  /** Inbound email, per 1,000 messages received. */
  inboundPer1000: number;
  /** Inbound email, per 1,000 incoming 256 KB chunks. */
  inboundChunksPer1000: number;
  inboundChunkBytes: number;
  /** Hours in a billed month: AWS prorates monthly charges hourly over 730 hours. [verify] */
  hoursPerMonth: number;
}

export const SES_PRICES: SesPriceTable = {
  asOf: '2026-07-22',
  source: 'https://aws.amazon.com/ses/pricing/',
  region: 'us-east-1',
  currency: 'USD',
  outboundPer1000: 0.1,
  attachmentPerGb: 0.12,
  bytesPerGb: 1024 ** 3,
  dedicatedIpStandardPerMonth: 24.95,
  // [verify] Managed dedicated IPs: $15 per month plus $0.08 / 1,000 for the first 10M messages a month,
  // $0.04 / 1,000 up to 250M and $0.02 / 1,000 above, as the pricing page listed them before the 2026 plans.
  managedIpPerMonth: 15,
  managedIpTiers: [
    { fromMessages: 0, per1000: 0.08 },
    { fromMessages: 10_000_000, per1000: 0.04 },
    { fromMessages: 250_000_000, per1000: 0.02 },
  ],
  inboundPer1000: 0.1,
  inboundChunksPer1000: 0.09,
  inboundChunkBytes: 256 * 1024,
  hoursPerMonth: 730,
};
