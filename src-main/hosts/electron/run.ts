// The desktop host: one window on the same in-process Sesame that `sesame serve` runs headless.
// Owns: Electron app lifecycle (single instance, ready, quit) and wiring window, tray, notifications, menu.
// Must not: decide anything about SES — it only hosts startSesame() and shows its UI.
import { app, dialog } from 'electron';
import { join } from 'node:path';
import { startSesame, type SesameHandle } from '../app';
import { buildConfig } from '../config';
import { createMainWindow, showMainWindow } from './window';
import { createTray } from './tray';
import { watchNewMail } from './notifications';
import { installMenu } from './menu';
import { registerBridge } from './bridge';
import { registerCapture } from './capture';

export function runElectronHost(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let sesame: SesameHandle | null = null;
  const cleanups: (() => void)[] = [];

  app.on('second-instance', () => showMainWindow());

  app.whenReady().then(async () => {
    try {
      const config = buildConfig({
        // argv after the executable (packaged) or after `electron .` (development): Sesame's own flags.
        argv: process.argv.slice(app.isPackaged ? 1 : 2),
        env: process.env,
        defaultDataDir: app.getPath('userData'),
      });
      sesame = await startSesame(config, {
        host: 'electron',
        rendererDir: join(import.meta.dirname, '../renderer'),
        version: app.getVersion(),
      });
    } catch (err) {
      dialog.showErrorBox('Sesame could not start', err instanceof Error ? err.message : String(err));
      app.exit(1);
      return;
    }
    const handle = sesame;
    cleanups.push(registerBridge(handle));
    cleanups.push(registerCapture(handle));
    const win = createMainWindow(handle);
    installMenu(handle);
    cleanups.push(createTray(handle));
    cleanups.push(watchNewMail(handle, win));
    app.on('activate', () => showMainWindow());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closing = false;
  app.on('before-quit', (e) => {
    if (closing || !sesame) return;
    e.preventDefault();
    closing = true;
    for (const c of cleanups.splice(0)) c();
    sesame.close().finally(() => app.exit(0));
  });
}
