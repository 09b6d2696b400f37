// Tray icon with the unread count (tooltip everywhere, title text on macOS, dock/launcher badge) and a small
// menu. The count comes from engine.messages.counts() (kept in memory by the store) and is refreshed at most
// once per TRAY_WINDOW_MS however many bus events arrive (coalesce.ts), the last one always included.
// Must not: list or read messages.
import { app, clipboard, Menu, nativeImage, Tray } from 'electron';
import { join } from 'node:path';
import type { SesameHandle } from '../app';
import { createThrottle } from './coalesce';
import { showMainWindow } from './window';

export const TRAY_WINDOW_MS = 500;

export function createTray(sesame: SesameHandle): () => void {
  const icon = nativeImage.createFromPath(join(import.meta.dirname, '../../resources/tray.png'));
  const tray = new Tray(icon.isEmpty() ? nativeImage.createEmpty() : icon.resize({ width: 16, height: 16 }));
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Sesame', click: () => showMainWindow() },
      { label: 'Copy SES endpoint', click: () => clipboard.writeText(sesame.urls.aws) },
      { type: 'separator' },
      { label: 'Quit', click: () => app.quit() },
    ]),
  );
  tray.on('click', () => showMainWindow());

  const refresh = () => {
    if (tray.isDestroyed()) return;
    const { unread } = sesame.engine.messages.counts();
    tray.setToolTip(unread ? `Sesame: ${unread} unread` : 'Sesame');
    if (process.platform === 'darwin') tray.setTitle(unread ? String(unread) : '');
    if (process.platform !== 'win32') app.setBadgeCount(unread);
  };
  refresh();
  const throttle = createThrottle<null>(TRAY_WINDOW_MS, refresh);
  const changed = () => throttle.push(null);
  const offs = [
    sesame.engine.bus.on('message.accepted', changed),
    sesame.engine.bus.on('message.updated', changed),
    sesame.engine.bus.on('messages.deleted', changed),
  ];
  return () => {
    offs.forEach((off) => off());
    throttle.dispose();
    tray.destroy();
  };
}
