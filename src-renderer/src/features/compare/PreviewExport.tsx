// Image export of the HTML preview (issue 5), at the width and colour scheme asked for. Desktop: the PNG button
// asks the native bridge (window.sesame.capturePreview, hosts/electron/capture.ts) to render the preview in a
// hidden script-less window and capture it. Browser: when the server found a Chromium (ServerInfo.pngExport),
// the PNG button downloads GET /api/messages/:id/preview.png, which that Chromium renders from the same
// sandboxed, script-less preview document (adapters/screenshot/chromium-png.ts); otherwise "Open in new
// tab" opens that document so the browser's own screenshot tool can make the PNG.
// Must not: render the mail in this document, add script to the preview or widen its CSP.
import { useState } from 'react';
import { urls } from '../../api/client';
import { Icon } from '../../components/Icon';
import { useStore } from '../../stores';

/** Default width captured, CSS px (a desktop mail client's reading pane). */
export const CAPTURE_WIDTH = 800;

export function PreviewExport({ id, width = CAPTURE_WIDTH, dark = false }: { id: string; width?: number; dark?: boolean }) {
  const notify = useStore((s) => s.notify);
  const serverPng = useStore((s) => s.info?.pngExport ?? false);
  const [busy, setBusy] = useState(false);
  const capture = window.sesame?.capturePreview;
  const what = `${width} px${dark ? ', dark' : ''}, remote content off`;

  if (capture) {
    const save = async () => {
      setBusy(true);
      try {
        const r = await capture(await urls.html(id, false, dark), width, `message-${id.slice(0, 24)}`);
        if (r.saved) notify('info', `Saved ${r.saved}`);
        else if (r.error) notify('error', `Could not capture the preview: ${r.error}`);
      } finally {
        setBusy(false);
      }
    };
    return (
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void save()} data-testid="export-png" title={`Render the HTML preview (${what}) and save it as a PNG image`}>
        <Icon name="download" size={14} /> {busy ? 'Capturing…' : 'PNG'}
      </button>
    );
  }
  if (serverPng) {
    return (
      <a className="btn btn-small" href={urls.png(id, width, dark)} download data-testid="export-png" title={`Download the HTML preview (${what}) as a PNG image, rendered by Sesame's Chromium`}>
        <Icon name="download" size={14} /> PNG
      </a>
    );
  }
  const open = async () => {
    const url = await urls.html(id, false, dark);
    window.open(url, '_blank', 'noopener,noreferrer');
  };
  return (
    <button
      type="button"
      className="btn btn-small"
      onClick={() => void open()}
      data-testid="open-preview-tab"
      title="No Chromium was found for PNG export (start Sesame with --chromium <path>). This opens the sandboxed, script-less preview (remote content off) in a new tab; use the browser's own screenshot tool there (Firefox: right-click › Take Screenshot; Chromium: DevTools › Capture full size screenshot)."
    >
      Open in new tab
    </button>
  );
}
