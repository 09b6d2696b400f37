// The scenario rule editor's model: defaults per action kind, a rule's values when editing, blank fields
// left out of the action, numbers as numbers, and the one-line descriptions of the list.
import { describe, expect, it } from 'vitest';
import { ACTION_FIELDS, actionFromFields, describeAction, describeMatch, fieldsFor } from '../../../../../src-renderer/src/features/scenarios/rule-form-model';

describe('fieldsFor / actionFromFields', () => {
  it('starts each select at its first choice and text fields blank', () => {
    expect(fieldsFor('hard-bounce')).toEqual({ bounceSubType: 'General', status: '', diagnosticCode: '' });
    expect(fieldsFor('reject')).toEqual({});
    expect(Object.keys(fieldsFor('soft-bounce'))).toEqual(ACTION_FIELDS['soft-bounce'].map((f) => f.name));
  });

  it("fills in a rule's values when editing", () => {
    const action = { kind: 'complain', delaySeconds: 30, feedbackType: 'fraud' };
    expect(fieldsFor('complain', action)).toEqual({ delaySeconds: '30', feedbackType: 'fraud' });
  });

  it('leaves blank fields out so the engine defaults apply, and sends numbers as numbers', () => {
    const fields = { ...fieldsFor('soft-bounce'), retries: ' 3 ', retryIntervalSeconds: '', status: '4.2.2' };
    expect(actionFromFields('soft-bounce', fields)).toEqual({
      kind: 'soft-bounce',
      bounceSubType: 'MailboxFull',
      delayType: 'MailboxFull',
      retries: 3,
      finalOutcome: 'delivered',
      status: '4.2.2',
    });
    // Unreadable numbers go as text: the engine refuses them and names the member.
    expect(actionFromFields('delay', { delaySeconds: 'soon', delayType: 'General' })).toEqual({ kind: 'delay', delaySeconds: 'soon', delayType: 'General' });
    expect(actionFromFields('reject', { anything: 'x' })).toEqual({ kind: 'reject' });
  });
});

describe('describeMatch / describeAction', () => {
  it('reads as one line per rule', () => {
    expect(describeMatch({ kind: 'glob', pattern: 'bounce-*@qa.example' })).toBe('glob bounce-*@qa.example');
    expect(describeAction({ kind: 'hard-bounce', bounceSubType: 'NoEmail', status: '5.1.1' })).toBe('Hard bounce NoEmail 5.1.1');
    expect(describeAction({ kind: 'soft-bounce', bounceSubType: 'MailboxFull', retries: 2, finalOutcome: 'bounced' })).toBe('Soft bounce MailboxFull ×2, then bounced');
    expect(describeAction({ kind: 'complain', feedbackType: 'abuse', delaySeconds: 0 })).toBe('Complaint (abuse)');
    expect(describeAction({ kind: 'complain', feedbackType: 'abuse', delaySeconds: 60 })).toBe('Complaint (abuse) after 60 s');
    expect(describeAction({ kind: 'delay', delaySeconds: 120 })).toBe('Delivery after 120 s');
    expect(describeAction({ kind: 'reject' })).toBe('Reject (Bad content)');
  });
});
