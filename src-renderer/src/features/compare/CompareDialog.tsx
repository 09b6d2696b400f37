// "Compare with…": the open message (A) against a second one (B) picked from the inbox list or typed as an id,
// in a modal dialog — headers by name, MIME structure by path, and line diffs of the text and HTML source,
// unified or side by side, removed lines red and added lines green.
// Must not: diff anything itself (engine.inspect.compare does) or render message HTML (source text only).
import { useEffect, useState } from 'react';
import type { MessageComparison } from '../../../../src-main/contract/compare';
import { api, errorText, isAbort } from '../../api/client';
import { useStore } from '../../stores';
import './compare.css';
import { BodyDiffView, HeaderDiffTable, StructureDiffTable } from './DiffSections';

type State = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; value: MessageComparison };

export function CompareDialog({ a, onClose }: { a: string; onClose: () => void }) {
  const items = useStore((s) => s.items);
  const others = items.filter((m) => m.id !== a);
  const [b, setB] = useState(others[0]?.id ?? '');
  const [typed, setTyped] = useState('');
  const [all, setAll] = useState(false);
  const [sideBySide, setSideBySide] = useState(false);
  const [state, setState] = useState<State>({ status: 'idle' });
  const target = typed.trim() || b;

  useEffect(() => {
    if (!target) return;
    const ctrl = new AbortController();
    setState({ status: 'loading' });
    api.compare(a, target, all, ctrl.signal)
      .then((value) => setState({ status: 'ready', value }))
      .catch((err: unknown) => {
        if (!isAbort(err)) setState({ status: 'error', error: errorText(err) });
      });
    return () => ctrl.abort();
  }, [a, target, all]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="compare-backdrop" onClick={onClose}>
      <div className="compare-dialog" role="dialog" aria-modal="true" aria-label="Compare messages" data-testid="compare-dialog" onClick={(e) => e.stopPropagation()}>
        <header className="compare-top">
          <h2>Compare messages</h2>
          <button type="button" className="btn btn-small" onClick={onClose} data-testid="compare-close">
            Close
          </button>
        </header>
        <div className="compare-pick">
          <span>
            A: <code>{a}</code>
          </span>
          <label>
            B:{' '}
            <select value={b} onChange={(e) => setB(e.target.value)} data-testid="compare-pick" disabled={Boolean(typed.trim())}>
              {others.length === 0 && <option value="">(no other message in the list)</option>}
              {others.map((m) => (
                <option key={m.id} value={m.id}>
                  {(m.subject || '(no subject)').slice(0, 60)} — {m.id.slice(0, 12)}…
                </option>
              ))}
            </select>
          </label>
          <label>
            or id <input value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="MessageId" data-testid="compare-id" size={28} />
          </label>
          <label>
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} data-testid="compare-all" /> Show per-message headers (Message-ID, Date, X-SES-*…)
          </label>
          <label>
            <input type="checkbox" checked={sideBySide} onChange={(e) => setSideBySide(e.target.checked)} data-testid="compare-side" /> Side by side
          </label>
        </div>
        <div className="compare-body">
          {!target && <p className="muted">Pick a second message to compare with.</p>}
          {state.status === 'loading' && <p className="muted">Comparing…</p>}
          {state.status === 'error' && (
            <p className="compare-error" role="alert" data-testid="compare-error">
              {state.error}
            </p>
          )}
          {state.status === 'ready' && (
            <>
              <section data-testid="compare-headers">
                <h3>Headers</h3>
                <HeaderDiffTable headers={state.value.headers} />
              </section>
              <section data-testid="compare-structure">
                <h3>MIME structure</h3>
                <StructureDiffTable parts={state.value.structure} />
              </section>
              <section data-testid="compare-text">
                <h3>Text body</h3>
                <BodyDiffView diff={state.value.text} sideBySide={sideBySide} />
              </section>
              <section data-testid="compare-html">
                <h3>HTML source</h3>
                <BodyDiffView diff={state.value.html} sideBySide={sideBySide} />
              </section>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
