// One identity in full: its verification, DKIM and MAIL FROM status; for a domain the DNS records to copy
// and "Publish to local zone"; for an address a pointer to the verification email in the inbox; QA buttons
// to mark it verified or failed; simulator test sends from it; delete (two-step).
import type { IdentityDto } from '../../../../src-main/contract';
import { ConfirmButton } from '../../components/ConfirmButton';
import { longTime } from '../../lib/format';
import { useStore } from '../../stores';
import { SimulatorButtons } from '../simulator/SimulatorButtons';
import { DnsRecordsTable } from './DnsRecordsTable';
import { VerificationChip } from './VerificationChip';

function DeleteIdentity({ identity }: { identity: string }) {
  const remove = useStore((s) => s.deleteIdentity);
  return (
    <ConfirmButton
      idle={{ className: 'btn btn-danger btn-small', testId: 'identity-delete', children: 'Delete' }}
      armed={{ className: 'btn btn-danger-solid btn-small', testId: 'identity-delete-confirm', children: <>Delete {identity}?</> }}
      onConfirm={() => void remove(identity)}
      disarmOnConfirm={false}
    />
  );
}

export function IdentityDetail({ identity }: { identity: IdentityDto }) {
  const setStatus = useStore((s) => s.setIdentityStatus);
  const publish = useStore((s) => s.publishIdentity);
  const busy = useStore((s) => s.identitiesBusy);
  const setView = useStore((s) => s.setView);
  const isDomain = identity.type === 'DOMAIN';
  const testFrom = isDomain ? `test@${identity.identity}` : identity.identity;

  return (
    <article className="identity-detail" data-testid="identity-detail" data-identity={identity.identity}>
      <header className="detail-head">
        <h2 className="wrap-anywhere">{identity.identity}</h2>
        <VerificationChip status={identity.verificationStatus} testId="identity-detail-status" />
        <span className="toolbar-spacer" />
        <button type="button" className="btn btn-small" disabled={busy || identity.verificationStatus === 'SUCCESS'} onClick={() => void setStatus(identity.identity, 'SUCCESS')} data-testid="identity-mark-verified">
          Mark verified
        </button>
        <button type="button" className="btn btn-small" disabled={busy || identity.verificationStatus === 'FAILED'} onClick={() => void setStatus(identity.identity, 'FAILED')} data-testid="identity-mark-failed">
          Mark failed
        </button>
        <DeleteIdentity identity={identity.identity} />
      </header>

      <dl className="facts">
        <div className="fact">
          <dt>Type</dt>
          <dd>{isDomain ? 'Domain' : 'Email address'}</dd>
        </div>
        <div className="fact">
          <dt>Created</dt>
          <dd>{longTime(identity.createdAt)}</dd>
        </div>
        <div className="fact">
          <dt>DKIM</dt>
          <dd>
            <VerificationChip status={identity.dkim.status} testId="identity-dkim-status" />
            {identity.dkim.status === 'NOT_STARTED' ? (
              <span className="muted">{isDomain ? 'not set up' : 'signed through its domain, when that has DKIM'}</span>
            ) : (
              <span className="muted">
                {identity.dkim.origin === 'EXTERNAL' ? 'BYODKIM' : 'Easy DKIM'} · signing {identity.dkim.signingEnabled ? 'on' : 'off'}
              </span>
            )}
          </dd>
        </div>
        {identity.mailFrom && (
          <div className="fact">
            <dt>MAIL FROM</dt>
            <dd>
              <code>{identity.mailFrom.domain}</code> <VerificationChip status={identity.mailFrom.status} />
              <span className="muted">on MX failure: {identity.mailFrom.behaviorOnMxFailure}</span>
            </dd>
          </div>
        )}
        {identity.configurationSet && (
          <div className="fact">
            <dt>Default configuration set</dt>
            <dd>
              <code>{identity.configurationSet}</code>
            </dd>
          </div>
        )}
      </dl>

      {!isDomain && identity.verificationStatus === 'PENDING' && (
        <p className="callout" data-testid="verification-email-hint">
          SES sent a verification email to this address. Sesame caught it: open it in the{' '}
          <button type="button" className="btn-link" onClick={() => setView('inbox')}>
            Inbox
          </button>{' '}
          and click its link (valid 24 hours), or mark the address verified here.
        </p>
      )}

      {isDomain && (
        <section className="detail-section" aria-labelledby="dns-title">
          <div className="section-head">
            <h3 id="dns-title">DNS records</h3>
            <span className="toolbar-spacer" />
            <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => void publish(identity.identity)} data-testid="identity-publish">
              Publish to local zone
            </button>
          </div>
          <p className="hint">
            Publish these at your DNS provider. In Sesame, &ldquo;Publish to local zone&rdquo; writes them into Sesame&apos;s own
            DNS zone, which verifies the domain, its DKIM and its MAIL FROM at once.
          </p>
          <DnsRecordsTable records={identity.dnsRecords} />
        </section>
      )}

      <section className="detail-section" aria-labelledby="sim-title">
        <h3 id="sim-title">Send a mailbox simulator test</h3>
        <SimulatorButtons from={testFrom} />
      </section>
    </article>
  );
}
