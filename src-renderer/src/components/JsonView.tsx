// Pretty-printed JSON with light syntax colouring, rendered as text nodes (never as HTML), plus a copy
// button. Used for SES event payloads, which are shown exactly as SES would send them.
import { useMemo, type ReactNode } from 'react';
import { CopyButton } from './CopyButton';

const TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

/** Split pretty JSON into coloured spans: keys, strings, numbers, literals. */
function highlight(json: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let key = 0;
  for (const m of json.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) out.push(json.slice(last, at));
    if (m[1] !== undefined) {
      out.push(
        <span key={key++} className={m[2] ? 'json-key' : 'json-string'}>
          {m[1]}
        </span>,
      );
      if (m[2]) out.push(m[2]);
    } else if (m[3] !== undefined) {
      out.push(
        <span key={key++} className="json-literal">
          {m[3]}
        </span>,
      );
    } else {
      out.push(
        <span key={key++} className="json-number">
          {m[4]}
        </span>,
      );
    }
    last = at + m[0].length;
  }
  if (last < json.length) out.push(json.slice(last));
  return out;
}

export function JsonView({ value, label = 'Copy JSON' }: { value: unknown; label?: string }) {
  const text = useMemo(() => JSON.stringify(value, null, 2) ?? 'undefined', [value]);
  const nodes = useMemo(() => highlight(text), [text]);
  return (
    <div className="json-view" data-testid="json-view">
      <pre>
        <code>{nodes}</code>
      </pre>
      <CopyButton text={text} label={label} showText className="code-copy" />
    </div>
  );
}
