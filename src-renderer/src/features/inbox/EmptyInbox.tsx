// The empty inbox that teaches: "No mail yet" and the three quickest ways to send a first message,
// filled with this server's real endpoint, region, keys and SMTP port from /api/info.
import { CodeBlock } from '../../components/CodeBlock';
import { Icon } from '../../components/Icon';
import { useStore } from '../../stores';
import { awsCli, awsSdkJs, swaks } from '../connect/snippets';

export function EmptyInbox() {
  const info = useStore((s) => s.info);
  const infoError = useStore((s) => s.infoError);
  const openConnect = useStore((s) => s.setConnectOpen);

  return (
    <div className="empty-inbox" data-testid="empty-inbox">
      <div className="empty-inbox-head">
        <Icon name="mail" size={32} className="empty-icon" />
        <h2>No mail yet</h2>
        <p>
          Point your app at Sesame and every message it sends shows up here, with its SES events, as it happens.
          Three quick ways to send the first one:
        </p>
      </div>
      {info ? (
        <ol className="first-steps">
          <li>
            <h3>AWS CLI</h3>
            <CodeBlock code={awsCli(info)} copyLabel="Copy AWS CLI command" language="shell" testId="first-cli" />
          </li>
          <li>
            <h3>AWS SDK for JavaScript v3</h3>
            <CodeBlock code={awsSdkJs(info)} copyLabel="Copy SDK snippet" language="javascript" testId="first-sdk" />
          </li>
          <li>
            <h3>SMTP with swaks</h3>
            <CodeBlock code={swaks(info)} copyLabel="Copy swaks command" language="shell" testId="first-swaks" />
          </li>
        </ol>
      ) : (
        <p className="muted">{infoError ? `Connection details unavailable: ${infoError}` : 'Loading connection details…'}</p>
      )}
      <p>
        Python, Nodemailer, environment variables and SMTP credentials:{' '}
        <button type="button" className="btn btn-link" onClick={() => openConnect(true)}>
          Connect your app
        </button>
      </p>
    </div>
  );
}
