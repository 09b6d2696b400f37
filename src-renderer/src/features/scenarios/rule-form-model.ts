// Scenario rules as the editor sees them: which parameters each action kind has (with their choices), the
// one-line descriptions the list shows, and turning the form's text fields into a rule action (blank fields
// are left out, so the engine's defaults apply; numbers are numbers).
// Owns: these pure conversions. Must not: validate values (the engine does and names the member at fault).
import type { ScenarioActionKind, ScenarioMatchKind, ScenarioRuleDto } from '../../../../src-main/contract';

export interface FieldSpec {
  name: string;
  label: string;
  type: 'select' | 'text' | 'number';
  options?: string[];
  placeholder?: string;
}

const DELAY_TYPES = ['MailboxFull', 'TransientCommunicationFailure', 'General', 'SpamDetected', 'RecipientServerError', 'IPFailure', 'InternalFailure', 'Undetermined', 'SendingDeferral', 'BYOIPHostNameLookupUnavailable'];

export const MATCH_KINDS: { id: ScenarioMatchKind; label: string; placeholder: string }[] = [
  { id: 'address', label: 'Address', placeholder: 'qa-bounce@example.com' },
  { id: 'domain', label: 'Domain', placeholder: 'qa.example.com' },
  { id: 'glob', label: 'Glob', placeholder: 'bounce-*@qa.example.com' },
  { id: 'regex', label: 'Regex', placeholder: '^soft-\\d+@example\\.com$' },
];

export const ACTION_KINDS: { id: ScenarioActionKind; label: string }[] = [
  { id: 'hard-bounce', label: 'Hard bounce' },
  { id: 'soft-bounce', label: 'Soft bounce (retries)' },
  { id: 'complain', label: 'Complaint' },
  { id: 'delay', label: 'Delay delivery' },
  { id: 'reject', label: 'Reject' },
];

export const ACTION_FIELDS: Record<ScenarioActionKind, FieldSpec[]> = {
  'hard-bounce': [
    { name: 'bounceSubType', label: 'Bounce subtype', type: 'select', options: ['General', 'NoEmail', 'Suppressed', 'OnAccountSuppressionList'] },
    { name: 'status', label: 'Status', type: 'text', placeholder: '5.1.1' },
    { name: 'diagnosticCode', label: 'Diagnostic code', type: 'text', placeholder: 'smtp; 550 5.1.1 user unknown' },
  ],
  'soft-bounce': [
    { name: 'bounceSubType', label: 'Bounce subtype', type: 'select', options: ['MailboxFull', 'General', 'MessageTooLarge', 'ContentRejected', 'AttachmentRejected'] },
    { name: 'delayType', label: 'Delay type', type: 'select', options: DELAY_TYPES },
    { name: 'retries', label: 'Retries', type: 'number', placeholder: 'default' },
    { name: 'retryIntervalSeconds', label: 'Retry every (s)', type: 'number', placeholder: 'default' },
    { name: 'finalOutcome', label: 'Finally', type: 'select', options: ['delivered', 'bounced'] },
    { name: 'status', label: 'Status', type: 'text', placeholder: '4.2.2' },
    { name: 'diagnosticCode', label: 'Diagnostic code', type: 'text', placeholder: 'smtp; 452 4.2.2 mailbox full' },
  ],
  complain: [
    { name: 'delaySeconds', label: 'After (s)', type: 'number', placeholder: '0' },
    { name: 'feedbackType', label: 'Feedback type', type: 'select', options: ['abuse', 'auth-failure', 'fraud', 'not-spam', 'other', 'virus'] },
  ],
  delay: [
    { name: 'delaySeconds', label: 'Deliver after (s)', type: 'number', placeholder: '60' },
    { name: 'delayType', label: 'Delay type', type: 'select', options: DELAY_TYPES },
  ],
  reject: [],
};

/** The form's fields for an action kind: a rule's values when editing, else the first choice of each select. */
export function fieldsFor(kind: ScenarioActionKind, action?: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of ACTION_FIELDS[kind]) {
    const v = action?.[f.name];
    out[f.name] = v === undefined || v === null ? (f.type === 'select' ? f.options![0] : '') : String(v);
  }
  return out;
}

/** The action the engine receives: blank fields left out, number fields as numbers (unreadable ones kept as text for the engine to refuse). */
export function actionFromFields(kind: ScenarioActionKind, fields: Record<string, string>): ScenarioRuleDto['action'] {
  const action: ScenarioRuleDto['action'] = { kind };
  for (const f of ACTION_FIELDS[kind]) {
    const raw = (fields[f.name] ?? '').trim();
    if (raw === '') continue;
    action[f.name] = f.type === 'number' && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  }
  return action;
}

export function describeMatch(m: ScenarioRuleDto['match']): string {
  return `${m.kind} ${m.pattern}`;
}

/** "Hard bounce General 5.1.1", "Soft bounce MailboxFull ×3, then delivered", "Complaint (abuse) after 60 s". */
export function describeAction(a: ScenarioRuleDto['action']): string {
  const v = (name: string) => (a[name] === undefined || a[name] === null ? '' : String(a[name]));
  switch (a.kind) {
    case 'hard-bounce':
      return ['Hard bounce', v('bounceSubType'), v('status')].filter(Boolean).join(' ');
    case 'soft-bounce':
      return `Soft bounce ${v('bounceSubType')}${v('retries') ? ` ×${v('retries')}` : ''}${v('finalOutcome') ? `, then ${v('finalOutcome')}` : ''}`.trim();
    case 'complain':
      return `Complaint${v('feedbackType') ? ` (${v('feedbackType')})` : ''}${Number(v('delaySeconds')) > 0 ? ` after ${v('delaySeconds')} s` : ''}`;
    case 'delay':
      return `Delivery after ${v('delaySeconds') || '?'} s`;
    case 'reject':
      return 'Reject (Bad content)';
    default:
      return String(a.kind);
  }
}
