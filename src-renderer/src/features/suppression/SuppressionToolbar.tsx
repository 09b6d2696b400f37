// The Suppression screen's tools: add an address (with its reason), import a CSV file (`EmailAddress,Reason`,
// as SES's bulk import files), export the list as CSV.
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { SuppressionReasonName } from '../../../../src-main/contract';
import { Icon } from '../../components/Icon';
import { sesUrls } from '../../api/ses-client';
import { useStore } from '../../stores';

export function SuppressionToolbar() {
  const suppress = useStore((s) => s.suppress);
  const importCsv = useStore((s) => s.importSuppression);
  const busy = useStore((s) => s.suppressionBusy);
  const [address, setAddress] = useState('');
  const [reason, setReason] = useState<SuppressionReasonName>('BOUNCE');
  const file = useRef<HTMLInputElement>(null);

  const add = (e: FormEvent) => {
    e.preventDefault();
    const a = address.trim();
    if (a) void suppress(a, reason).then((ok) => ok && setAddress(''));
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (f) await importCsv(await f.text());
  };

  return (
    <div className="toolbar-row">
      <form className="form form-inline" onSubmit={add} data-testid="suppression-add-form">
        <label className="sr-only" htmlFor="suppress-address">
          Email address
        </label>
        <input id="suppress-address" className="input input-wide" type="text" placeholder="someone@example.com" value={address} onChange={(e) => setAddress(e.target.value)} data-testid="suppression-address" />
        <label className="sr-only" htmlFor="suppress-reason">
          Reason
        </label>
        <select id="suppress-reason" className="input input-auto" value={reason} onChange={(e) => setReason(e.target.value as SuppressionReasonName)} data-testid="suppression-reason">
          <option value="BOUNCE">BOUNCE</option>
          <option value="COMPLAINT">COMPLAINT</option>
        </select>
        <button type="submit" className="btn btn-primary" disabled={busy || address.trim() === ''} data-testid="suppression-add">
          <Icon name="plus" size={14} /> Add
        </button>
      </form>
      <span className="toolbar-spacer" />
      <input ref={file} type="file" accept=".csv,text/csv,text/plain" className="sr-only" tabIndex={-1} onChange={(e) => void onFile(e)} data-testid="suppression-import-file" />
      <button type="button" className="btn" disabled={busy} onClick={() => file.current?.click()} data-testid="suppression-import">
        <Icon name="upload" size={14} /> Import CSV
      </button>
      <a className="btn" href={sesUrls.suppressionExport()} download="suppression-list.csv" data-testid="suppression-export">
        <Icon name="download" size={14} /> Export CSV
      </a>
    </div>
  );
}
