// The spam score panel in the Authentication tab (issue 5): SpamAssassin's verdict through spamd — score
// against the threshold, the rules that hit with their points and descriptions — or a clear "not available"
// state saying how to install/enable spamd (GET /api/messages/:id/spam; the engine caches per message).
// Must not: score anything itself or talk to spamd (the engine and adapters/spamd do).
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { useInspection } from './use-inspection';

const points = (n: number) => (n > 0 ? `+${n.toFixed(1)}` : n.toFixed(1));

export function SpamPanel({ messageId }: { messageId: string }) {
  const [attempt, setAttempt] = useState(0);
  const load = useCallback(
    (id: string, signal: AbortSignal) => api.getSpam(id, signal, attempt > 0),
    [attempt],
  );
  const state = useInspection(messageId, load, attempt);
  const again = (
    <button type="button" className="btn" data-testid="spam-recheck" onClick={() => setAttempt((n) => n + 1)}>
      Check again
    </button>
  );
  return (
    <section data-testid="spam-panel">
      <h3>
        Spam score (SpamAssassin)
        {state.status === 'ready' && state.value.available && (
          <span className={`chip ${state.value.isSpam ? 'chip-bad' : 'chip-good'}`} data-testid="spam-verdict" data-spam={String(state.value.isSpam)}>
            {state.value.isSpam ? 'spam' : 'not spam'} · {state.value.score.toFixed(1)} / {state.value.threshold.toFixed(1)}
          </span>
        )}
      </h3>
      {state.status === 'loading' && <p className="muted loading-line">Asking spamd…</p>}
      {state.status === 'error' && (
        <p className="muted" data-testid="spam-error">
          Could not get the spam score: {state.error} {again}
        </p>
      )}
      {state.status === 'ready' && !state.value.available && (
        <div data-testid="spam-unavailable">
          <p>
            <span className="chip chip-neutral">not available</span> <span className="muted">{state.value.reason}</span>
          </p>
          <p className="muted">{state.value.hint}</p>
          {again}
        </div>
      )}
      {state.status === 'ready' && state.value.available && (
        <>
          <p className="muted">
            Scored by spamd at <code>{state.value.server}</code>; a score of {state.value.threshold.toFixed(1)} or more is spam. {again}
          </p>
          {state.value.rules.length === 0 ? (
            <p className="muted">No rules hit.</p>
          ) : (
            <table className="data-table auth-table" data-testid="spam-rules">
              <thead>
                <tr>
                  <th>Points</th>
                  <th>Rule</th>
                  <th>Description</th>
                </tr>
              </thead>
              <tbody>
                {[...state.value.rules].sort((a, b) => b.score - a.score).map((r) => (
                  <tr key={r.name} data-testid="spam-rule" data-rule={r.name}>
                    <td>
                      <span className={`chip ${r.score > 0 ? 'chip-warn' : r.score < 0 ? 'chip-good' : 'chip-neutral'}`}>{points(r.score)}</span>
                    </td>
                    <td>
                      <code>{r.name}</code>
                    </td>
                    <td>{r.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
