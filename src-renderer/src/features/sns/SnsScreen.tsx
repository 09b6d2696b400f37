// The SNS topics screen: topics on the left (create, delete), the selected topic's subscriptions (subscribe
// an HTTP/HTTPS endpoint, its status pending/confirmed, unsubscribe) and its delivery log (every attempt:
// time, outcome, HTTP status, latency, the answer's first kilobyte). Refetches on open, after every action
// and on "Refresh" (deliveries happen in the background, retried with backoff in Sesame's time).
import { useEffect, useState, type FormEvent } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useStore } from '../../stores';
import { DeliveryLog } from './DeliveryLog';
import { Subscriptions } from './Subscriptions';

function CreateTopic() {
  const create = useStore((s) => s.createTopic);
  const busy = useStore((s) => s.snsBusy);
  const [name, setName] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() && (await create(name.trim()))) setName('');
  };
  return (
    <form className="form-inline" onSubmit={(e) => void submit(e)} data-testid="topic-create">
      <label className="field">
        <span>New topic</span>
        <input className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="ses-bounces" data-testid="topic-name" />
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()} data-testid="topic-create-submit">
        Create topic
      </button>
    </form>
  );
}

export function SnsScreen() {
  const topics = useStore((s) => s.topics);
  const loaded = useStore((s) => s.snsLoaded);
  const error = useStore((s) => s.snsError);
  const busy = useStore((s) => s.snsBusy);
  const selected = useStore((s) => s.selectedTopic);
  const select = useStore((s) => s.selectTopic);
  const load = useStore((s) => s.loadSns);
  const remove = useStore((s) => s.deleteTopic);

  useEffect(() => {
    void load();
  }, [load]);

  const topic = topics.find((t) => t.topicArn === selected) ?? null;
  return (
    <div className="screen screen-split sns-screen" data-testid="sns-screen">
      <header className="screen-head">
        <h1>SNS topics</h1>
        <span className="muted">The SNS subset on the AWS endpoint: HTTP/HTTPS subscriptions receive SNS&apos;s own signed envelopes.</span>
        <span className="toolbar-spacer" />
        <button type="button" className="btn btn-small" onClick={() => void load()} data-testid="sns-refresh">
          Refresh
        </button>
      </header>
      <CreateTopic />
      <ErrorBanner error={error} />
      {loaded && topics.length === 0 ? (
        <EmptyState title="No topics yet" icon="send" testId="sns-empty">
          <p>Create one here or with CreateTopic (AWS SDK / CLI), then point a configuration set&apos;s event destination at it.</p>
        </EmptyState>
      ) : (
        <div className="split">
          <ul className="identity-list" data-testid="topic-list">
            {topics.map((t) => (
              <li key={t.topicArn}>
                <button type="button" className={`identity-row ${t.topicArn === selected ? 'is-selected' : ''}`} aria-current={t.topicArn === selected ? 'true' : undefined} onClick={() => select(t.topicArn)} data-testid="topic-row" data-topic={t.name}>
                  <span className="identity-name">{t.name}</span>
                  <span className="muted small">
                    {t.subscriptionsConfirmed} confirmed · {t.subscriptionsPending} pending
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {topic && (
            <section className="card sns-detail" data-testid="topic-detail">
              <div className="screen-head">
                <h2 className="wrap-anywhere">{topic.name}</h2>
                <span className="toolbar-spacer" />
                <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={() => void remove(topic.topicArn)} data-testid="topic-delete">
                  Delete topic
                </button>
              </div>
              <code className="muted wrap-anywhere">{topic.topicArn}</code>
              <Subscriptions />
              <DeliveryLog />
            </section>
          )}
        </div>
      )}
    </div>
  );
}
