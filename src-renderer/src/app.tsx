// The app shell: top bar; the navigation rail and the open screen — the inbox (list on the left, message
// view on the right; the default), Identities, Account, Suppression, Scenario rules, Templates, SNS topics or
// the Event stream; the connect dialog and the notice line. Starts the data flow: server info, preferences,
// the account (for the sandbox dot), the first page and the live stream, and applies the theme preference;
// in Electron, listens for "open this message" from native notifications.
import { useEffect } from 'react';
import { AccountScreen } from './features/account/AccountScreen';
import { ConnectPanel } from './features/connect/ConnectPanel';
import { IdentitiesScreen } from './features/identities/IdentitiesScreen';
import { Inbox } from './features/inbox/Inbox';
import { useInboxKeys } from './features/inbox/use-inbox-keys';
import { MessagePane } from './features/message/MessagePane';
import { SideNav } from './features/nav/SideNav';
import { ScenariosScreen } from './features/scenarios/ScenariosScreen';
import { useApplyTheme } from './features/settings/use-apply-theme';
import { NoticeBar } from './features/shell/NoticeBar';
import { TopBar } from './features/shell/TopBar';
import { SuppressionScreen } from './features/suppression/SuppressionScreen';
import { TemplatesScreen } from './features/templates/TemplatesScreen';
import { SnsScreen } from './features/sns/SnsScreen';
import { EventStreamScreen } from './features/events/EventStreamScreen';
import { DashboardScreen } from './features/dashboard/DashboardScreen';
import { DedicatedIpsScreen } from './features/dedicated-ips/DedicatedIpsScreen';
import { getBridge } from './lib/bridge';
import { useStore } from './stores';
import { startLiveSync } from './stores/live-sync';
import { viewFromHash } from './stores/nav-slice';

function Screen() {
  const view = useStore((s) => s.view);
  switch (view) {
    case 'identities':
      return <IdentitiesScreen />;
    case 'account':
      return <AccountScreen />;
    case 'suppression':
      return <SuppressionScreen />;
    case 'scenarios':
      return <ScenariosScreen />;
    case 'templates':
      return <TemplatesScreen />;
    case 'sns':
      return <SnsScreen />;
    case 'event-stream':
      return <EventStreamScreen />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'dedicated-ips':
      return <DedicatedIpsScreen />;
    default:
      return null;
  }
}

export function App() {
  const unread = useStore((s) => s.unread);
  const view = useStore((s) => s.view);
  useInboxKeys();
  useApplyTheme();

  useEffect(() => {
    const s = useStore.getState();
    void s.loadInfo();
    void s.loadPreferences();
    void s.loadAccount();
    void s.reload();
    return startLiveSync();
  }, []);

  // Electron: a click on a native new-mail notification (or the tray) opens that message.
  useEffect(() => {
    const bridge = getBridge();
    if (!bridge || typeof bridge.onOpenMessage !== 'function') return;
    return bridge.onOpenMessage((id) => {
      useStore.getState().setView('inbox');
      useStore.getState().select(id);
    });
  }, []);

  // Back/forward and edited addresses change the hash: follow it.
  useEffect(() => {
    const onHash = () => useStore.getState().setView(viewFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) Sesame` : 'Sesame';
  }, [unread]);

  return (
    <div className="app">
      <TopBar />
      <div className="workspace">
        <SideNav />
        {view === 'inbox' ? (
          <main className="panes">
            <section className="pane pane-list" aria-label="Inbox">
              <Inbox />
            </section>
            <section className="pane pane-message" aria-label="Message">
              <MessagePane />
            </section>
          </main>
        ) : (
          <main className="screen-host">
            <Screen />
          </main>
        )}
      </div>
      <ConnectPanel />
      <NoticeBar />
    </div>
  );
}
