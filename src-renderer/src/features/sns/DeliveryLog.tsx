// The selected topic's delivery log: every HTTP attempt, newest first — when, what (confirmation or
// notification), to which endpoint, the outcome, HTTP status and latency, and the answer's first kilobyte.
import { Fragment, useState } from 'react';
import { longTime, preciseTime } from '../../lib/format';
import { useStore } from '../../stores';
import { attemptLine } from '../message/timeline-model';

const OUTCOME_CHIP: Record<string, string> = { delivered: 'chip-good', failed: 'chip-warn', abandoned: 'chip-bad', pending: 'chip-neutral' };

export function DeliveryLog() {
  const log = useStore((s) => s.deliveryLog);
  const openMessage = useStore((s) => s.openMessage);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="sns-block">
      <h3>Delivery log</h3>
      {log.length === 0 ? (
        <p className="muted">Nothing delivered yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table delivery-log" data-testid="delivery-log">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Type</th>
                <th scope="col">Endpoint</th>
                <th scope="col">Outcome</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {log.map((a) => (
                <Fragment key={a.id}>
                  <tr data-testid="delivery-log-row" data-outcome={a.outcome}>
                    <td title={longTime(a.at)} className="mono">
                      {preciseTime(a.at)}
                    </td>
                    <td title={a.messageType ?? a.channel}>{a.messageType === 'SubscriptionConfirmation' ? 'Confirmation' : (a.messageType ?? a.channel)}</td>
                    <td className="endpoint-cell" title={a.endpoint}>
                      {a.endpoint}
                    </td>
                    <td>
                      <span className={`chip ${OUTCOME_CHIP[a.outcome] ?? 'chip-neutral'}`}>{a.outcome}</span>
                      {a.attempt > 1 && <span className="muted small"> attempt {a.attempt}</span>}
                    </td>
                    <td>{attemptLine(a)}</td>
                    <td className="cell-actions">
                      {a.sesMessageId && (
                        <button type="button" className="btn btn-ghost btn-small" onClick={() => openMessage(a.sesMessageId!)} data-testid="delivery-open-message">
                          Message
                        </button>
                      )}
                      <button type="button" className="btn btn-ghost btn-small" aria-expanded={open === a.id} onClick={() => setOpen(open === a.id ? null : a.id)}>
                        Response
                      </button>
                    </td>
                  </tr>
                  {open === a.id && (
                    <tr className="response-row">
                      <td colSpan={6}>
                        {a.error && <p className="field-error">{a.error}</p>}
                        <pre className="response-body">{a.responseBody || '(empty)'}</pre>
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
