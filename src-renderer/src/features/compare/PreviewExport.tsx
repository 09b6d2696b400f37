// The message header's image export of the HTML preview (issue 5). Desktop: "Save as PNG" asks the native
// bridge (window.sesame.capturePreview, hosts/electron/capture.ts) to render the preview in a hidden script-less
// window and capture it. Browser: "Open preview" opens the same sandboxed, script-less preview document (only
// the message's preview capability in its URL) in a new tab, where the browser's own screenshot tool
// (e.g. Firefox "Take Screenshot", Chromium DevTools "Capture full size screenshot") makes the PNG.
// Must not: render the mail in this document, add script to the preview or widen its CSP.
import { useState } from 'react';
import { urls } from '../../api/client';
import { useStore } from '../../stores';

/** Preview width captured, CSS px (a desktop mail client's reading pane). */
const CAPTURE_WIDTH = 800;

export function PreviewExport({ id }: { id: string }) {
  const notify = useStore((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const capture = window.sesame?.capturePreview;

  if (capture) {
    const save = async () => {
      setBusy(true);
      try {
        const r = await capture(await urls.html(id, false), CAPTURE_WIDTH, `message-${id.slice(0, 24)}`);
        if (r.saved) notify('info', `Saved ${r.saved}`);
        else if (r.error) notify('error', `Could not capture the preview: ${r.error}`);
      } finally {
        setBusy(false);
      }
    };
    return (
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void save()} data-testid="export-png" title="Render the HTML preview (remote content off) and save it as a PNG image">
        {busy ? 'Capturing…' : 'Save as PNG'}
      </button>
    );
  }
  const open = async () => {
    const url = await urls.html(id, false);
    window.open(url, '_blank', 'noopener,noreferrer');
  };
  return (
    <button
      type="button"
      className="btn btn-small"
      onClick={() => void open()}
      data-testid="open-preview-tab"
      title="Opens the sandboxed, script-less preview (remote content off) in a new tab. For a PNG, use the browser's own screenshot tool there (Firefox: right-click › Take Screenshot; Chromium: DevTools › Capture full size screenshot)."
    >
      Open preview in new tab
    </button>
  );
}
