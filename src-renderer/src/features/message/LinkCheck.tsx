// The link check on the MIME tab (issue 5): a button that asks POST /api/messages/:id/links/check and a table
// of the answers — outcome chip, status, final URL after redirects, latency, and the error or the reason an
// address was refused — plus the "allow private addresses" toggle (kept by the engine). URLs are shown as
// text, never as clickable anchors (they come from untrusted mail).
// Owns: this panel's state. Must not: check anything itself (the engine does, SSRF-safe).
import { useState } from 'react';
import type { LinkCheckOutcome, LinkCheckReport, LinkCheckResult } from '../../../../src-main/contract/link-check';
import { api } from '../../api/client';

const CHIP: Record<LinkCheckOutcome, string> = {
  ok: 'chip chip-good',
  broken: 'chip chip-bad',
  error: 'chip chip-bad',
  refused: 'chip chip-warn',
  'not-checked': 'chip chip-plain',
};
const LABEL: Record<LinkCheckOutcome, string> = { ok: 'OK', broken: 'Broken', error: 'Error', refused: 'Refused', 'not-checked': 'Not checked' };

function Detail({ r }: { r: LinkCheckResult }) {
  if (r.refusedReason) return <span>{r.refusedReason} — turn on “Allow private addresses” to check it.</span>;
  if (r.error) return <span>{r.error}</span>;
  if (r.outcome === 'not-checked') return <span className="muted">not an http(s) URL</span>;
  return (
    <span className="muted">
      {r.method}
      {r.redirects > 0 && ` · ${r.redirects} redirect${r.redirects === 1 ? '' : 's'}`}
      {r.cached && ' · cached'}
    </span>
  );
}

export function LinkCheck({ id }: { id: string }) {
  const [report, setReport] = useState<LinkCheckReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (allowPrivate?: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setReport(await api.checkLinks(id, allowPrivate));
    } catch (err) {
      if (allowPrivate !== undefined) setReport((r) => r && { ...r, allowPrivate: !allowPrivate }); // not changed
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="link-check" data-testid="link-check">
      <div className="pane-toolbar">
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => void run()} data-testid="link-check-run">
          {busy ? 'Checking…' : report ? 'Check again' : 'Check links'}
        </button>
        {report && (
          <label className="muted">
            <input
              type="checkbox"
              checked={report.allowPrivate}
              disabled={busy}
              onChange={(e) => {
                const allow = e.target.checked;
                setReport({ ...report, allowPrivate: allow }); // shown at once; the check below confirms it
                void run(allow);
              }}
              data-testid="link-check-allow-private"
            />{' '}
            Allow private addresses (loopback, LAN, link-local)
          </label>
        )}
      </div>
      {error && <p className="muted">Link check: {error}</p>}
      {report && (
        <table className="data-table">
          <thead>
            <tr>
              <th>Result</th>
              <th>Status</th>
              <th>URL</th>
              <th>Time</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {report.results.map((r, i) => (
              <tr key={i} data-testid="link-check-row" data-outcome={r.outcome}>
                <td>
                  <span className={CHIP[r.outcome]}>{LABEL[r.outcome]}</span>
                </td>
                <td>{r.status ?? '—'}</td>
                <td className="wrap-anywhere">
                  <code>{r.url}</code>
                  {r.finalUrl !== r.url && r.outcome !== 'not-checked' && (
                    <div className="muted">
                      → <code>{r.finalUrl}</code>
                    </div>
                  )}
                </td>
                <td>{r.outcome === 'ok' || r.outcome === 'broken' || r.outcome === 'error' ? `${r.latencyMs} ms` : ''}</td>
                <td>
                  <Detail r={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
