// The statistics ledger beyond the reputation rules: VDM's engagement counters (OPEN / CLICK unique per
// message; DELIVERY_OPEN / DELIVERY_CLICK = deliveries of tracked mail), attachment bytes and messages
// (billing inputs), and the per-message facts a later event needs surviving a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MetricName } from '../../../src-main/core/metrics/api';
import { makeEngine, simpleRequest, T0 } from './helpers';

type Engine = ReturnType<typeof makeEngine>['engine'];
const DAY = 24 * 3600_000;

function totals(engine: Engine, metrics: MetricName[]) {
  return Object.fromEntries(
    engine.metrics.series({ metrics, from: T0 - DAY, to: T0 + 3 * DAY, stepMs: DAY }).map((s) => [s.metric, s.values.reduce((a, b) => a + b, 0)]),
  );
}

describe('engagement', () => {
  it('counts one OPEN and one CLICK per message however often they happen, and deliveries of tracked mail', async () => {
    const { engine, clock } = makeEngine({ publicUrls: { aws: () => 'http://127.0.0.1:4566' } });
    engine.configurationSets.create('tracked');
    engine.configurationSets.update('tracked', {
      eventDestinations: [{ name: 'd', enabled: true, matchingEventTypes: ['OPEN'], sns: { topicArn: 'arn:aws:sns:us-east-1:123456789012:t' } }],
    });
    const html = { kind: 'simple' as const, subject: { data: 'S' }, html: { data: '<p>Hi <a href="https://example.com/x">x</a></p>' } };
    const { messageId } = await engine.sending.send(simpleRequest({ configurationSetName: 'tracked', destination: { to: ['a@gmail.com', 'b@corp.test'] }, content: html }));
    await engine.sending.send(simpleRequest({ destination: { to: ['c@corp.test'] }, content: html }));
    const [pixel] = engine.tracking.links(messageId);
    clock.advance(60_000);
    engine.tracking.open(pixel.token, { ipAddress: '192.0.2.1', userAgent: 'UA' });
    engine.tracking.open(pixel.token, { ipAddress: '192.0.2.1', userAgent: 'UA' });
    expect(totals(engine, ['DELIVERY', 'DELIVERY_OPEN', 'DELIVERY_CLICK', 'OPEN', 'CLICK'])).toEqual({ DELIVERY: 3, DELIVERY_OPEN: 2, DELIVERY_CLICK: 0, OPEN: 1, CLICK: 0 });
  });
});

describe('billing inputs', () => {
  it('counts messages and attachment bytes (decoded), and nothing for mail without attachments', async () => {
    const { engine } = makeEngine();
    const content = Buffer.alloc(3000, 7);
    await engine.sending.send(
      simpleRequest({
        destination: { to: ['a@corp.test', 'b@corp.test'] },
        content: { kind: 'simple', subject: { data: 'S' }, text: { data: 'x' }, attachments: [{ fileName: 'a.bin', content }] },
      }),
    );
    await engine.sending.send(simpleRequest());
    expect(totals(engine, ['MESSAGES', 'SEND', 'ATTACHMENT_BYTES'])).toEqual({ MESSAGES: 2, SEND: 3, ATTACHMENT_BYTES: 3000 });
  });
});

describe('across a restart', () => {
  it('a scheduled complaint after a restart still knows its rule left it out of reputation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesame-metrics-'));
    try {
      const dbPath = join(dir, 'sesame.db');
      const first = makeEngine({ dbPath });
      first.engine.scenarios.create({ match: { kind: 'domain', pattern: 'hush.test' }, action: { kind: 'complain', delaySeconds: 3600 }, countsTowardReputation: false });
      first.engine.scenarios.create({ match: { kind: 'domain', pattern: 'loud.test' }, action: { kind: 'complain', delaySeconds: 3600 } });
      await first.engine.sending.send(simpleRequest({ destination: { to: ['a@hush.test', 'b@loud.test'] } }));
      first.engine.close();
      const second = makeEngine({ dbPath });
      second.clock.set(T0 + 3600_000);
      second.engine.time.runDue();
      expect(totals(second.engine, ['COMPLAINT', 'REPUTATION_SENT', 'REPUTATION_COMPLAINT'])).toEqual({ COMPLAINT: 2, REPUTATION_SENT: 1, REPUTATION_COMPLAINT: 1 });
      // The in-memory reputation tally is rebuilt from the ledger after the restart.
      expect(second.engine.metrics.reputation({ since: null, volume: 500, maxAgeMs: 14 * 86_400_000 })).toMatchObject({ sent: 1, complaints: 1, hardBounces: 0 });
      second.engine.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
