// "Request production access" as SES's console asks for it (mail type, website, use case), then the case
// it opened: PENDING with its case id and when Sesame's simulated review decides, GRANTED once it has.
// Must not: decide the review (the account service does, in Sesame's time).
import { useState, type FormEvent } from 'react';
import type { AccountDto, MailTypeName } from '../../../../src-main/contract';
import { longTime } from '../../lib/format';
import { useStore } from '../../stores';

const REVIEW_TONE = { PENDING: 'warn', GRANTED: 'good', FAILED: 'bad', DENIED: 'bad' } as const;

function Review({ account }: { account: AccountDto }) {
  const review = account.details?.review;
  if (!review) return null;
  return (
    <div className="review" data-testid="review">
      <p>
        Review{' '}
        <span className={`chip chip-${REVIEW_TONE[review.status]}`} data-testid="review-status" data-status={review.status}>
          {review.status}
        </span>{' '}
        case <code data-testid="review-case">{review.caseId}</code>
      </p>
      {review.status === 'PENDING' && review.decidesAt && (
        <p className="hint">
          Sesame&apos;s review decides at {longTime(review.decidesAt)} (Sesame time). Move Sesame&apos;s clock forward to get
          there now.
        </p>
      )}
      {review.status === 'GRANTED' && <p className="hint">The account left the sandbox with production quotas.</p>}
    </div>
  );
}

export function ProductionAccessCard({ account }: { account: AccountDto }) {
  const request = useStore((s) => s.requestProductionAccess);
  const busy = useStore((s) => s.accountBusy);
  const [mailType, setMailType] = useState<MailTypeName>('TRANSACTIONAL');
  const [websiteUrl, setWebsiteUrl] = useState('https://example.com');
  const [useCase, setUseCase] = useState('');
  const pending = account.details?.review?.status === 'PENDING';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void request({ mailType, websiteUrl, ...(useCase.trim() ? { useCaseDescription: useCase } : {}) });
  };

  return (
    <section className="card" aria-labelledby="production-title" data-testid="production-access-card">
      <h2 id="production-title">Production access</h2>
      <Review account={account} />
      {account.sandbox && !pending && (
        <form className="form" onSubmit={submit} data-testid="production-access-form">
          <label className="field">
            <span>Mail type</span>
            <select className="input" value={mailType} onChange={(e) => setMailType(e.target.value as MailTypeName)} data-testid="pa-mail-type">
              <option value="TRANSACTIONAL">Transactional</option>
              <option value="MARKETING">Marketing</option>
            </select>
          </label>
          <label className="field">
            <span>Website URL</span>
            <input className="input" type="url" required value={websiteUrl} onChange={(e) => setWebsiteUrl(e.target.value)} data-testid="pa-website" />
          </label>
          <label className="field">
            <span>Use case</span>
            <textarea
              className="input textarea"
              rows={3}
              value={useCase}
              placeholder="How you send, to whom, and how you handle bounces and complaints."
              onChange={(e) => setUseCase(e.target.value)}
              data-testid="pa-use-case"
            />
          </label>
          <div>
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="pa-submit">
              Request production access
            </button>
          </div>
        </form>
      )}
      {!account.sandbox && !account.details?.review && <p className="muted">This account has production access.</p>}
    </section>
  );
}
