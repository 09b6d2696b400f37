// Tray icon with the unread count (tooltip everywhere, title text on macOS) and a small menu.
import { app, clipboard, Menu, nativeImage, Tray } from 'electron';
import { join } from 'node:path';
import type { SesameHandle } from '../app';
import { showMainWindow } from './window';

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
    const unread = sesame.engine.messages.list({ limit: 1 }).unread;
    tray.setToolTip(unread ? `Sesame: ${unread} unread` : 'Sesame');
    if (process.platform === 'darwin') tray.setTitle(unread ? String(unread) : '');
    if (process.platform !== 'win32') app.setBadgeCount(unread);
  };
  refresh();
  const offs = [
    sesame.engine.bus.on('message.accepted', refresh),
    sesame.engine.bus.on('message.updated', refresh),
    sesame.engine.bus.on('messages.deleted', refresh),
  ];
  return () => {
    offs.forEach((off) => off());
    tray.destroy();
  };
}
