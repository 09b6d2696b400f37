// The Electron preload: the small native bridge, exposed as `window.sesame` (contract/bridge.ts).
// Owns: exactly the bridge's methods, each bound to one allow-listed IPC channel.
// Must not: expose ipcRenderer, Node, or a generic invoke(channel).
import { contextBridge, ipcRenderer } from 'electron';
import { BridgeChannels, type BridgeInfo, type CaptureResult, type SesameBridge } from '../src-main/contract/bridge';

const info = ipcRenderer.sendSync(BridgeChannels.info) as BridgeInfo;

const bridge: SesameBridge = {
  apiOrigin: info.apiOrigin,
  token: info.token,
  platform: info.platform,
  appVersion: info.appVersion,
  notify: (title, body) => ipcRenderer.send(BridgeChannels.notify, String(title), String(body)),
  revealDataDir: () => ipcRenderer.send(BridgeChannels.revealDataDir),
  capturePreview: (previewUrl, width, suggestedName) =>
    ipcRenderer.invoke(BridgeChannels.capturePreview, String(previewUrl), Number(width), String(suggestedName)) as Promise<CaptureResult>,
  onOpenMessage: (fn) => {
    const listener = (_e: unknown, id: unknown) => {
      if (typeof id === 'string') fn(id);
    };
    ipcRenderer.on(BridgeChannels.openMessage, listener);
    return () => ipcRenderer.removeListener(BridgeChannels.openMessage, listener);
  },
};

contextBridge.exposeInMainWorld('sesame', bridge);
