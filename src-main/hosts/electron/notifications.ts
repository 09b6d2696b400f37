// Native notifications on new mail while the window is not focused; clicking one opens the (latest) message.
// Arrivals are coalesced (coalesce.ts): at most one notification per NOTIFY_WINDOW_MS — the message itself,
// or "N new messages" with the latest subject — so a burst of test mail does not flood the desktop.
// Must not: decide anything about mail; it only reflects `message.accepted`.
import { Notification, type BrowserWindow } from 'electron';
import { BridgeChannels } from '../../contract/bridge';
import type { MessageSummary } from '../../contract/messages';
import type { SesameHandle } from '../app';
import { createThrottle, newMailNotice } from './coalesce';
import { showMainWindow } from './window';

export const NOTIFY_WINDOW_MS = 2_000;

export function watchNewMail(sesame: SesameHandle, win: BrowserWindow): () => void {
  const wanted = () =>
    Notification.isSupported() && !win.isDestroyed() && !win.isFocused() && sesame.preferences.get().notifications;

  const throttle = createThrottle<MessageSummary>(NOTIFY_WINDOW_MS, (batch) => {
    // Checked again: the user may have focused the window (or turned notifications off) meanwhile.
    if (!wanted()) return;
    const notice = newMailNotice(batch);
    const n = new Notification({ title: notice.title, body: notice.body, silent: true });
    n.on('click', () => {
      showMainWindow();
      if (!win.isDestroyed()) win.webContents.send(BridgeChannels.openMessage, notice.openId);
    });
    n.show();
  });

  const off = sesame.engine.bus.on('message.accepted', (msg) => {
    if (wanted()) throttle.push(msg);
  });
  return () => {
    off();
    throttle.dispose();
  };
}
