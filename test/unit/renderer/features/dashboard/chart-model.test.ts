// The dashboard's pure chart conversions (src-renderer/src/features/dashboard/chart-model.ts): running rates
// over the range, the rate axis that always shows the pause line, the status in words with the thresholds
// in force (not hard-coded) and the formats.
import { describe, expect, it } from 'vitest';
import type { DashboardDto, DashboardThresholdsDto } from '../../../../../src-main/contract';
import { nextStep, pct, rateAxisMax, runningRates, usd, volumeRows } from '../../../../../src-renderer/src/features/dashboard/chart-model';

const zeros = (n: number) => Array.from({ length: n }, () => 0);
function dto(send: number[], bounce: number[], complaint: number[]): DashboardDto {
  const n = send.length;
  const values = { SEND: send, DELIVERY: zeros(n), PERMANENT_BOUNCE: bounce, TRANSIENT_BOUNCE: zeros(n), COMPLAINT: complaint, REJECT: zeros(n), OPEN: zeros(n), CLICK: zeros(n) };
  return { series: { stepMs: 900_000, timestamps: send.map((_, i) => i * 900_000), values } } as unknown as DashboardDto;
}
const T: DashboardThresholdsDto = { bounceReview: 0.02, bouncePause: 0.04, complaintReview: 0.001, complaintPause: 0.005, volume: 500, minimumVolume: 100, maxAgeMs: 1, pauseConfigurationSets: true };

describe('chart model', () => {
  it('runs the rates over the range, null before the first send', () => {
    const rows = runningRates(dto([0, 10, 10, 0], [0, 1, 3, 0], [0, 0, 1, 0]));
    expect(rows.map((r) => r.bounce)).toEqual([null, 10, 20, 20]);
    expect(rows.map((r) => r.complaint)).toEqual([null, 0, 5, 5]);
  });

  it('keeps the pause line on the rate axis, and higher values too', () => {
    expect(rateAxisMax([{ t: 0, bounce: 1, complaint: 0 }], 'bounce', 10)).toBe(14.3);
    expect(rateAxisMax([{ t: 0, bounce: 50, complaint: 0 }], 'bounce', 10)).toBe(55);
  });

  it('turns series into one row per bucket', () => {
    expect(volumeRows(dto([3, 4], [1, 0], [0, 0]))[0]).toMatchObject({ t: 0, SEND: 3, PERMANENT_BOUNCE: 1 });
  });

  it('says what happens next with the settings in force', () => {
    expect(nextStep('HEALTHY', T, false)).toBe('At a 2 % bounce rate or a 0.1 % complaint rate the account goes under review.');
    expect(nextStep('PROBATION', T, true)).toContain('at 4 % bounces or 0.5 % complaints sending from this configuration set is paused');
    expect(nextStep('SHUTDOWN', T, false)).toContain('until a fresh start');
  });

  it('formats percentages and dollars', () => {
    expect(pct(0.07)).toBe('7 %');
    expect(pct(null)).toBe('—');
    expect(pct(0.0012, 3)).toBe('0.12 %');
    expect(usd(0)).toBe('$0.00');
    expect(usd(0.0007)).toBe('$0.0007');
    expect(usd(24.95)).toBe('$24.95');
  });
});
