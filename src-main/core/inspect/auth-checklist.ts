// The deliverability checklist of the authentication report: header hygiene (Message-ID, Date, bare LF,
// 8-bit header bytes, size) and the Gmail/Yahoo sender requirements (Feb 2024: every sender needs SPF or
// DKIM passing; bulk senders need SPF and DKIM, a DMARC record, From aligned with one of them, and RFC 8058
// one-click unsubscribe).
// "Bulk" here: the message has List-Unsubscribe or `Precedence: bulk|list|junk`, or more than
// BULK_RECIPIENTS envelope recipients (Gmail's own threshold is 5,000 messages a day to Gmail — a volume a
// single message cannot show, so Sesame judges by the message's own signs).
// Owns: the items and their wording. Must not: call mailauth or touch DNS.
import type { AuthenticationReport, ChecklistItem } from '../../contract/inspection';

/** More envelope recipients than this make a message look bulk. */
export const BULK_RECIPIENTS = 50;
/** Many receivers refuse mail above this size (SES v1's own limit is 10 MB). */
const WARN_SIZE = 10 * 1024 * 1024;
/** SES v2's message size limit (40 MB). */
const FAIL_SIZE = 40 * 1024 * 1024;

/** The unfolded value of header `name` in a header block, or null. */
export function headerValue(headers: Buffer, name: string): string | null {
  const text = headers.toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
  const re = new RegExp(`^${name.replace(/-/g, '\\-')}[ \\t]*:(.*)$`, 'im');
  const m = re.exec(text);
  return m ? m[1].trim() : null;
}

export function isBulk(headers: Buffer, recipients: number): boolean {
  if (headerValue(headers, 'List-Unsubscribe') !== null) return true;
  const precedence = (headerValue(headers, 'Precedence') ?? '').toLowerCase();
  return ['bulk', 'list', 'junk'].includes(precedence) || recipients > BULK_RECIPIENTS;
}

function countBareLf(raw: Buffer): number {
  let n = 0;
  for (let i = raw.indexOf(10); i !== -1; i = raw.indexOf(10, i + 1)) if (i === 0 || raw[i - 1] !== 13) n++;
  return n;
}

const item = (id: string, label: string, status: ChecklistItem['status'], detail: string): ChecklistItem => ({ id, label, status, detail });

export function buildChecklist(r: AuthenticationReport, raw: Buffer, headers: Buffer): ChecklistItem[] {
  const out: ChecklistItem[] = [];
  const has = (name: string) => headerValue(headers, name) !== null;
  out.push(has('Message-ID') ? item('message-id', 'Message-ID present', 'pass', 'The message has a Message-ID header.') : item('message-id', 'Message-ID present', 'fail', 'No Message-ID header: Gmail rejects or spam-folders mail without one.'));
  out.push(has('Date') ? item('date', 'Date present', 'pass', 'The message has a Date header.') : item('date', 'Date present', 'fail', 'No Date header (RFC 5322 requires one).'));

  const dkimPass = r.dkim.some((d) => d.result === 'pass');
  const spfPass = r.spf.result === 'pass';
  out.push(item('spf', 'SPF passes', spfPass ? 'pass' : 'warn', `SPF ${r.spf.result} for ${r.spf.domain}.`));
  out.push(
    item('dkim', 'DKIM passes', dkimPass ? 'pass' : r.dkim.length ? 'fail' : 'warn',
      dkimPass ? `Signed by ${r.dkim.filter((d) => d.result === 'pass').map((d) => d.domain).join(', ')}.` : r.dkim.length ? 'No DKIM signature verifies.' : 'Unsigned: verify a domain identity with DKIM (Easy DKIM or BYODKIM) and publish it to the local zone.'),
  );
  out.push(item('spf-or-dkim', 'SPF or DKIM passes (all senders)', spfPass || dkimPass ? 'pass' : 'fail', 'Gmail and Yahoo require SPF or DKIM to pass for every sender.'));
  const aligned = r.dmarc.alignment.dkim ?? r.dmarc.alignment.spf;
  out.push(
    aligned
      ? item('dmarc-alignment', 'From aligned for DMARC', 'pass', `From ${r.dmarc.fromDomain ?? '?'} aligns with ${r.dmarc.alignment.dkim ? `DKIM d=${r.dmarc.alignment.dkim}` : `SPF ${r.dmarc.alignment.spf}`}.`)
      : item('dmarc-alignment', 'From aligned for DMARC', r.bulk ? 'fail' : 'warn', `From ${r.dmarc.fromDomain ?? '?'} aligns with neither a passing DKIM d= nor the SPF (MAIL FROM) domain.`),
  );
  out.push(
    r.dmarc.record
      ? item('dmarc-record', 'DMARC record exists', 'pass', `${r.dmarc.record}`)
      : item('dmarc-record', 'DMARC record exists', r.bulk ? 'fail' : 'warn', `No DMARC record for ${r.dmarc.fromDomain ?? '?'} (add e.g. _dmarc.${r.dmarc.fromDomain ?? 'example.com'} TXT "v=DMARC1; p=none").`),
  );
  const lu = headerValue(headers, 'List-Unsubscribe');
  const oneClick = lu !== null && /<https:[^>]+>/i.test(lu) && /List-Unsubscribe=One-Click/i.test(headerValue(headers, 'List-Unsubscribe-Post') ?? '');
  out.push(
    oneClick
      ? item('one-click-unsubscribe', 'One-click unsubscribe (RFC 8058)', 'pass', 'List-Unsubscribe with an https URL and List-Unsubscribe-Post: List-Unsubscribe=One-Click.')
      : item('one-click-unsubscribe', 'One-click unsubscribe (RFC 8058)', r.bulk ? 'fail' : 'info',
          r.bulk ? 'Bulk mail needs List-Unsubscribe (https URL) and List-Unsubscribe-Post: List-Unsubscribe=One-Click.' : `Not bulk-looking mail (no List-Unsubscribe or Precedence: bulk, at most ${BULK_RECIPIENTS} recipients): not required.`),
  );
  const bareLf = countBareLf(raw);
  out.push(item('bare-lf', 'No bare LF line endings', bareLf ? 'warn' : 'pass', bareLf ? `${bareLf} line(s) end in a bare LF: SMTP requires CRLF; some receivers reject them.` : 'Every line ends in CRLF.'));
  const eightBit = headers.some((b) => b > 127);
  out.push(item('8bit-headers', 'Headers are 7-bit', eightBit ? 'warn' : 'pass', eightBit ? 'Header bytes above 127: needs SMTPUTF8 end to end; encode with RFC 2047 instead.' : 'All header bytes are ASCII.'));
  const size = raw.length;
  out.push(item('size', 'Message size', size > FAIL_SIZE ? 'fail' : size > WARN_SIZE ? 'warn' : 'pass', `${size} bytes${size > WARN_SIZE ? ' (many receivers refuse mail above 10 MB)' : ''}.`));
  const bulkOk = spfPass && dkimPass && !!r.dmarc.record && !!aligned && oneClick;
  out.push(
    item('gmail-yahoo', 'Gmail/Yahoo sender requirements', r.bulk ? (bulkOk ? 'pass' : 'fail') : spfPass || dkimPass ? 'pass' : 'fail',
      r.bulk
        ? `Bulk sender: SPF ${spfPass ? 'passes' : 'does not pass'}, DKIM ${dkimPass ? 'passes' : 'does not pass'}, DMARC record ${r.dmarc.record ? 'exists' : 'missing'}, From ${aligned ? 'aligned' : 'not aligned'}, one-click unsubscribe ${oneClick ? 'present' : 'missing'}.`
        : `All senders: SPF or DKIM must pass (${spfPass || dkimPass ? 'met' : 'not met'}); bulk rules (DMARC, alignment, one-click unsubscribe) apply to bulk mail.`),
  );
  return out;
}
