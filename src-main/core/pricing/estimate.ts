// The cost panel's arithmetic: what the traffic Sesame counted over a range would cost on SES with the
// prices in ses-prices.ts — recipients × the outbound price, attachment bytes in GB × the data price,
// dedicated IPs × their monthly price prorated hourly over the range, managed dedicated IPs' fee and tiered
// per-message price, and received mail (zero until Sesame receives mail).
// Owns: this pure computation (no clock, no store). Must not: read metrics or know where the inputs came from.
import type { CostEstimateDto, CostLineDto } from '../../contract/dashboard';
import { SES_PRICES, type SesPriceTable } from './ses-prices';

export interface CostInputs {
  /** Outbound recipients (SEND counts recipients; SES bills per recipient). */
  recipients: number;
  attachmentBytes: number;
  /** Length of the range (ms): monthly charges are prorated over it. */
  rangeMs: number;
  /** Standard (leased) dedicated IPs held during the range. */
  standardIps: number;
  /** Managed dedicated IP pools (the monthly fee is per account, charged once when there is any). */
  managedPools: number;
  /** Messages sent through managed pools in the range. */
  managedMessages: number;
  /** Received mail; null while Sesame has no receiving (the lines say so). */
  receivedMessages: number | null;
  receivedBytes: number | null;
}

const HOUR_MS = 3_600_000;
/** Costs are kept to a millionth of a dollar, so sums are exact enough to compare and never show float dust. */
export const roundUsd = (usd: number): number => Math.round(usd * 1e6) / 1e6;

/** Months (of `hoursPerMonth` hours) in `rangeMs`. */
export const monthsIn = (rangeMs: number, prices: SesPriceTable = SES_PRICES): number => rangeMs / HOUR_MS / prices.hoursPerMonth;

/** The tiered per-message price of managed dedicated IPs for `messages` in a month. */
export function managedMessageCost(messages: number, prices: SesPriceTable = SES_PRICES): number {
  let cost = 0;
  const tiers = prices.managedIpTiers;
  for (let i = 0; i < tiers.length; i++) {
    const lo = tiers[i].fromMessages;
    const hi = i + 1 < tiers.length ? tiers[i + 1].fromMessages : Infinity;
    const inTier = Math.max(0, Math.min(messages, hi) - lo);
    cost += (inTier / 1000) * tiers[i].per1000;
  }
  return cost;
}

/** Received mail is billed per message and per started 256 KB chunk of each message; whole-range bytes are an estimate. */
export const chunksFor = (bytes: number, prices: SesPriceTable = SES_PRICES): number => Math.ceil(bytes / prices.inboundChunkBytes);

export function estimateCost(inputs: CostInputs, prices: SesPriceTable = SES_PRICES): CostEstimateDto {
  const months = monthsIn(inputs.rangeMs, prices);
  const gb = inputs.attachmentBytes / prices.bytesPerGb;
  const line = (l: Omit<CostLineDto, 'cost'>, cost: number): CostLineDto => ({ ...l, cost: roundUsd(cost) });
  const lines: CostLineDto[] = [
    line(
      { id: 'outbound', label: 'Outbound email', quantity: inputs.recipients, unit: 'recipients', unitPrice: prices.outboundPer1000, priceUnit: '1,000 recipients' },
      (inputs.recipients / 1000) * prices.outboundPer1000,
    ),
    line(
      { id: 'attachments', label: 'Attachment data', quantity: roundUsd(gb), unit: 'GB', unitPrice: prices.attachmentPerGb, priceUnit: 'GB' },
      gb * prices.attachmentPerGb,
    ),
    line(
      {
        id: 'dedicated-ip-standard',
        label: 'Dedicated IPs (standard)',
        quantity: inputs.standardIps,
        unit: 'IPs',
        unitPrice: prices.dedicatedIpStandardPerMonth,
        priceUnit: 'IP per month',
        note: `prorated over ${roundUsd(months * prices.hoursPerMonth)} h of ${prices.hoursPerMonth} h a month`,
      },
      inputs.standardIps * prices.dedicatedIpStandardPerMonth * months,
    ),
    line(
      {
        id: 'dedicated-ip-managed',
        label: 'Dedicated IPs (managed)',
        quantity: inputs.managedMessages,
        unit: 'messages',
        unitPrice: prices.managedIpTiers[0].per1000,
        priceUnit: '1,000 messages (tiered) + monthly fee',
        note: inputs.managedPools > 0 ? `$${prices.managedIpPerMonth} a month prorated, plus tiered per-message price` : 'no managed pools',
      },
      inputs.managedPools > 0 ? prices.managedIpPerMonth * months + managedMessageCost(inputs.managedMessages, prices) : 0,
    ),
  ];
  const receiving = inputs.receivedMessages !== null;
  const received = inputs.receivedMessages ?? 0;
  const chunks = inputs.receivedBytes === null ? 0 : chunksFor(inputs.receivedBytes, prices);
  const notReceiving = receiving ? undefined : 'Sesame does not receive mail yet: 0';
  lines.push(
    line(
      { id: 'inbound-messages', label: 'Inbound email', quantity: received, unit: 'messages', unitPrice: prices.inboundPer1000, priceUnit: '1,000 messages', note: notReceiving },
      (received / 1000) * prices.inboundPer1000,
    ),
    line(
      { id: 'inbound-chunks', label: 'Inbound 256 KB chunks', quantity: chunks, unit: 'chunks', unitPrice: prices.inboundChunksPer1000, priceUnit: '1,000 chunks', note: notReceiving },
      (chunks / 1000) * prices.inboundChunksPer1000,
    ),
  );
  const notes = [
    'À la carte prices; free tier and the 2026 named plans are not applied.',
    'Recipients are what SES bills: one message to three recipients counts three.',
  ];
  if (!receiving) notes.push('Received mail is 0 until Sesame receives mail.');
  return {
    currency: 'USD',
    pricesAsOf: prices.asOf,
    source: prices.source,
    region: prices.region,
    lines,
    total: roundUsd(lines.reduce((sum, l) => sum + l.cost, 0)),
    notes,
  };
}
