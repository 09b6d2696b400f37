// The live-stream indicator: green "Live" when events stream in, amber while (re)connecting, red when
// the server cannot be reached (with a retry happening in the background).
import { useStore } from '../../stores';

const LABEL = { live: 'Live', connecting: 'Connecting…', offline: 'Offline' } as const;
const TITLE = {
  live: 'New mail and SES events appear as they happen',
  connecting: 'Connecting to the live event stream…',
  offline: 'Cannot reach Sesame; retrying',
} as const;

export function LiveIndicator() {
  const state = useStore((s) => s.liveState);
  return (
    <span
      className={`live live-${state}`}
      data-testid="live-indicator"
      data-state={state}
      title={TITLE[state]}
      role="status"
    >
      <span className="live-dot" aria-hidden="true" />
      {LABEL[state]}
    </span>
  );
}
