// The DNS records a domain's owner publishes (DKIM CNAMEs, the `_amazonses` TXT, MAIL FROM MX and SPF), in a
// table whose names and values copy with one click.
import type { DnsRecordDto } from '../../../../src-main/contract';
import { CopyButton } from '../../components/CopyButton';

export function DnsRecordsTable({ records }: { records: DnsRecordDto[] }) {
  if (records.length === 0) return <p className="muted">No DNS records to publish.</p>;
  return (
    <div className="table-wrap">
      <table className="data-table dns-table" data-testid="dns-records">
        <thead>
          <tr>
            <th scope="col">Purpose</th>
            <th scope="col">Type</th>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={`${r.type} ${r.name} ${r.value}`} data-testid="dns-record" data-type={r.type} data-purpose={r.purpose}>
              <td>{r.purpose}</td>
              <td>
                <code>{r.type}</code>
              </td>
              <td>
                <span className="copyable">
                  <code className="wrap-anywhere">{r.name}</code>
                  <CopyButton text={r.name} label={`Copy ${r.type} record name`} />
                </span>
              </td>
              <td>
                <span className="copyable">
                  <code className="wrap-anywhere">{r.value}</code>
                  <CopyButton text={r.value} label={`Copy ${r.type} record value`} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
