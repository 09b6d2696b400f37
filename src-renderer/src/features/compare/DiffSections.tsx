// The compare dialog's three sections as presentational pieces: the header table (only-in-A / only-in-B /
// changed), the MIME structure table by part path, and a body line diff, unified or side by side.
// Must not: fetch or compute diffs (the engine's MessageComparison is rendered as is).
import type { BodyDiff, HeaderDiff, PartDiff, PartFacts } from '../../../../src-main/contract/compare';
import { formatSize } from '../../lib/format';

const STATUS_LABEL = { onlyA: 'only in A', onlyB: 'only in B', changed: 'changed', same: 'same' } as const;

export function HeaderDiffTable({ headers }: { headers: HeaderDiff[] }) {
  const differing = headers.filter((h) => h.status !== 'same');
  if (differing.length === 0) return <p className="muted" data-testid="headers-same">All {headers.length} compared headers are the same.</p>;
  return (
    <table className="compare-table">
      <thead>
        <tr>
          <th>Header</th>
          <th>Status</th>
          <th>A</th>
          <th>B</th>
        </tr>
      </thead>
      <tbody>
        {differing.map((h) => (
          <tr key={h.name} className={`diff-${h.status}`} data-testid="header-diff-row">
            <td>
              <code>{h.name}</code>
            </td>
            <td>{STATUS_LABEL[h.status]}</td>
            <td className="diff-cell">{h.a.join('\n')}</td>
            <td className="diff-cell">{h.b.join('\n')}</td>
          </tr>
        ))}
      </tbody>
      <caption className="muted">{headers.length - differing.length} more headers are the same.</caption>
    </table>
  );
}

const factText = (f: PartFacts | null) => (f ? `${f.contentType}${f.filename ? ` “${f.filename}”` : ''} · ${formatSize(f.decodedSize)}${f.sha256 ? ` · ${f.sha256.slice(0, 10)}` : ''}` : '—');

export function StructureDiffTable({ parts }: { parts: PartDiff[] }) {
  return (
    <table className="compare-table">
      <thead>
        <tr>
          <th>Part</th>
          <th>Status</th>
          <th>A</th>
          <th>B</th>
        </tr>
      </thead>
      <tbody>
        {parts.map((p) => (
          <tr key={p.path} className={`diff-${p.status}`} data-testid="part-diff-row">
            <td>
              <code>{p.path}</code>
            </td>
            <td>
              {STATUS_LABEL[p.status]}
              {p.changes.length > 0 && <span className="muted"> ({p.changes.join(', ')})</span>}
            </td>
            <td className="diff-cell">{factText(p.a)}</td>
            <td className="diff-cell">{factText(p.b)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Row = { op: 'add' | 'remove' | 'same'; text: string };

/** Side-by-side rows: a removed run paired line by line with the added run that follows it. */
function pairs(diff: BodyDiff): { left: Row | null; right: Row | null }[] {
  const out: { left: Row | null; right: Row | null }[] = [];
  const chunks = diff.chunks;
  for (let i = 0; i < chunks.length; i += 1) {
    const c = chunks[i];
    if (c.op === 'same') {
      for (const text of c.lines) out.push({ left: { op: 'same', text }, right: { op: 'same', text } });
    } else if (c.op === 'remove') {
      const next = chunks[i + 1]?.op === 'add' ? chunks[(i += 1)].lines : [];
      for (let j = 0; j < Math.max(c.lines.length, next.length); j += 1) {
        out.push({ left: j < c.lines.length ? { op: 'remove', text: c.lines[j] } : null, right: j < next.length ? { op: 'add', text: next[j] } : null });
      }
    } else {
      for (const text of c.lines) out.push({ left: null, right: { op: 'add', text } });
    }
  }
  return out;
}

const mark = { add: '+', remove: '-', same: ' ' } as const;

export function BodyDiffView({ diff, sideBySide }: { diff: BodyDiff; sideBySide: boolean }) {
  if (!diff.aPresent && !diff.bPresent) return <p className="muted">Neither message has this body.</p>;
  const summary = (
    <p className="muted" data-testid="body-diff-summary">
      {diff.identical ? 'Identical.' : `${diff.removed} line${diff.removed === 1 ? '' : 's'} removed, ${diff.added} added.`}
      {!diff.aPresent && ' A has no such body.'}
      {!diff.bPresent && ' B has no such body.'}
    </p>
  );
  if (sideBySide) {
    return (
      <>
        {summary}
        <table className="diff-lines diff-side">
          <tbody>
            {pairs(diff).map((r, i) => (
              <tr key={i}>
                <td className={r.left ? `line-${r.left.op}` : 'line-empty'}>{r.left?.text ?? ''}</td>
                <td className={r.right ? `line-${r.right.op}` : 'line-empty'}>{r.right?.text ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );
  }
  return (
    <>
      {summary}
      <pre className="diff-lines">
        {diff.chunks.flatMap((c, i) =>
          c.lines.map((text, j) => (
            <div key={`${i}-${j}`} className={`line-${c.op}`} data-testid={c.op === 'same' ? undefined : `line-${c.op}`}>
              {mark[c.op]} {text}
            </div>
          )),
        )}
      </pre>
    </>
  );
}
