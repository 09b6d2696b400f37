// Main-process side of the preload bridge (contract/bridge.ts): answers the allow-listed channels only.
import { app, ipcMain, Notification, shell } from 'electron';
import { BridgeChannels, type BridgeInfo } from '../../contract/bridge';
import type { SesameHandle } from '../app';

export function registerBridge(sesame: SesameHandle): () => void {
  const origin = new URL(sesame.urls.ui).origin;
  const onInfo = (e: Electron.IpcMainEvent) => {
    const info: BridgeInfo = {
      apiOrigin: origin,
      token: new URL(sesame.urls.ui).searchParams.get('token') ?? '',
      platform: process.platform,
      appVersion: app.getVersion(),
    };
    e.returnValue = info;
  };
  const onNotify = (_e: Electron.IpcMainEvent, title: unknown, body: unknown) => {
    if (Notification.isSupported()) new Notification({ title: String(title), body: String(body) }).show();
  };
  const onReveal = () => void shell.openPath(sesame.config.dataDir);
  ipcMain.on(BridgeChannels.info, onInfo);
  ipcMain.on(BridgeChannels.notify, onNotify);
  ipcMain.on(BridgeChannels.revealDataDir, onReveal);
  return () => {
    ipcMain.removeListener(BridgeChannels.info, onInfo);
    ipcMain.removeListener(BridgeChannels.notify, onNotify);
    ipcMain.removeListener(BridgeChannels.revealDataDir, onReveal);
  };
}
