// The cost panel's arithmetic (core/pricing/estimate.ts) against the dated price table, exactly.
import { describe, expect, it } from 'vitest';
import { chunksFor, estimateCost, managedMessageCost, monthsIn, type CostInputs } from '../../../src-main/core/pricing/estimate';
import { SES_PRICES } from '../../../src-main/core/pricing/ses-prices';

const HOUR = 3_600_000;
const base: CostInputs = { recipients: 0, attachmentBytes: 0, rangeMs: 24 * HOUR, standardIps: 0, managedPools: 0, managedMessages: 0, receivedMessages: null, receivedBytes: null };
const lineOf = (inputs: Partial<CostInputs>, id: string) => estimateCost({ ...base, ...inputs }).lines.find((l) => l.id === id)!;

describe('SES price table', () => {
  it('is dated, sourced and holds the à la carte prices', () => {
    expect(SES_PRICES.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(SES_PRICES.source).toBe('https://aws.amazon.com/ses/pricing/');
    expect(SES_PRICES.outboundPer1000).toBe(0.1);
    expect(SES_PRICES.attachmentPerGb).toBe(0.12);
    expect(SES_PRICES.dedicatedIpStandardPerMonth).toBe(24.95);
    expect(SES_PRICES.inboundPer1000).toBe(0.1);
    expect(SES_PRICES.inboundChunksPer1000).toBe(0.09);
  });
});

describe('estimateCost', () => {
  it('prices recipients per 1,000', () => {
    expect(lineOf({ recipients: 12_345 }, 'outbound').cost).toBe(1.2345);
    expect(lineOf({ recipients: 1 }, 'outbound').cost).toBe(0.0001);
  });

  it('prices attachment bytes per GB of 2^30 bytes', () => {
    const l = lineOf({ attachmentBytes: 5 * 1024 ** 3 }, 'attachments');
    expect(l.quantity).toBe(5);
    expect(l.cost).toBe(0.6);
    expect(lineOf({ attachmentBytes: 1024 ** 3 / 2 }, 'attachments').cost).toBe(0.06);
  });

  it('prorates standard dedicated IPs hourly over 730 hours a month', () => {
    expect(monthsIn(730 * HOUR)).toBe(1);
    expect(lineOf({ standardIps: 2, rangeMs: 730 * HOUR }, 'dedicated-ip-standard').cost).toBe(49.9);
    // 73 hours = a tenth of a month: 3 IPs × 24.95 × 0.1.
    expect(lineOf({ standardIps: 3, rangeMs: 73 * HOUR }, 'dedicated-ip-standard').cost).toBe(7.485);
    expect(lineOf({ standardIps: 0, rangeMs: 730 * HOUR }, 'dedicated-ip-standard').cost).toBe(0);
  });

  it('charges managed IPs a prorated fee plus tiered per-message prices, only with a managed pool', () => {
    expect(managedMessageCost(10_000_000)).toBeCloseTo(800, 9);
    expect(managedMessageCost(11_000_000)).toBeCloseTo(840, 9);
    expect(managedMessageCost(260_000_000)).toBeCloseTo(800 + 9600 + 200, 6);
    expect(lineOf({ managedPools: 1, managedMessages: 5000, rangeMs: 730 * HOUR }, 'dedicated-ip-managed').cost).toBe(15.4);
    expect(lineOf({ managedPools: 0, managedMessages: 5000, rangeMs: 730 * HOUR }, 'dedicated-ip-managed').cost).toBe(0);
  });

  it('prices received mail per 1,000 messages and per 1,000 started 256 KB chunks; 0 while not receiving', () => {
    expect(chunksFor(256 * 1024)).toBe(1);
    expect(chunksFor(256 * 1024 + 1)).toBe(2);
    expect(lineOf({ receivedMessages: 2000, receivedBytes: 1000 * 256 * 1024 }, 'inbound-messages').cost).toBe(0.2);
    expect(lineOf({ receivedMessages: 2000, receivedBytes: 1000 * 256 * 1024 }, 'inbound-chunks').cost).toBe(0.09);
    const none = estimateCost(base);
    expect(none.lines.find((l) => l.id === 'inbound-messages')!.note).toMatch(/does not receive/);
    expect(none.notes.join(' ')).toMatch(/Received mail is 0/);
  });

  it('totals the lines', () => {
    const est = estimateCost({ ...base, recipients: 10_000, attachmentBytes: 1024 ** 3, standardIps: 1, rangeMs: 730 * HOUR });
    expect(est.total).toBe(1 + 0.12 + 24.95);
    expect(est.currency).toBe('USD');
    expect(est.pricesAsOf).toBe(SES_PRICES.asOf);
    expect(estimateCost(base).total).toBe(0);
  });
});
