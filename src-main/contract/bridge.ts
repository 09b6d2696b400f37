// The native bridge the Electron preload exposes as `window.sesame`. In a browser it is absent and the
// renderer talks to the UI API with the token cookie instead. Owns: the bridge's shape and IPC channel names.
// Must not: import anything.

export interface SesameBridge {
  /** Origin of the UI API, e.g. `http://127.0.0.1:4578`. */
  apiOrigin: string;
  /** Per-launch token for the `x-sesame-token` header. */
  token: string;
  platform: string;
  appVersion: string;
  /** Show a native notification. */
  notify(title: string, body: string): void;
  /** Open the data folder in the OS file manager. */
  revealDataDir(): void;
  /** Called when a native notification or the tray asks to open a message. Returns an unsubscribe function. */
  onOpenMessage(fn: (messageId: string) => void): () => void;
  /** Render a message's HTML preview URL (urls.html) in a hidden, script-less window at `width` CSS px, capture
   *  the whole page as PNG and offer to save it. Absent in older desktop builds; never in a browser. */
  capturePreview?(previewUrl: string, width: number, suggestedName: string): Promise<CaptureResult>;
}

/** `saved`: the file written; null when the user cancelled or the capture failed (`error` says why). */
export interface CaptureResult {
  saved: string | null;
  error?: string;
}

/** IPC channel names between preload and main (the only ones the preload allows). */
export const BridgeChannels = {
  info: 'sesame:info',
  notify: 'sesame:notify',
  revealDataDir: 'sesame:reveal-data-dir',
  openMessage: 'sesame:open-message',
  capturePreview: 'sesame:capture-preview',
} as const;

/** What main answers on `sesame:info` (synchronously, at preload time). */
export interface BridgeInfo {
  apiOrigin: string;
  token: string;
  platform: string;
  appVersion: string;
}
