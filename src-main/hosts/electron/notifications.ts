// Native notification on new mail while the window is not focused; clicking one opens that message.
import { Notification, type BrowserWindow } from 'electron';
import { BridgeChannels } from '../../contract/bridge';
import type { SesameHandle } from '../app';
import { showMainWindow } from './window';

export function watchNewMail(sesame: SesameHandle, win: BrowserWindow): () => void {
  return sesame.engine.bus.on('message.accepted', (msg) => {
    if (!Notification.isSupported() || win.isDestroyed() || win.isFocused()) return;
    if (!sesame.preferences.get().notifications) return;
    const from = msg.from ? msg.from.name || msg.from.address : 'unknown sender';
    const n = new Notification({ title: msg.subject || '(no subject)', body: `From ${from}`, silent: true });
    n.on('click', () => {
      showMainWindow();
      if (!win.isDestroyed()) win.webContents.send(BridgeChannels.openMessage, msg.id);
    });
    n.show();
  });
}
