// The Event stream screen's reload keeps the live rows that arrived while it was in flight: a page fetched
// before a send must not replace the row the live stream already put on top (a race seen in CI).
import { describe, expect, it } from 'vitest';
import type { EventStreamItemDto } from '../../../../src-main/contract';
import { withLiveRows } from '../../../../src-renderer/src/stores/list-ops';

const row = (id: number, subject: string): EventStreamItemDto => ({
  id,
  messageId: `m${id}`,
  eventType: 'Send',
  timestamp: new Date(id * 1000).toISOString(),
  payload: {},
  configurationSet: null,
  subject,
});

describe('withLiveRows', () => {
  it('puts live rows the page lacks back on top, newest first', () => {
    const page = [row(2, 'Delivered fine'), row(1, 'Earlier')];
    expect(withLiveRows(page, [row(3, 'Arrives live'), row(4, 'Later still')], 1000).map((r) => r.subject)).toEqual(['Later still', 'Arrives live', 'Delivered fine', 'Earlier']);
  });
  it('keeps the page as it is when it already has them', () => {
    const page = [row(3, 'Arrives live'), row(2, 'Delivered fine')];
    expect(withLiveRows(page, [row(3, 'Arrives live')], 1000)).toBe(page);
  });
});
