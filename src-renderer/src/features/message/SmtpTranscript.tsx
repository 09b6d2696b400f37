// The SMTP session transcript in the Envelope tab: each command the client sent and each reply Sesame gave,
// as the SMTP adapter recorded them (AUTH credentials masked, DATA content elided by the recorder).
// Owns: showing client and server sides apart (contract/messages.ts SmtpTranscriptLine).
// Must not: unmask or reconstruct anything the recorder left out.
import type { SmtpSessionInfo, SmtpTranscriptLine } from '../../../../src-main/contract';
import { CopyButton } from '../../components/CopyButton';

type Side = SmtpTranscriptLine['from'];

const PREFIX: Record<Side, string> = { client: 'C: ', server: 'S: ', note: '   ' };

export function SmtpTranscript({ smtp }: { smtp: SmtpSessionInfo }) {
  const lines = smtp.transcript ?? [];
  if (lines.length === 0) return <p className="muted">No transcript was recorded for this session.</p>;
  const text = lines.map((l) => PREFIX[l.from] + l.text).join('\n');
  return (
    <div data-testid="smtp-transcript">
      <div className="pane-toolbar">
        <span className="muted">{lines.length} lines · C: client, S: Sesame · AUTH credentials masked, message content elided</span>
        <CopyButton text={text} label="Copy SMTP transcript" showText />
      </div>
      <pre className="smtp-transcript">
        {lines.map((l, i) => (
          <div key={i} className={`t-${l.from}`} data-side={l.from}>
            {PREFIX[l.from]}
            {l.text}
          </div>
        ))}
      </pre>
    </div>
  );
}
