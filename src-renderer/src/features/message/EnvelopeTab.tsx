// The Envelope tab: who the message was really sent from and to (MAIL FROM / RCPT TO, the API's
// Destination), envelope-only Bcc, and the facts of the SMTP session (with its transcript) or API call that
// submitted it.
import type { ReactNode } from 'react';
import type { MessageDetail } from '../../../../src-main/contract';
import { CopyButton } from '../../components/CopyButton';
import { doorLabel } from '../../lib/format';
import { SmtpTranscript } from './SmtpTranscript';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');
const orNone = (v: string | null) => (v ? <code>{v}</code> : <span className="muted">(none)</span>);

export function EnvelopeTab({ detail: d }: { detail: MessageDetail }) {
  return (
    <div className="envelope-tab" data-testid="envelope">
      <section>
        <h3>Envelope</h3>
        <dl className="facts">
          <Row label="MAIL FROM">{orNone(d.envelope.mailFrom || null)}</Row>
          <Row label="RCPT TO">
            <ul className="plain-list" data-testid="envelope-rcpt">
              {d.envelope.rcptTo.map((r) => (
                <li key={r}>
                  <code>{r}</code>
                </li>
              ))}
            </ul>
          </Row>
          <Row label="Bcc (envelope only)">
            {d.bcc.length ? d.bcc.map((b) => <code key={b}>{b} </code>) : <span className="muted">(none)</span>}
          </Row>
          <Row label="Return path (feedback)">{orNone(d.returnPath)}</Row>
          <Row label="Came in through">{doorLabel(d.door, d.operation)}</Row>
          <Row label="Configuration set">{orNone(d.configurationSet)}</Row>
        </dl>
      </section>

      {d.smtp && (
        <section data-testid="envelope-smtp">
          <h3>SMTP session</h3>
          <dl className="facts">
            <Row label="Client address">{orNone(d.smtp.remoteAddress)}</Row>
            <Row label="EHLO/HELO name">{orNone(d.smtp.clientHostname)}</Row>
            <Row label="TLS">{yesNo(d.smtp.secure)}</Row>
            <Row label="AUTH user">{orNone(d.smtp.user)}</Row>
            <Row label="AUTH method">{orNone(d.smtp.authMethod)}</Row>
            <Row label="Password checked">
              {d.smtp.authVerified ? 'yes (valid SES SMTP password)' : 'no (any credentials accepted)'}
            </Row>
          </dl>
          <h3>Session transcript</h3>
          <SmtpTranscript smtp={d.smtp} />
        </section>
      )}

      {d.api && (
        <section data-testid="envelope-api">
          <h3>API call</h3>
          <dl className="facts">
            <Row label="Operation">
              <code>{d.api.operation}</code>
            </Row>
            <Row label="Access key">{orNone(d.api.accessKeyId)}</Row>
            <Row label="Source IP">{orNone(d.api.sourceIp)}</Row>
            <Row label="Request ID">
              <code>{d.api.requestId}</code> <CopyButton text={d.api.requestId} label="Copy request ID" />
            </Row>
          </dl>
        </section>
      )}
    </div>
  );
}
