// Dedicated IPs, simulated (core/dedicated-ips): pools, leased and managed IPs, the warm-up plan, and the
// outgoing IP each send carries in X-SES-Outgoing and the Delivery event's ses:outgoing-ip.
import { describe, expect, it } from 'vitest';
import { createDedicatedIps } from '../../../src-main/core/dedicated-ips/dedicated-ips';
import { advance, allowanceAt, stepAllowance } from '../../../src-main/core/dedicated-ips/warmup';
import { FakeClock } from '../../../src-main/core/clock';
import { DEDICATED_IP_WARMUP_DAYS, DEDICATED_IP_WARMUP_FIRST_DAY, DEDICATED_IP_WARMUP_LAST_DAY } from '../../../src-main/core/limits';
import { OUTGOING_IP } from '../../../src-main/core/sending/ses-headers';
import { openStore } from '../../../src-main/core/store/index';
import { makeEngine, simpleRequest, T0 } from './helpers';
import type { Engine } from '../../../src-main/core/engine-api';
import { SesError } from '../../../src-main/core/errors';

function expectSesError(fn: () => unknown, kind: string, message?: string) {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(SesError);
  expect((err as SesError).kind).toBe(kind);
  if (message !== undefined) expect((err as SesError).message).toBe(message);
}

const DAY = 24 * 3600_000;
const recipients = (n: number) => Array.from({ length: n }, (_, i) => `r${i}@example.com`);

async function outgoingOf(engine: Engine, id: string) {
  const m = (await engine.messages.get(id))!;
  const delivery = m.events.find((e) => e.eventType === 'Delivery')!.payload as { mail: { tags: Record<string, string[]> } };
  const raw = (await engine.messages.raw(id))!.toString();
  return { tag: delivery.mail.tags['ses:outgoing-ip'][0], header: /X-SES-Outgoing: (\S+)/.exec(raw)![1] };
}

async function sendThrough(engine: Engine, set: string | null, n = 1) {
  const { messageId } = await engine.sending.send(simpleRequest({ destination: { to: recipients(n) }, ...(set ? { configurationSetName: set } : {}) }));
  return outgoingOf(engine, messageId);
}

describe('warm-up plan', () => {
  it('grows from the first day allowance to the last over the plan, one step per day of volume', () => {
    expect(stepAllowance(0)).toBe(DEDICATED_IP_WARMUP_FIRST_DAY);
    expect(stepAllowance(DEDICATED_IP_WARMUP_DAYS - 1)).toBe(DEDICATED_IP_WARMUP_LAST_DAY);
    expect(stepAllowance(10)).toBeGreaterThan(stepAllowance(9));
    expect(advance(0, DEDICATED_IP_WARMUP_FIRST_DAY)).toBeCloseTo(100 / DEDICATED_IP_WARMUP_DAYS, 6);
    expect(advance(0, 25)).toBeCloseTo(50 / DEDICATED_IP_WARMUP_DAYS, 6);
    expect(advance(0, 10_000_000)).toBe(100);
    expect(allowanceAt(100)).toBeNull();
  });
});

describe('pools and IPs', () => {
  it('creates, lists, reads and deletes pools; leased IPs start at 0 % in ses-default-dedicated-pool', () => {
    const { engine } = makeEngine();
    const d = engine.dedicatedIps;
    d.createPool('marketing', 'STANDARD', [{ key: 'team', value: 'growth' }]);
    expectSesError(() => d.createPool('marketing', 'STANDARD'), 'AlreadyExists', 'Pool marketing already exists.');
    expectSesError(() => d.getPool('nope'), 'NotFound', 'Pool nope does not exist.');
    expectSesError(() => d.createPool('ses-shared-pool', 'STANDARD'), 'InvalidParameterValue');
    const [ip1, ip2] = d.lease(2);
    expect([ip1.ip, ip2.ip]).toEqual(['198.51.100.1', '198.51.100.2']);
    expect(ip1).toMatchObject({ poolName: 'ses-default-dedicated-pool', warmupStatus: 'IN_PROGRESS', warmupPercentage: 0, managed: false });
    d.putIpInPool(ip2.ip, 'marketing');
    expect(d.getPool('marketing').ips).toEqual(['198.51.100.2']);
    expect(d.listIps('marketing', {}).items.map((i) => i.ip)).toEqual(['198.51.100.2']);
    expect(d.listIps(null, { pageSize: 1 })).toMatchObject({ items: [{ ip: '198.51.100.1' }], nextToken: expect.any(String) as unknown });
    expectSesError(() => d.getIp('10.0.0.1'), 'NotFound', 'IP 10.0.0.1 does not exist.');
    // A STANDARD pool holding IPs can't be deleted (AWS::SES::DedicatedIpPool); emptied, it can.
    expectSesError(() => d.deletePool('marketing'), 'InvalidParameterValue', 'Pool marketing has 1 dedicated IP address: move them to another pool before deleting it.');
    d.putIpInPool(ip2.ip, 'ses-default-dedicated-pool');
    d.deletePool('marketing');
    expect(d.getIp(ip2.ip).poolName).toBe('ses-default-dedicated-pool');
    expect(d.listPools({}).items).toEqual([]);
  });

  it('managed pools get an IP from SES, cannot go back to STANDARD, and scale out with volume', () => {
    const clock = new FakeClock(T0);
    const store = openStore({ path: ':memory:', maxMessages: 10 });
    const d = createDedicatedIps({ db: store.db, clock, autoWarmup: () => true, managedIpCapacity: 100 });
    const pool = d.createPool('auto', 'MANAGED');
    expect(pool.ips).toEqual(['203.0.113.1']);
    expect(d.getIp('203.0.113.1')).toMatchObject({ warmupStatus: 'NOT_APPLICABLE', managed: true });
    expectSesError(() => d.putPoolScaling('auto', 'STANDARD'), 'InvalidParameterValue');
    expectSesError(() => d.putIpInPool('203.0.113.1', 'ses-default-dedicated-pool'), 'InvalidParameterValue');
    d.route('auto', 100, clock.now()).commit();
    expect(d.getPool('auto').ips).toHaveLength(1);
    d.route('auto', 1, clock.now()).commit();
    expect(d.getPool('auto').ips).toEqual(['203.0.113.1', '203.0.113.2']);
    // The next send goes to the new IP: it has the fewest recipients today.
    expect(d.route('auto', 1, clock.now()).ip).toBe('203.0.113.2');
    // Converting a standard pool makes its IPs SES's.
    d.createPool('std', 'STANDARD');
    const [leased] = d.lease(1, 'std');
    d.putPoolScaling('std', 'MANAGED');
    expect(d.getIp(leased.ip).warmupStatus).toBe('NOT_APPLICABLE');
    store.close();
  });
});

describe('the outgoing IP of each send', () => {
  it('is the shared IP without dedicated IPs, and a leased IP of ses-default-dedicated-pool once there are some', async () => {
    const { engine } = makeEngine();
    expect(await sendThrough(engine, null)).toEqual({ tag: OUTGOING_IP, header: `2026.01.01-${OUTGOING_IP}` });
    engine.dedicatedIps.lease(1);
    expect(await sendThrough(engine, null)).toEqual({ tag: '198.51.100.1', header: '2026.01.01-198.51.100.1' });
  });

  it("follows the configuration set's SendingPoolName; ses-shared-pool and unknown pools use the shared IP", async () => {
    const { engine } = makeEngine();
    engine.dedicatedIps.createPool('transactional', 'STANDARD');
    engine.dedicatedIps.lease(1);
    engine.dedicatedIps.lease(1, 'transactional');
    for (const [set, pool] of [['tx', 'transactional'], ['shared', 'ses-shared-pool'], ['ghost', 'missing']]) {
      engine.configurationSets.create(set, { delivery: { sendingPoolName: pool } });
    }
    expect((await sendThrough(engine, 'tx')).tag).toBe('198.51.100.2');
    expect((await sendThrough(engine, 'shared')).tag).toBe(OUTGOING_IP);
    expect((await sendThrough(engine, 'ghost')).tag).toBe(OUTGOING_IP);
  });

  it('with automatic warm-up, mail above the day allowance goes out on the shared pool until the next day', async () => {
    const { engine } = makeEngine();
    engine.account.update({ dedicatedIpAutoWarmupEnabled: true });
    engine.dedicatedIps.lease(1);
    expect((await sendThrough(engine, null, 50)).tag).toBe('198.51.100.1'); // exactly the first day's 50
    expect((await sendThrough(engine, null, 1)).tag).toBe(OUTGOING_IP);
    const ip = engine.dedicatedIps.getIp('198.51.100.1');
    expect(ip).toMatchObject({ sentToday: 50, totalSent: 50, warmupPercentage: 2, allowanceToday: stepAllowance(0) });
    engine.time.advance(DAY);
    expect(engine.dedicatedIps.getIp('198.51.100.1')).toMatchObject({ sentToday: 0, allowanceToday: stepAllowance(1) });
    expect((await sendThrough(engine, null, 50)).tag).toBe('198.51.100.1');
    expect((await sendThrough(engine, null, stepAllowance(1) - 50)).tag).toBe('198.51.100.1');
    expect((await sendThrough(engine, null, 1)).tag).toBe(OUTGOING_IP);
  });

  it('without automatic warm-up, every send uses the dedicated IP and the percentage still grows', async () => {
    const { engine } = makeEngine();
    engine.dedicatedIps.lease(1);
    await sendThrough(engine, null, 50);
    expect((await sendThrough(engine, null, 50)).tag).toBe('198.51.100.1');
    expect(engine.dedicatedIps.getIp('198.51.100.1').warmupPercentage).toBe(4);
    engine.dedicatedIps.putIpWarmup('198.51.100.1', 100);
    expect(engine.dedicatedIps.getIp('198.51.100.1')).toMatchObject({ warmupStatus: 'DONE', warmupPercentage: 100 });
    expectSesError(() => engine.dedicatedIps.putIpWarmup('198.51.100.1', 101), 'InvalidParameterValue');
  });

  it('reset forgets pools and IPs', () => {
    const { engine } = makeEngine();
    engine.dedicatedIps.createPool('p', 'MANAGED');
    engine.reset();
    expect(engine.dedicatedIps.ips()).toEqual([]);
    expect(engine.dedicatedIps.pools()).toEqual([]);
  });
});
