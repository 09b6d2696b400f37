// A block of copyable code or configuration (snippets, env lines), with a copy button in its corner.
import { CopyButton } from './CopyButton';

interface Props {
  code: string;
  /** What the copy button copies, e.g. "Copy AWS CLI command". */
  copyLabel: string;
  language?: string;
  testId?: string;
}

export function CodeBlock({ code, copyLabel, language, testId }: Props) {
  return (
    <div className="code-block" data-testid={testId} data-language={language}>
      <pre>
        <code>{code}</code>
      </pre>
      <CopyButton text={code} label={copyLabel} showText className="code-copy" />
    </div>
  );
}
