// Add or edit one scenario rule: name, how it matches recipients (address, domain, glob, regex + pattern),
// and its action with that action's parameters. Saving sends the rule to the engine, which checks it; a
// refusal shows above the list and the form stays open. "Counts toward reputation" (on by default) decides
// whether the rule's outcomes enter the bounce and complaint rates (issue 6).
import { useState, type FormEvent } from 'react';
import type { ScenarioActionKind, ScenarioMatchKind, ScenarioRuleDto, ScenarioRuleInput } from '../../../../src-main/contract';
import { ACTION_FIELDS, ACTION_KINDS, MATCH_KINDS, actionFromFields, fieldsFor } from './rule-form-model';

interface Props {
  rule?: ScenarioRuleDto;
  busy: boolean;
  onSave: (input: ScenarioRuleInput) => Promise<boolean>;
  onCancel: () => void;
}

export function RuleForm({ rule, busy, onSave, onCancel }: Props) {
  const [name, setName] = useState(rule?.name ?? '');
  const [matchKind, setMatchKind] = useState<ScenarioMatchKind>(rule?.match.kind ?? 'address');
  const [pattern, setPattern] = useState(rule?.match.pattern ?? '');
  const [kind, setKind] = useState<ScenarioActionKind>(rule?.action.kind ?? 'hard-bounce');
  const [fields, setFields] = useState<Record<string, string>>(() => fieldsFor(rule?.action.kind ?? 'hard-bounce', rule?.action));
  const [counts, setCounts] = useState(rule?.countsTowardReputation ?? true);
  const placeholder = MATCH_KINDS.find((m) => m.id === matchKind)?.placeholder;

  const chooseKind = (next: ScenarioActionKind) => {
    setKind(next);
    setFields(fieldsFor(next, next === rule?.action.kind ? rule.action : undefined));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSave({ name: name.trim(), enabled: rule?.enabled ?? true, match: { kind: matchKind, pattern: pattern.trim() }, action: actionFromFields(kind, fields), countsTowardReputation: counts }).then(
      (ok) => ok && onCancel(),
    );
  };

  return (
    <form className="card rule-form" onSubmit={submit} data-testid="rule-form">
      <h2>{rule ? 'Edit rule' : 'New rule'}</h2>
      <div className="form-grid">
        <label className="field">
          <span>Name</span>
          <input className="input" value={name} placeholder="Bounce QA addresses" onChange={(e) => setName(e.target.value)} data-testid="rule-name" />
        </label>
        <label className="field">
          <span>Match</span>
          <select className="input" value={matchKind} onChange={(e) => setMatchKind(e.target.value as ScenarioMatchKind)} data-testid="rule-match-kind">
            {MATCH_KINDS.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-wide">
          <span>Pattern</span>
          <input className="input" required value={pattern} placeholder={placeholder} onChange={(e) => setPattern(e.target.value)} data-testid="rule-pattern" />
        </label>
        <label className="field">
          <span>Action</span>
          <select className="input" value={kind} onChange={(e) => chooseKind(e.target.value as ScenarioActionKind)} data-testid="rule-action-kind">
            {ACTION_KINDS.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        {ACTION_FIELDS[kind].map((f) => (
          <label key={f.name} className={`field ${f.name === 'diagnosticCode' ? 'field-wide' : ''}`}>
            <span>{f.label}</span>
            {f.type === 'select' ? (
              <select className="input" value={fields[f.name]} onChange={(e) => setFields({ ...fields, [f.name]: e.target.value })} data-testid={`rule-${f.name}`}>
                {f.options!.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : (
              <input
                className="input"
                inputMode={f.type === 'number' ? 'numeric' : undefined}
                value={fields[f.name]}
                placeholder={f.placeholder}
                onChange={(e) => setFields({ ...fields, [f.name]: e.target.value })}
                data-testid={`rule-${f.name}`}
              />
            )}
          </label>
        ))}
      </div>
      <label className="field-check">
        <input type="checkbox" checked={counts} onChange={(e) => setCounts(e.target.checked)} data-testid="rule-counts-reputation" />
        <span>Counts toward reputation</span>
        <span className="hint">Unlike the mailbox simulator, a rule&apos;s bounces and complaints move the account&apos;s rates unless this is off.</span>
      </label>
      {kind === 'reject' && <p className="hint">The whole message is rejected as SES rejects a virus: a Reject event, no delivery for anyone.</p>}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || pattern.trim() === ''} data-testid="rule-save">
          {rule ? 'Save rule' : 'Add rule'}
        </button>
        <button type="button" className="btn" onClick={onCancel} data-testid="rule-cancel">
          Cancel
        </button>
      </div>
    </form>
  );
}
