// The Headers tab: every header line in order, with a filter box over names and values.
import { useId, useMemo, useState } from 'react';
import type { MessageDetail } from '../../../../src-main/contract';
import { CopyButton } from '../../components/CopyButton';

export function HeadersTab({ detail }: { detail: MessageDetail }) {
  const [filter, setFilter] = useState('');
  const inputId = useId();
  const needle = filter.trim().toLowerCase();
  const rows = useMemo(
    () =>
      needle
        ? detail.headers.filter((h) => h.name.toLowerCase().includes(needle) || h.value.toLowerCase().includes(needle))
        : detail.headers,
    [detail.headers, needle],
  );
  const asText = useMemo(() => detail.headers.map((h) => `${h.name}: ${h.value}`).join('\n'), [detail.headers]);

  return (
    <div className="headers-tab">
      <div className="pane-toolbar">
        <label htmlFor={inputId} className="sr-only">
          Filter headers
        </label>
        <input
          id={inputId}
          type="search"
          className="input"
          placeholder="Filter headers…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="headers-filter"
        />
        <span className="muted">
          {needle ? `${rows.length} of ${detail.headers.length}` : `${detail.headers.length} headers`}
        </span>
        <span className="toolbar-spacer" />
        <CopyButton text={asText} label="Copy all headers" showText />
      </div>
      <div className="table-scroll">
        <table className="headers-table" data-testid="headers-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h, i) => (
              <tr key={`${i}-${h.name}`} data-testid="header-row">
                <th scope="row">{h.name}</th>
                <td>{h.value}</td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={2} className="muted">
                  No header matches “{filter}”.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
