// The app shell: top bar; inbox list on the left, message view on the right; the connect dialog and the
// notice line. Starts the data flow: server info, preferences, the first page and the live stream, and
// applies the theme preference; in Electron, listens for "open this message" from native notifications.
import { useEffect } from 'react';
import { ConnectPanel } from './features/connect/ConnectPanel';
import { Inbox } from './features/inbox/Inbox';
import { useInboxKeys } from './features/inbox/use-inbox-keys';
import { MessagePane } from './features/message/MessagePane';
import { useApplyTheme } from './features/settings/use-apply-theme';
import { NoticeBar } from './features/shell/NoticeBar';
import { TopBar } from './features/shell/TopBar';
import { getBridge } from './lib/bridge';
import { useStore } from './stores';
import { startLiveSync } from './stores/live-sync';

export function App() {
  const unread = useStore((s) => s.unread);
  useInboxKeys();
  useApplyTheme();

  useEffect(() => {
    const s = useStore.getState();
    void s.loadInfo();
    void s.loadPreferences();
    void s.reload();
    return startLiveSync();
  }, []);

  // Electron: a click on a native new-mail notification (or the tray) opens that message.
  useEffect(() => {
    const bridge = getBridge();
    if (!bridge || typeof bridge.onOpenMessage !== 'function') return;
    return bridge.onOpenMessage((id) => useStore.getState().select(id));
  }, []);

  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) Sesame` : 'Sesame';
  }, [unread]);

  return (
    <div className="app">
      <TopBar />
      <main className="panes">
        <section className="pane pane-list" aria-label="Inbox">
          <Inbox />
        </section>
        <section className="pane pane-message" aria-label="Message">
          <MessagePane />
        </section>
      </main>
      <ConnectPanel />
      <NoticeBar />
    </div>
  );
}
