// The selected topic's subscriptions: protocol, endpoint, status (pending confirmation / confirmed), raw
// delivery, unsubscribe; and the form that subscribes an HTTP/HTTPS endpoint (SNS then sends it a
// SubscriptionConfirmation; visiting the SubscribeURL in it confirms).
import { useState, type FormEvent } from 'react';
import { useStore } from '../../stores';

export function Subscriptions() {
  const subs = useStore((s) => s.subscriptions);
  const busy = useStore((s) => s.snsBusy);
  const subscribe = useStore((s) => s.subscribe);
  const unsubscribe = useStore((s) => s.unsubscribe);
  const [endpoint, setEndpoint] = useState('');
  const protocol = endpoint.trim().toLowerCase().startsWith('https://') ? 'https' : 'http';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (endpoint.trim() && (await subscribe(protocol, endpoint.trim()))) setEndpoint('');
  };

  return (
    <div className="sns-block">
      <h3>Subscriptions</h3>
      <form className="form-inline" onSubmit={(e) => void submit(e)} data-testid="subscribe-form">
        <label className="field field-grow">
          <span>HTTP or HTTPS endpoint</span>
          <input className="input" type="url" value={endpoint} onChange={(e) => setEndpoint(e.target.value)} placeholder="http://localhost:3000/sns" data-testid="subscribe-endpoint" />
        </label>
        <button type="submit" className="btn" disabled={busy || !/^https?:\/\/./i.test(endpoint.trim())} data-testid="subscribe-submit">
          Subscribe
        </button>
      </form>
      {subs.length === 0 ? (
        <p className="muted">No subscriptions.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="subscription-table">
            <thead>
              <tr>
                <th scope="col">Protocol</th>
                <th scope="col">Endpoint</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {subs.map((s) => (
                <tr key={s.subscriptionArn + s.endpoint} data-testid="subscription-row" data-status={s.status}>
                  <td>{s.protocol}</td>
                  <td className="wrap-anywhere">
                    {s.endpoint}
                    {s.rawMessageDelivery && <span className="chip chip-plain small-gap">raw</span>}
                  </td>
                  <td>
                    <span className={`chip ${s.status === 'confirmed' ? 'chip-good' : 'chip-warn'}`}>{s.status === 'confirmed' ? 'Confirmed' : 'Pending confirmation'}</span>
                  </td>
                  <td className="cell-actions">
                    <button type="button" className="btn btn-ghost btn-small btn-danger" disabled={busy} onClick={() => void unsubscribe(s.subscriptionArn)} data-testid="unsubscribe">
                      Unsubscribe
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
