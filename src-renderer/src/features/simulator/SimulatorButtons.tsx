// "Send a simulator test": one button per mailbox simulator address (success, bounce, out of office,
// complaint, suppression list). Each sends a small SES v2 SendEmail from `from` (or the first verified
// identity) and opens the new message in the inbox on its Events tab, where Send, Delivery, Bounce or
// Complaint appear as SES would publish them. A refusal shows SES's own code and text.
import type { SimulatorScenario } from '../../../../src-main/contract';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { useStore } from '../../stores';

const SCENARIOS: { id: SimulatorScenario; label: string; title: string }[] = [
  { id: 'success', label: 'Success', title: 'Delivered' },
  { id: 'bounce', label: 'Bounce', title: 'Hard bounce, 550 5.1.1 user unknown' },
  { id: 'ooto', label: 'Out of office', title: 'Delivered, then an auto-reply and a soft bounce' },
  { id: 'complaint', label: 'Complaint', title: 'Delivered, then marked as spam' },
  { id: 'suppressionlist', label: 'Suppression list', title: 'Hard bounce as if on the global suppression list' },
];

export function SimulatorButtons({ from }: { from?: string }) {
  const send = useStore((s) => s.sendSimulatorTest);
  const busy = useStore((s) => s.simulatorBusy);
  const error = useStore((s) => s.simulatorError);

  return (
    <div className="simulator" data-testid="simulator">
      <div className="simulator-buttons" role="group" aria-label="Send a mailbox simulator test">
        {SCENARIOS.map((s) => (
          <button
            key={s.id}
            type="button"
            className="btn btn-small"
            title={`${s.id}@simulator.amazonses.com: ${s.title}`}
            disabled={busy !== null}
            onClick={() => void send(s.id, from)}
            data-testid={`simulator-${s.id}`}
          >
            <Icon name="send" size={13} /> {busy === s.id ? 'Sending…' : s.label}
          </button>
        ))}
      </div>
      <p className="hint">
        Sends from {from ? <code>{from}</code> : 'the first verified identity'} to <code>…@simulator.amazonses.com</code>{' '}
        and opens the message&apos;s events.
      </p>
      <ErrorBanner error={error} testId="simulator-error" />
    </div>
  );
}
