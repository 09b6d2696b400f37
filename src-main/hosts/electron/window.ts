// The one main window. It loads the UI API's own page (the same renderer a browser gets), so the
// desktop and browser paths are identical; the preload adds only the native bridge.
// Owns: BrowserWindow options (sandboxed, context-isolated, no Node) and navigation lockdown.
import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import type { SesameHandle } from '../app';

let mainWindow: BrowserWindow | null = null;

export function createMainWindow(sesame: SesameHandle): BrowserWindow {
  const origin = new URL(sesame.urls.ui).origin;
  const saved = sesame.preferences.get().window;
  const win = new BrowserWindow({
    width: saved?.width ?? 1280,
    height: saved?.height ?? 820,
    ...(saved ? { x: saved.x, y: saved.y } : {}),
    minWidth: 800,
    minHeight: 500,
    title: 'Sesame',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  // Links inside the app (docs, message links) open in the system browser; the window never navigates away.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:/.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (e, url) => {
    if (new URL(url).origin !== origin) e.preventDefault();
  });
  void win.loadURL(sesame.urls.ui);
  // Remember where the window was (preferences.json, via lowdb) for the next launch.
  win.on('close', () => {
    if (!win.isMinimized() && !win.isFullScreen()) void sesame.preferences.update({ window: win.getBounds() });
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
  return win;
}

export function showMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}
