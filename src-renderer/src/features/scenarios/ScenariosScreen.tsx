// The Scenario rules screen (beyond SES, for QA): the mailbox simulator's test buttons, then the ordered rule
// list — the first enabled rule matching a recipient decides its outcome — with enable/disable, edit,
// delete and move up/down, and the form to add one. Refetches on open and after every action.
import { useEffect, useState } from 'react';
import type { ScenarioRuleDto } from '../../../../src-main/contract';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { Switch } from '../../components/Switch';
import { useStore } from '../../stores';
import { SimulatorButtons } from '../simulator/SimulatorButtons';
import { RuleForm } from './RuleForm';
import { describeAction, describeMatch } from './rule-form-model';

function RuleRow({ rule, index, count, onEdit }: { rule: ScenarioRuleDto; index: number; count: number; onEdit: () => void }) {
  const update = useStore((s) => s.updateRule);
  const remove = useStore((s) => s.deleteRule);
  const move = useStore((s) => s.moveRule);
  const busy = useStore((s) => s.rulesBusy);
  return (
    <li className={`rule-row ${rule.enabled ? '' : 'is-disabled'}`} data-testid="rule-row" data-rule-id={rule.id} data-enabled={rule.enabled ? 'true' : 'false'}>
      <span className="rule-index">{index + 1}</span>
      <Switch checked={rule.enabled} disabled={busy} onChange={(enabled) => void update(rule.id, { enabled })} testId="rule-enabled">
        <span className="sr-only">Enabled</span>
      </Switch>
      <div className="rule-text">
        <span className="rule-name">{rule.name || 'Unnamed rule'}</span>
        <span className="rule-summary">
          <code>{describeMatch(rule.match)}</code> → <span data-testid="rule-action">{describeAction(rule.action)}</span>
          {!rule.countsTowardReputation && (
            <span className="chip chip-neutral rule-unrated" data-testid="rule-unrated" title="Its outcomes do not enter the bounce and complaint rates">
              not counted toward reputation
            </span>
          )}
        </span>
      </div>
      <div className="rule-actions">
        <button type="button" className="btn btn-ghost btn-small" disabled={busy || index === 0} onClick={() => void move(rule.id, -1)} aria-label="Move up" data-testid="rule-up">
          <Icon name="arrowUp" size={14} />
        </button>
        <button type="button" className="btn btn-ghost btn-small" disabled={busy || index === count - 1} onClick={() => void move(rule.id, 1)} aria-label="Move down" data-testid="rule-down">
          <Icon name="arrowDown" size={14} />
        </button>
        <button type="button" className="btn btn-small" onClick={onEdit} data-testid="rule-edit">
          Edit
        </button>
        <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={() => void remove(rule.id)} data-testid="rule-delete">
          Delete
        </button>
      </div>
    </li>
  );
}

export function ScenariosScreen() {
  const rules = useStore((s) => s.rules);
  const loaded = useStore((s) => s.rulesLoaded);
  const error = useStore((s) => s.rulesError);
  const busy = useStore((s) => s.rulesBusy);
  const load = useStore((s) => s.loadRules);
  const create = useStore((s) => s.createRule);
  const update = useStore((s) => s.updateRule);
  /** 'new', a rule id being edited, or null. */
  const [editing, setEditing] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const editedRule = rules.find((r) => r.id === editing);
  return (
    <div className="screen" data-testid="scenarios-screen">
      <header className="screen-head">
        <h1>Scenario rules</h1>
        <span className="toolbar-spacer" />
        <button type="button" className="btn btn-primary" disabled={editing !== null} onClick={() => setEditing('new')} data-testid="rule-add">
          <Icon name="plus" size={14} /> Add rule
        </button>
      </header>

      <section className="card" aria-labelledby="simulator-title">
        <h2 id="simulator-title">Mailbox simulator</h2>
        <SimulatorButtons />
      </section>

      <ErrorBanner error={error} />
      {editing === 'new' && <RuleForm busy={busy} onSave={create} onCancel={() => setEditing(null)} />}
      {editedRule && <RuleForm key={editedRule.id} rule={editedRule} busy={busy} onSave={(input) => update(editedRule.id, input)} onCancel={() => setEditing(null)} />}

      {loaded && rules.length === 0 ? (
        <EmptyState title="No scenario rules" icon="flask" testId="rules-empty">
          <p>
            Rules make chosen recipients bounce, soft-bounce with retries, complain, arrive late or be rejected — beyond what the
            mailbox simulator offers. The first enabled rule that matches a recipient decides.
          </p>
        </EmptyState>
      ) : (
        <ol className="rule-list" data-testid="rule-list">
          {rules.map((r, i) => (
            <RuleRow key={r.id} rule={r} index={i} count={rules.length} onEdit={() => setEditing(r.id)} />
          ))}
        </ol>
      )}
    </div>
  );
}
