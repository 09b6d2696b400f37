// Loads what a message's timeline adds to its detail (delivery attempts, related mail) and reloads it when
// the message records a new event or a delivery attempt about it arrives live (the store's timelinePulse);
// mail SES sends about it follows events a moment later, so one more read follows shortly after. Owns: that fetch. Must not: merge or render (timeline-model.ts, EventsTab.tsx).
import { useCallback, useEffect, useState } from 'react';
import type { TimelineDto } from '../../../../src-main/contract';
import { isAbort } from '../../api/client';
import { feedbackApi } from '../../api/feedback-client';
import { useStore } from '../../stores';

/** Deliveries are made asynchronously after the event: read again once they have had time to happen. */
const FOLLOW_UP_MS = 1500;

export function useTimeline(id: string, eventCount: number): { timeline: TimelineDto | null; error: string | null; reload: () => void } {
  const [timeline, setTimeline] = useState<TimelineDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nonce, setNonce] = useState(0);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const pulse = useStore((s) => (s.timelinePulse.messageId === id ? s.timelinePulse.n : 0));

  useEffect(() => {
    const ctrl = new AbortController();
    const load = () =>
      feedbackApi.timeline(id, ctrl.signal).then(
        (t) => {
          setTimeline(t);
          setError(null);
        },
        (err: unknown) => {
          if (!isAbort(err)) setError(err instanceof Error ? err.message : String(err));
        },
      );
    void load();
    const later = setTimeout(() => void load(), FOLLOW_UP_MS);
    return () => {
      ctrl.abort();
      clearTimeout(later);
    };
  }, [id, eventCount, nonce, pulse]);

  return { timeline, error, reload };
}
