// The MIME tab: the message's structure as the engine parsed it from the stored bytes (GET
// /api/messages/:id/mime-tree) — each part's path, type, charset, transfer encoding, disposition, file name,
// Content-ID, encoded/decoded size and hashes — with View (inline, inert and sandboxed) and Download
// buttons per leaf part, a summary card for calendar (ICS) parts, and the links found in the HTML parts
// (GET /api/messages/:id/links) as text only — never as clickable anchors.
// Must not: parse MIME (the engine does) or render a part's content in this document.
import { useState } from 'react';
import type { MessageDetail } from '../../../../src-main/contract';
import type { IcsSummary, MessageLink, MimePartInfo } from '../../../../src-main/contract/mime-tree';
import { api, urls } from '../../api/client';
import { CopyButton } from '../../components/CopyButton';
import { LoadFailed } from '../../components/LoadFailed';
import { Icon } from '../../components/Icon';
import { formatSize } from '../../lib/format';
import { LinkCheck } from './LinkCheck';
import { useInspection } from './use-inspection';

function IcsCard({ ics }: { ics: IcsSummary }) {
  const organizer = ics.organizer ? `${ics.organizer.name ? `${ics.organizer.name} ` : ''}<${ics.organizer.address}>` : null;
  return (
    <div className="ics-card" data-testid="ics-card">
      <div className="ics-title">
        <Icon name="clock" size={14} /> <strong>{ics.summary ?? '(no summary)'}</strong>
        {ics.method && <span className="chip chip-info">{ics.method}</span>}
        {ics.eventCount > 1 && <span className="muted">{ics.eventCount} events</span>}
      </div>
      <dl className="facts">
        {ics.dtstart && (
          <div className="fact">
            <dt>When</dt>
            <dd>
              <code>{ics.dtstart}</code>
              {ics.dtend && (
                <>
                  {' '}
                  → <code>{ics.dtend}</code>
                </>
              )}
            </dd>
          </div>
        )}
        {ics.location && (
          <div className="fact">
            <dt>Where</dt>
            <dd>{ics.location}</dd>
          </div>
        )}
        {organizer && (
          <div className="fact">
            <dt>Organizer</dt>
            <dd>{organizer}</dd>
          </div>
        )}
        {ics.attendees.length > 0 && (
          <div className="fact">
            <dt>Attendees</dt>
            <dd>
              {ics.attendees.map((a) => (
                <span key={a.address} className="ics-attendee">
                  {a.name ?? a.address} {a.partstat && <span className="muted">({a.partstat.toLowerCase()})</span>}
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}

function PartNode({ id, part, depth }: { id: string; part: MimePartInfo; depth: number }) {
  const leaf = part.children.length === 0;
  const name = part.filename ?? `part-${part.path}`;
  return (
    <li className="mime-node" data-testid="mime-part" data-path={part.path} data-type={part.contentType}>
      <div className="mime-row" style={{ paddingLeft: 8 + depth * 18 }}>
        <span className="mime-path">{part.path}</span>
        <code className="mime-type">{part.contentType}</code>
        <span className="mime-facts muted">
          {part.charset && <>charset {part.charset} · </>}
          {part.transferEncoding && <>{part.transferEncoding} · </>}
          {part.disposition && <>{part.disposition} · </>}
          {part.filename && <>“{part.filename}” · </>}
          {part.contentId && <>cid:{part.contentId} · </>}
          {leaf ? (
            <>
              {formatSize(part.decodedSize)} decoded / {formatSize(part.encodedSize)} encoded
            </>
          ) : (
            <>
              {part.children.length} part{part.children.length === 1 ? '' : 's'}
            </>
          )}
        </span>
        {leaf && (
          <span className="mime-actions">
            {part.sha256 && <CopyButton text={part.sha256} label={`Copy SHA-256 of part ${part.path}`} idleText="SHA-256" showText />}
            <a className="btn btn-small" href={urls.part(id, part.path, true)} target="_blank" rel="noreferrer" data-testid="part-view">
              <Icon name="eye" size={14} /> View
            </a>
            <a className="btn btn-small" href={urls.part(id, part.path)} download={name} data-testid="part-download">
              <Icon name="download" size={14} /> Download
            </a>
          </span>
        )}
      </div>
      {part.ics && (
        <div style={{ paddingLeft: depth * 18 }}>
          <IcsCard ics={part.ics} />
        </div>
      )}
      {!leaf && (
        <ul className="mime-children">
          {part.children.map((c) => (
            <PartNode key={c.path} id={id} part={c} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

function LinksList({ id }: { id: string }) {
  const state = useInspection(id, api.getLinks, 0);
  if (state.status === 'loading') return null;
  if (state.status === 'error') return <p className="muted">Links: {state.error}</p>;
  const links: MessageLink[] = state.value;
  return (
    <section className="mime-links" data-testid="mime-links">
      <h3>
        Links in the HTML <span className="muted">({links.length})</span>
      </h3>
      {links.length === 0 ? (
        <p className="muted">No &lt;a href&gt; or &lt;img src&gt; in the HTML parts.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>Kind</th>
              <th>URL</th>
              <th>Text / alt</th>
              <th>Part</th>
            </tr>
          </thead>
          <tbody>
            {links.map((l, i) => (
              <tr key={i} data-testid="link-row" data-kind={l.kind}>
                <td>{l.kind === 'a' ? 'link' : 'image'}</td>
                <td className="wrap-anywhere">
                  <code>{l.url}</code> <CopyButton text={l.url} label={`Copy ${l.url}`} />
                </td>
                <td>{l.text ?? <span className="muted">(none)</span>}</td>
                <td>
                  <code>{l.partPath}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {links.length > 0 && <LinkCheck id={id} />}
    </section>
  );
}

export function MimeTab({ detail }: { detail: MessageDetail }) {
  const [attempt, setAttempt] = useState(0);
  const state = useInspection(detail.id, api.getMimeTree, attempt);
  if (state.status === 'loading') return <p className="muted loading-line">Reading the MIME structure…</p>;
  if (state.status === 'error') {
    return <LoadFailed title="Could not read the MIME structure" error={state.error} onRetry={() => setAttempt((n) => n + 1)} />;
  }
  const tree = state.value;
  return (
    <div className="mime-tab" data-testid="mime-tab">
      <div className="pane-toolbar">
        <span className="muted">
          {tree.partCount} node{tree.partCount === 1 ? '' : 's'} · parts are served for viewing with scripts off, in a sandbox
        </span>
      </div>
      <ul className="mime-tree" data-testid="mime-tree">
        <PartNode id={detail.id} part={tree.root} depth={0} />
      </ul>
      <LinksList id={detail.id} />
    </div>
  );
}
