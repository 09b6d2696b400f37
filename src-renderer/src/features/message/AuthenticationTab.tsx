// The Authentication tab: what a receiving mail server would conclude about this message — every DKIM
// signature (result chip, what broke it), SPF for the envelope MAIL FROM, DMARC with its alignment explained,
// ARC, the Authentication-Results header a receiver adds (copyable), and the deliverability checklist.
// Computed by the engine against Sesame's local DNS zone (GET /api/messages/:id/authentication).
// Must not: compute or reinterpret results (the report carries the words and explanations).
import { useState, type ReactNode } from 'react';
import type { MessageDetail } from '../../../../src-main/contract';
import type { AuthenticationReport, ChecklistItem, DkimSignatureReport } from '../../../../src-main/contract/inspection';
import { api } from '../../api/client';
import { CodeBlock } from '../../components/CodeBlock';
import { LoadFailed } from '../../components/LoadFailed';
import { ResultChip } from './ResultChip';
import { SpamPanel } from './SpamPanel';
import { useInspection } from './use-inspection';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const code = (v: string | null | undefined) => (v ? <code>{v}</code> : <span className="muted">(none)</span>);

function DkimTable({ sigs }: { sigs: DkimSignatureReport[] }) {
  if (sigs.length === 0) {
    return (
      <p className="muted" data-testid="dkim-none">
        No DKIM-Signature header: the message is unsigned (result <ResultChip result="none" />
        ). Sesame signs mail from a domain identity whose DKIM is verified and signing is enabled.
      </p>
    );
  }
  return (
    <table className="data-table auth-table" data-testid="dkim-table">
      <thead>
        <tr>
          <th>Result</th>
          <th>Domain (d=)</th>
          <th>Selector (s=)</th>
          <th>Algorithm</th>
          <th>Canon.</th>
          <th>Body hash</th>
          <th>Signed headers</th>
        </tr>
      </thead>
      <tbody>
        {sigs.map((s, i) => (
          <tr key={i} data-testid="dkim-row" data-result={s.result}>
            <td>
              <ResultChip result={s.result} testId="dkim-result" />
              {s.aligned && <span className="chip chip-info">aligned</span>}
              {(s.explanation || s.reason) && <div className="auth-reason">{s.explanation ?? s.reason}</div>}
            </td>
            <td>{code(s.domain)}</td>
            <td className="wrap-anywhere">{code(s.selector)}</td>
            <td>{code(s.algorithm)}</td>
            <td>{code(s.canonicalization)}</td>
            <td>{s.bodyHash ? <ResultChip result={s.bodyHash} /> : <span className="muted">—</span>}</td>
            <td className="signed-headers">{s.signedHeaders.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Checklist({ items, bulk }: { items: ChecklistItem[]; bulk: boolean }) {
  return (
    <section data-testid="auth-checklist">
      <h3>
        Deliverability checklist {bulk && <span className="chip chip-info">bulk mail rules apply</span>}
      </h3>
      <ul className="checklist">
        {items.map((c) => (
          <li key={c.id} data-testid="checklist-item" data-id={c.id} data-status={c.status}>
            <ResultChip result={c.status} testId="checklist-status" />
            <span className="checklist-label">{c.label}</span>
            <span className="muted">{c.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Report({ r }: { r: AuthenticationReport }) {
  const { spf, dmarc, arc } = r;
  return (
    <div className="auth-report">
      <section data-testid="auth-dkim">
        <h3>
          DKIM <span className="muted">({r.dkim.length} signature{r.dkim.length === 1 ? '' : 's'})</span>
        </h3>
        <DkimTable sigs={r.dkim} />
      </section>
      <div className="auth-grid">
        <section data-testid="auth-spf">
          <h3>
            SPF <ResultChip result={spf.result} testId="spf-result" />
          </h3>
          <dl className="facts">
            <Row label="MAIL FROM">{code(spf.mailFrom)}</Row>
            <Row label="Domain">{code(spf.domain)}</Row>
            <Row label="Sending IP">{code(spf.ip)}</Row>
            <Row label="Record">{code(spf.record)}</Row>
          </dl>
          <p className="auth-explain">{spf.explanation}</p>
        </section>
        <section data-testid="auth-dmarc">
          <h3>
            DMARC <ResultChip result={dmarc.result} testId="dmarc-result" />
          </h3>
          <dl className="facts">
            <Row label="From domain">{code(dmarc.fromDomain)}</Row>
            <Row label="Record">{code(dmarc.record)}</Row>
            <Row label="Policy">{code(dmarc.policy)}</Row>
            <Row label="DKIM alignment">
              {dmarc.alignment.dkim ? <>aligned via {code(dmarc.alignment.dkim)}</> : <span className="muted">not aligned</span>}
              <span className="muted">({dmarc.alignment.dkimStrict ? 'strict' : 'relaxed'})</span>
            </Row>
            <Row label="SPF alignment">
              {dmarc.alignment.spf ? <>aligned via {code(dmarc.alignment.spf)}</> : <span className="muted">not aligned</span>}
              <span className="muted">({dmarc.alignment.spfStrict ? 'strict' : 'relaxed'})</span>
            </Row>
          </dl>
          <p className="auth-explain" data-testid="dmarc-explanation">
            {dmarc.explanation}
          </p>
        </section>
        <section data-testid="auth-arc">
          <h3>
            ARC <ResultChip result={arc.result} testId="arc-result" />
          </h3>
          <p className="muted">
            {arc.instance ? `Highest instance i=${arc.instance}.` : 'No ARC set on this message.'} {arc.reason ?? ''}
          </p>
        </section>
      </div>
      <section data-testid="auth-results-header">
        <h3>Authentication-Results a receiver would add</h3>
        <CodeBlock code={r.authenticationResults} copyLabel="Copy Authentication-Results" testId="auth-results" />
      </section>
      <Checklist items={r.checklist} bulk={r.bulk} />
    </div>
  );
}

export function AuthenticationTab({ detail }: { detail: MessageDetail }) {
  const [attempt, setAttempt] = useState(0);
  const state = useInspection(detail.id, api.getAuthentication, attempt);
  if (state.status === 'loading') return <p className="muted loading-line">Checking DKIM, SPF and DMARC…</p>;
  if (state.status === 'error') {
    return <LoadFailed title="Could not check authentication" error={state.error} onRetry={() => setAttempt((n) => n + 1)} />;
  }
  return (
    <div className="auth-tab" data-testid="auth-tab">
      <Report r={state.value} />
      <div className="auth-report"><SpamPanel messageId={detail.id} /></div>
    </div>
  );
}
