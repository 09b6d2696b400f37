// The SMTP facts of the "Connect your app" panel: host, ports, credentials, each copyable.
import type { ServerInfo } from '../../../../src-main/contract';
import { CopyButton } from '../../components/CopyButton';

export function SmtpFacts({ info }: { info: ServerInfo }) {
  const s = info.smtp;
  const rows: { label: string; value: string; note?: string }[] = [
    { label: 'Host', value: s.host },
    { label: 'Port', value: String(s.port), note: 'plain or STARTTLS' },
    ...(s.tlsPort !== null ? [{ label: 'TLS port', value: String(s.tlsPort), note: 'implicit TLS' }] : []),
    { label: 'Username', value: s.username },
    { label: 'Password', value: s.password },
  ];
  return (
    <>
      <dl className="facts" data-testid="connect-smtp">
        {rows.map((r) => (
          <div key={r.label} className="fact">
            <dt>{r.label}</dt>
            <dd>
              <code>{r.value}</code>
              <CopyButton text={r.value} label={`Copy SMTP ${r.label.toLowerCase()}`} />
              {r.note && <span className="muted"> {r.note}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        {s.authMode === 'strict'
          ? 'Authentication is strict: use these SES SMTP credentials (derived from the access key, as SES does).'
          : 'Any user name and password are accepted (and recorded); these SES SMTP credentials also work in strict mode.'}{' '}
        The certificate is self-signed, so tell your client not to verify it.
      </p>
    </>
  );
}
