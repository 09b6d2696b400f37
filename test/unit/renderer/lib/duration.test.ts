// Time travel's duration input and offset display, and quota numbers.
import { describe, expect, it } from 'vitest';
import { formatDuration, formatLimit, parseDuration } from '../../../../src-renderer/src/lib/duration';

describe('parseDuration', () => {
  it('reads units, combinations and bare minutes', () => {
    expect(parseDuration('90m')).toBe(90 * 60_000);
    expect(parseDuration('1h30m')).toBe(90 * 60_000);
    expect(parseDuration(' 1h 30m ')).toBe(90 * 60_000);
    expect(parseDuration('2d')).toBe(2 * 86_400_000);
    expect(parseDuration('45s')).toBe(45_000);
    expect(parseDuration('1.5h')).toBe(90 * 60_000);
    expect(parseDuration('15')).toBe(15 * 60_000);
    expect(parseDuration('24H')).toBe(86_400_000);
  });

  it('refuses what it cannot read, and zero', () => {
    for (const bad of ['', 'abc', '10x', 'h', '1h foo', '-5m', '0', '0m', '5m-']) expect(parseDuration(bad), bad).toBeNull();
  });
});

describe('formatDuration / formatLimit', () => {
  it('writes offsets the way the time travel line shows them', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(90 * 60_000)).toBe('1 h 30 min');
    expect(formatDuration(3_600_000 + 5_000)).toBe('1 h');
    expect(formatDuration(86_400_000 + 3_600_000 + 60_000)).toBe('1 d 1 h 1 min');
    expect(formatDuration(61_000)).toBe('1 min 1 s');
  });

  it('shows -1 as unlimited', () => {
    expect(formatLimit(-1)).toBe('unlimited');
    expect(formatLimit(50000)).toBe('50,000');
  });
});
