// The left navigation rail: Inbox (the default), Identities, Account, Suppression, Scenario rules, Templates,
// SNS topics and the Event stream. The
// account's sandbox/production state shows under Account so it is visible from every screen.
// Owns: switching screens. Must not: load a screen's data (each screen does when it opens).
import { Icon, type IconName } from '../../components/Icon';
import { useStore } from '../../stores';
import type { View } from '../../stores/nav-slice';

const ITEMS: { view: View; label: string; icon: IconName }[] = [
  { view: 'inbox', label: 'Inbox', icon: 'inbox' },
  { view: 'identities', label: 'Identities', icon: 'badge' },
  { view: 'account', label: 'Account', icon: 'gauge' },
  { view: 'dashboard', label: 'Dashboard', icon: 'chart' },
  { view: 'suppression', label: 'Suppression', icon: 'ban' },
  { view: 'dedicated-ips', label: 'Dedicated IPs', icon: 'globe' },
  { view: 'scenarios', label: 'Scenario rules', icon: 'flask' },
  { view: 'templates', label: 'Templates', icon: 'file' },
  { view: 'sns', label: 'SNS topics', icon: 'send' },
  { view: 'event-stream', label: 'Event stream', icon: 'clock' },
];

export function SideNav() {
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const unread = useStore((s) => s.unread);
  const sandbox = useStore((s) => s.account?.sandbox);

  return (
    <nav className="side-nav" aria-label="Screens" data-testid="side-nav">
      <ul>
        {ITEMS.map((item) => (
          <li key={item.view}>
            <button
              type="button"
              className={`side-nav-item ${view === item.view ? 'is-active' : ''}`}
              aria-current={view === item.view ? 'page' : undefined}
              onClick={() => setView(item.view)}
              aria-label={item.label}
              title={item.label}
              data-testid={`nav-${item.view}`}
            >
              <Icon name={item.icon} size={16} />
              <span className="side-nav-label">{item.label}</span>
              {item.view === 'inbox' && unread > 0 && <span className="side-nav-count">{unread > 999 ? '999+' : unread}</span>}
              {item.view === 'account' && sandbox !== undefined && (
                <span className={`side-nav-dot ${sandbox ? 'is-sandbox' : 'is-production'}`} title={sandbox ? 'Sandbox' : 'Production'} />
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
