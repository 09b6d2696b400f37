// PNG export of a message's HTML preview (desktop host only; contract/bridge.ts capturePreview). The preview
// URL the renderer already uses (the message's preview capability, never the token) is loaded in a hidden
// window with JavaScript disabled, no preload, sandboxed, navigation and popups denied — on top of the
// preview's own script-less sandbox CSP, which is unchanged — and the whole page is captured through the
// DevTools protocol (Page.captureScreenshot beyond the viewport), falling back to webContents.capturePage().
// Owns: that window and the save dialog. Must not: add script to the preview, relax its CSP, or load any URL
// other than this Sesame's /api/messages/:id/html. Not run on the build machine (no Electron there):
// type-checked only.
import { BrowserWindow, dialog, ipcMain } from 'electron';
import { writeFile } from 'node:fs/promises';
import { BridgeChannels, type CaptureResult } from '../../contract/bridge';
import type { SesameHandle } from '../app';

const PREVIEW_PATH = /^\/api\/messages\/[^/]+\/html$/;
/** Longest page captured, CSS px (a runaway layout must not make a gigapixel PNG). */
const MAX_CAPTURE_HEIGHT = 16_000;

export function registerCapture(sesame: SesameHandle): () => void {
  const origin = new URL(sesame.urls.ui).origin;
  ipcMain.handle(BridgeChannels.capturePreview, async (e, rawUrl: unknown, rawWidth: unknown, rawName: unknown): Promise<CaptureResult> => {
    let url: URL;
    try {
      url = new URL(String(rawUrl));
    } catch {
      return { saved: null, error: 'Not a preview URL.' };
    }
    if (url.origin !== origin || !PREVIEW_PATH.test(url.pathname)) return { saved: null, error: 'Not a preview URL.' };
    const width = Math.min(2000, Math.max(200, Math.round(Number(rawWidth)) || 800));
    const name = String(rawName).replace(/[^\w.-]+/g, '_').slice(0, 100) || 'message';
    try {
      const png = await capture(url.href, width);
      const owner = BrowserWindow.fromWebContents(e.sender);
      const opts = { defaultPath: `${name}.png`, filters: [{ name: 'PNG image', extensions: ['png'] }] };
      const choice = owner ? await dialog.showSaveDialog(owner, opts) : await dialog.showSaveDialog(opts);
      if (choice.canceled || !choice.filePath) return { saved: null };
      await writeFile(choice.filePath, png);
      return { saved: choice.filePath };
    } catch (err) {
      return { saved: null, error: err instanceof Error ? err.message : String(err) };
    }
  });
  return () => ipcMain.removeHandler(BridgeChannels.capturePreview);
}

async function capture(url: string, width: number): Promise<Buffer> {
  const win = new BrowserWindow({
    show: false,
    width,
    height: 900,
    useContentSize: true,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
  });
  try {
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.webContents.on('will-navigate', (ev) => ev.preventDefault());
    await win.loadURL(url);
    const dbg = win.webContents.debugger;
    try {
      dbg.attach('1.3');
      const metrics = (await dbg.sendCommand('Page.getLayoutMetrics')) as { cssContentSize?: { height: number }; contentSize: { height: number } };
      const height = Math.min(MAX_CAPTURE_HEIGHT, Math.max(1, Math.ceil((metrics.cssContentSize ?? metrics.contentSize).height)));
      const shot = (await dbg.sendCommand('Page.captureScreenshot', {
        format: 'png',
        captureBeyondViewport: true,
        clip: { x: 0, y: 0, width, height, scale: 1 },
      })) as { data: string };
      return Buffer.from(shot.data, 'base64');
    } catch {
      return (await win.webContents.capturePage()).toPNG();
    } finally {
      if (dbg.isAttached()) dbg.detach();
    }
  } finally {
    win.destroy();
  }
}
