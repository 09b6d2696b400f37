// "Connect your app": everything needed to point an SDK, the AWS CLI or an SMTP client at this Sesame,
// from /api/info, with copy buttons. A native <dialog> (focus trap, Escape to close) opened from the top bar.
import { useEffect, useRef, useState } from 'react';
import type { ServerInfo } from '../../../../src-main/contract';
import { CodeBlock } from '../../components/CodeBlock';
import { CopyButton } from '../../components/CopyButton';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { Tabs, tabPanelProps } from '../../components/Tabs';
import { useStore } from '../../stores';
import { SmtpFacts } from './SmtpFacts';
import { SAMPLE_FROM, SNIPPETS, envBlock, envLines, type SnippetId } from './snippets';

export function ConnectPanel() {
  const open = useStore((s) => s.connectOpen);
  const setOpen = useStore((s) => s.setConnectOpen);
  const info = useStore((s) => s.info);
  const infoError = useStore((s) => s.infoError);
  const loadInfo = useStore((s) => s.loadInfo);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      if (!info) void loadInfo();
    } else if (!open && dialog.open) dialog.close();
  }, [open, info, loadInfo]);

  return (
    <dialog
      ref={ref}
      className="connect-dialog"
      data-testid="connect-panel"
      aria-labelledby="connect-title"
      onClose={() => setOpen(false)}
      onClick={(e) => {
        // A click on the backdrop lands on the <dialog> element itself.
        if (e.target === e.currentTarget) setOpen(false);
      }}
    >
      <div className="connect-inner">
        <header className="connect-head">
          <h2 id="connect-title">Connect your app</h2>
          <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)} aria-label="Close">
            <Icon name="close" />
          </button>
        </header>
        {info ? (
          <ConnectBody info={info} />
        ) : infoError ? (
          <EmptyState title="Could not load the server's settings" tone="error" icon="plug">
            <p>{infoError}</p>
            <button type="button" className="btn" onClick={() => void loadInfo()}>
              Retry
            </button>
          </EmptyState>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </div>
    </dialog>
  );
}

function ConnectBody({ info }: { info: ServerInfo }) {
  const [snippet, setSnippet] = useState<SnippetId>('sdk-js');
  const current = SNIPPETS.find((s) => s.id === snippet) ?? SNIPPETS[0];
  return (
    <div className="connect-body">
      <section aria-labelledby="connect-endpoint">
        <h3 id="connect-endpoint">SES endpoint (v2, v1)</h3>
        <div className="field-line">
          <code data-testid="connect-endpoint">{info.awsEndpoint}</code>
          <CopyButton text={info.awsEndpoint} label="Copy endpoint URL" showText />
        </div>
        <p className="hint">
          Region <code>{info.region}</code>, account <code>{info.accountId}</code>. Any SigV4-signed request with
          the key below is accepted.
        </p>
      </section>

      <section aria-labelledby="connect-env">
        <h3 id="connect-env">Environment variables</h3>
        <p className="hint">AWS SDKs and the AWS CLI pick these up without code changes.</p>
        <ul className="env-lines" data-testid="connect-env">
          {envLines(info).map((l) => (
            <li key={l.name}>
              <code>
                {l.name}={l.value}
              </code>
              <CopyButton text={`${l.name}=${l.value}`} label={`Copy ${l.name}`} />
            </li>
          ))}
        </ul>
        <CopyButton
          text={envBlock(info)}
          label="Copy all environment variables"
          showText
          idleText="Copy all"
          className="copy-all"
          testId="connect-env-copy-all"
        />
      </section>

      <section aria-labelledby="connect-smtp">
        <h3 id="connect-smtp">SMTP</h3>
        <SmtpFacts info={info} />
      </section>

      <section aria-labelledby="connect-ui">
        <h3 id="connect-ui">This inbox</h3>
        <div className="field-line">
          <code data-testid="connect-ui-url">{info.uiUrl}</code>
          <CopyButton text={info.uiUrl} label="Copy inbox URL" showText />
        </div>
        <p className="hint">
          Open it in any browser on this machine ({info.host === 'electron' ? 'desktop app' : 'headless'} mode). Data
          lives in <code>{info.dataDir}</code>; the newest {info.retention.maxMessages.toLocaleString()} messages are
          kept.
        </p>
      </section>

      <section aria-labelledby="connect-snippets">
        <h3 id="connect-snippets">Send a first message</h3>
        <p className="hint" data-testid="connect-verify-hint">
          Sesame enforces SES&apos;s rules: a new data folder is a new SES account in the sandbox, so verify the sender
          first (Identities → create <code>{SAMPLE_FROM}</code>, then click the link in the verification email that
          lands in the inbox) and send to verified addresses or the mailbox simulator — or, to catch anything, turn
          on Auto-verify and leave the sandbox in Account (or start with <code>--auto-verify --production</code>).
        </p>
        <Tabs
          tabs={SNIPPETS.map((s) => ({ id: s.id, label: s.label, testId: `snippet-tab-${s.id}` }))}
          active={snippet}
          onChange={setSnippet}
          idPrefix="snippet"
          label="Client"
          className="tabs-small"
        />
        <div {...tabPanelProps('snippet', snippet)}>
          <CodeBlock
            code={current.build(info)}
            copyLabel={`Copy ${current.label} snippet`}
            language={current.language}
            testId={`snippet-${current.id}`}
          />
        </div>
      </section>
    </div>
  );
}
