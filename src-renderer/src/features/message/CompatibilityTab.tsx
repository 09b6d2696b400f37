// The Compatibility tab (issue 5): how the message's HTML and CSS fare across email clients, from caniemail's
// data (GET /api/messages/:id/compatibility) — the score, the detected features worst first (sortable) with a
// support badge per client family (hover for the platforms, expand a row for each platform's support and
// notes), and a per-client view listing what each client/platform does not (fully) support.
// Must not: detect features or score (the engine does); link out except to caniemail.com feature pages.
import { Fragment, useMemo, useState } from 'react';
import type { MessageDetail } from '../../../../src-main/contract';
import type { CompatClientSupport, CompatFeature, CompatibilityReport, CompatSupport } from '../../../../src-main/contract/compatibility';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { useInspection } from './use-inspection';

const load = (id: string, signal: AbortSignal) => api.getCompatibility(id, signal);

const RANK: Record<CompatSupport, number> = { n: 0, a: 1, y: 2, u: 3 };
const CHIP: Record<CompatSupport, string> = { y: 'chip-good', a: 'chip-warn', n: 'chip-bad', u: 'chip-neutral' };
const WORD: Record<CompatSupport, string> = { y: 'Supported', a: 'Partial', n: 'Not supported', u: 'Unknown' };
/** The families shown as columns, in this order; the rest are in the expanded row and the client view. */
const FAMILIES = ['gmail', 'outlook', 'apple-mail', 'yahoo', 'samsung-email', 'thunderbird', 'protonmail', 'fastmail'];

type SortKey = 'score' | 'title' | 'count';

function worst(list: CompatClientSupport[]): CompatSupport {
  return list.reduce<CompatSupport>((w, c) => (RANK[c.support] < RANK[w] ? c.support : w), 'u');
}

function Badge({ support, title, testId }: { support: CompatSupport; title?: string; testId?: string }) {
  return (
    <span className={`chip ${CHIP[support]}`} title={title ?? WORD[support]} data-testid={testId} data-support={support}>
      {WORD[support]}
    </span>
  );
}

function FamilyBadge({ feature, family }: { feature: CompatFeature; family: string }) {
  const list = feature.clients.filter((c) => c.family === family);
  if (list.length === 0) return <span className="muted">–</span>;
  const hover = list.map((c) => `${c.platformName} (${c.version}): ${WORD[c.support]}${c.notes.length ? ` — ${c.notes.join(' ')}` : ''}`).join('\n');
  return <Badge support={worst(list)} title={hover} testId={`family-${family}`} />;
}

function FeatureDetail({ feature, span }: { feature: CompatFeature; span: number }) {
  return (
    <tr className="compat-detail" data-testid="compat-detail">
      <td colSpan={span}>
        <p className="muted">
          Found {feature.count}× — first: <code>{feature.sample}</code> ·{' '}
          <a href={feature.url} target="_blank" rel="noreferrer">
            caniemail.com
          </a>
        </p>
        <table className="data-table">
          <tbody>
            {feature.clients.map((c) => (
              <tr key={`${c.family}/${c.platform}`}>
                <td>{c.familyName}</td>
                <td>{c.platformName}</td>
                <td className="muted">{c.version}</td>
                <td>
                  <Badge support={c.support} />
                </td>
                <td>{c.notes.join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </td>
    </tr>
  );
}

function FeatureTable({ report }: { report: CompatibilityReport }) {
  const [sort, setSort] = useState<SortKey>('score');
  const [open, setOpen] = useState<string | null>(null);
  const families = FAMILIES.filter((f) => report.clients.some((c) => c.family === f));
  const names = new Map(report.clients.map((c) => [c.family, c.familyName]));
  const rows = useMemo(() => {
    const list = [...report.features];
    if (sort === 'title') list.sort((a, b) => a.title.localeCompare(b.title));
    if (sort === 'count') list.sort((a, b) => b.count - a.count || a.score - b.score);
    return list;
  }, [report.features, sort]);
  const header = (key: SortKey, label: string) => (
    <th>
      <button type="button" className="btn btn-small" aria-pressed={sort === key} data-testid={`compat-sort-${key}`} onClick={() => setSort(key)}>
        {label}
        {sort === key ? ' ▾' : ''}
      </button>
    </th>
  );
  return (
    <table className="data-table" data-testid="compat-features">
      <thead>
        <tr>
          {header('title', 'Feature')}
          {header('count', 'Uses')}
          {header('score', 'Support')}
          {families.map((f) => (
            <th key={f}>{names.get(f)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((f) => (
          <Fragment key={f.slug}>
            <tr data-testid="compat-feature" data-slug={f.slug} onClick={() => setOpen(open === f.slug ? null : f.slug)} style={{ cursor: 'pointer' }}>
              <td>
                <span aria-hidden>{open === f.slug ? '▾ ' : '▸ '}</span>
                <strong>{f.title}</strong> <span className="muted">{f.category}</span>
              </td>
              <td>{f.count}</td>
              <td title={`${f.supported} supported · ${f.partial} partial · ${f.unsupported} not · ${f.unknown} unknown`}>{f.score}%</td>
              {families.map((fam) => (
                <td key={fam}>
                  <FamilyBadge feature={f} family={fam} />
                </td>
              ))}
            </tr>
            {open === f.slug && <FeatureDetail feature={f} span={3 + families.length} />}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function ClientTable({ report }: { report: CompatibilityReport }) {
  const title = new Map(report.features.map((f) => [f.slug, f.title]));
  const titles = (slugs: string[]) => slugs.map((s) => title.get(s) ?? s).join(', ');
  return (
    <table className="data-table" data-testid="compat-clients">
      <thead>
        <tr>
          <th>Client</th>
          <th>Platform</th>
          <th>Overall</th>
          <th>Not supported</th>
          <th>Partial</th>
        </tr>
      </thead>
      <tbody>
        {report.clients.map((c) => (
          <tr key={`${c.family}/${c.platform}`} data-testid="compat-client" data-client={`${c.family}/${c.platform}`}>
            <td>{c.familyName}</td>
            <td>{c.platformName}</td>
            <td>
              <Badge support={c.support} />
            </td>
            <td>{titles(c.unsupported)}</td>
            <td>{titles(c.partial)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CompatibilityTab({ detail }: { detail: MessageDetail }) {
  const [attempt, setAttempt] = useState(0);
  const [view, setView] = useState<'features' | 'clients'>('features');
  const state = useInspection(detail.id, load, attempt);
  if (state.status === 'loading') return <p className="muted loading-line">Checking HTML compatibility…</p>;
  if (state.status === 'error')
    return (
      <div className="pane-pad">
        <p className="muted">Compatibility: {state.error}</p>
        <button type="button" className="btn" onClick={() => setAttempt((n) => n + 1)}>
          Retry
        </button>
      </div>
    );
  const report = state.value;
  if (!report.hasHtml) return <EmptyState title="No HTML part">Compatibility is checked on the message&apos;s HTML.</EmptyState>;
  const problems = report.clients.filter((c) => c.support === 'n').length;
  return (
    <div className="compat-tab" data-testid="compat-tab" style={{ padding: 12, overflow: 'auto' }}>
      <div className="pane-toolbar">
        <strong data-testid="compat-score" style={{ fontSize: 20 }}>
          {report.score === null ? '—' : `${report.score}%`}
        </strong>
        <span className="muted">
          {' '}
          of {report.clients.filter((c) => c.support !== 'u').length} client/platform pairs support everything used (partial = ½) ·{' '}
          {report.features.length} features · {problems} pairs with unsupported features · {report.source}, data {report.dataDate}
        </span>
        <span style={{ marginLeft: 'auto' }}>
          <button type="button" className="btn btn-small" aria-pressed={view === 'features'} data-testid="compat-view-features" onClick={() => setView('features')}>
            By feature
          </button>{' '}
          <button type="button" className="btn btn-small" aria-pressed={view === 'clients'} data-testid="compat-view-clients" onClick={() => setView('clients')}>
            By client
          </button>
        </span>
      </div>
      {report.features.length === 0 ? (
        <p className="muted">No caniemail features detected.</p>
      ) : view === 'features' ? (
        <FeatureTable report={report} />
      ) : (
        <ClientTable report={report} />
      )}
    </div>
  );
}
