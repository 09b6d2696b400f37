// Coalescing for the desktop host's reactions to the engine bus: a burst of mail (a test suite sending 500
// messages) must not raise 500 native notifications or recount the tray 500 times.
// `createThrottle`: the first item of a quiet period is delivered at once; items arriving within `windowMs`
// of a delivery are collected and delivered together when the window ends — so at most one delivery per
// window, and the last item is never lost. `newMailNotice` words one delivery of new messages.
// Owns: that timing and wording, as pure logic. Must not: import electron (unit-tested under plain Node).
import type { MessageSummary } from '../../contract/messages';

export interface Throttle<T> {
  push(item: T): void;
  /** Drop anything pending and stop the timer. */
  dispose(): void;
}

export function createThrottle<T>(windowMs: number, deliver: (batch: T[]) => void): Throttle<T> {
  let pending: T[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  const openWindow = () => {
    timer = setTimeout(() => {
      timer = null;
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      deliver(batch);
      openWindow();
    }, windowMs);
  };

  return {
    push(item) {
      if (timer !== null) {
        pending.push(item);
        return;
      }
      deliver([item]);
      openWindow();
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = [];
    },
  };
}

export interface NewMailNotice {
  title: string;
  body: string;
  /** The message a click opens: the latest one. */
  openId: string;
}

const senderOf = (m: MessageSummary): string => (m.from ? m.from.name || m.from.address : 'unknown sender');
const subjectOf = (m: MessageSummary): string => m.subject || '(no subject)';

/** One notification for a non-empty batch of arrivals (oldest first): the message itself, or "N new messages". */
export function newMailNotice(batch: readonly MessageSummary[]): NewMailNotice {
  const latest = batch[batch.length - 1];
  if (batch.length === 1) return { title: subjectOf(latest), body: `From ${senderOf(latest)}`, openId: latest.id };
  return {
    title: `${batch.length} new messages`,
    body: `Latest: ${subjectOf(latest)} — from ${senderOf(latest)}`,
    openId: latest.id,
  };
}
