// UI API dedicated IP routes against a real engine: the lease count's bounds (DEDICATED_IP_LEASE_MAX) and
// the warm-up PUT's body — warmupPercentage is required and any number from 0 to 100 (fractions included,
// as core accepts them), anything else a 400 that leaves the IP as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEDICATED_IP_LEASE_MAX, type DedicatedIpsDto } from '../../../../src-main/contract/dedicated-ips';
import { reportedPercentage } from '../../../../src-main/core/dedicated-ips/warmup';
import { startSesHarness, type SesHarness } from './ses-setup';

let h: SesHarness;
beforeEach(async () => {
  h = await startSesHarness();
});
afterEach(() => h.stop());

const IP = '198.51.100.1';
const warmupOf = (d: DedicatedIpsDto) => d.ips.find((i) => i.ip === IP)!.warmupPercentage;

describe('POST /api/dedicated-ips/lease', () => {
  it(`leases 1 to ${DEDICATED_IP_LEASE_MAX} IPs and refuses more`, async () => {
    const res = await h.call('POST', '/api/dedicated-ips/lease', { count: DEDICATED_IP_LEASE_MAX });
    expect(res.status).toBe(200);
    expect((res.json() as DedicatedIpsDto).ips).toHaveLength(DEDICATED_IP_LEASE_MAX);
    const over = await h.call('POST', '/api/dedicated-ips/lease', { count: DEDICATED_IP_LEASE_MAX + 1 });
    expect(over.status).toBe(400);
    expect(over.json()).toMatchObject({ code: 'BadRequest', message: `count must be an integer from 1 to ${DEDICATED_IP_LEASE_MAX}.` });
    expect((await h.call('POST', '/api/dedicated-ips/lease', { count: 1.5 })).status).toBe(400);
  });
});

describe('PUT /api/dedicated-ips/ips/:ip/warmup', () => {
  beforeEach(async () => {
    expect((await h.call('POST', '/api/dedicated-ips/lease', { count: 1 })).status).toBe(200);
    expect(warmupOf((await h.call('PUT', `/api/dedicated-ips/ips/${IP}/warmup`, { warmupPercentage: 40 })).json() as DedicatedIpsDto)).toBe(40);
  });

  it('accepts a fractional percentage', async () => {
    const res = await h.call('PUT', `/api/dedicated-ips/ips/${IP}/warmup`, { warmupPercentage: 12.5 });
    expect(res.status).toBe(200);
    // Core keeps the fraction; its views report the percentage as SES does (reportedPercentage).
    expect(warmupOf(res.json() as DedicatedIpsDto)).toBe(reportedPercentage(12.5));
    expect(h.engine.dedicatedIps.getIp(IP).warmupPercentage).toBe(reportedPercentage(12.5));
  });

  it('requires warmupPercentage instead of setting 0 %', async () => {
    const res = await h.call('PUT', `/api/dedicated-ips/ips/${IP}/warmup`, {});
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ code: 'BadRequest', message: 'warmupPercentage is required.' });
    expect(h.engine.dedicatedIps.getIp(IP).warmupPercentage).toBe(40);
  });

  it('refuses values outside 0 to 100 and non-numbers', async () => {
    for (const warmupPercentage of [-1, 100.5, '50', null]) {
      const res = await h.call('PUT', `/api/dedicated-ips/ips/${IP}/warmup`, { warmupPercentage });
      expect(res.status, JSON.stringify(warmupPercentage)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'BadRequest', message: 'warmupPercentage must be a number from 0 to 100.' });
    }
    expect(h.engine.dedicatedIps.getIp(IP).warmupPercentage).toBe(40);
  });
});
