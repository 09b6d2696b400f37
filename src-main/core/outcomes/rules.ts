// QA scenario rules as data: checking what a caller gives (every member named in the error when wrong,
// missing action parameters filled with their defaults) and turning a rule's match into a predicate.
// Matching is case-insensitive: `address` exact; `domain` the domain or any subdomain (`@` optional);
// `glob` the whole address with `*` (any run) and `?` (one character); `regex` a JavaScript regular
// expression tested against the address (unanchored, as RegExp.test — anchor it with ^…$ yourself).
// Owns: rule validation, defaults and matchers. Must not: persist rules (scenarios.ts) or plan outcomes.
import { outcomeErrors } from '../errors';
import {
  SCENARIO_DEFAULT_RETRIES,
  SCENARIO_DEFAULT_RETRY_INTERVAL_SECONDS,
  SCENARIO_MAX_DELAY_SECONDS,
  SCENARIO_MAX_RETRIES,
  SCENARIO_NAME_MAX_CHARS,
  SCENARIO_PATTERN_MAX_CHARS,
} from '../limits';
import type { DelayType, ScenarioAction, ScenarioMatch, ScenarioMatchKind } from './api';
import { delayTypeFor, hardBounceDefaults, softBounceDefaults } from './facts';

const MATCH_KINDS: readonly ScenarioMatchKind[] = ['address', 'domain', 'glob', 'regex'];
const ACTION_KINDS = ['hard-bounce', 'soft-bounce', 'complain', 'delay', 'reject'] as const;
const HARD_SUBTYPES = ['General', 'NoEmail', 'Suppressed', 'OnAccountSuppressionList'] as const;
const SOFT_SUBTYPES = ['General', 'MailboxFull', 'MessageTooLarge', 'ContentRejected', 'AttachmentRejected'] as const;
const DELAY_TYPES: readonly DelayType[] = [
  'InternalFailure',
  'General',
  'MailboxFull',
  'SpamDetected',
  'RecipientServerError',
  'IPFailure',
  'TransientCommunicationFailure',
  'BYOIPHostNameLookupUnavailable',
  'Undetermined',
  'SendingDeferral',
];
const FEEDBACK_TYPES = ['abuse', 'auth-failure', 'fraud', 'not-spam', 'other', 'virus'] as const;
const FINAL_OUTCOMES = ['delivered', 'bounced'] as const;

/** Parameters each action kind takes (anything else is refused, so a typo is not silently ignored). */
const PARAMS: Record<ScenarioAction['kind'], readonly string[]> = {
  'hard-bounce': ['bounceSubType', 'status', 'diagnosticCode'],
  'soft-bounce': ['bounceSubType', 'delayType', 'retries', 'retryIntervalSeconds', 'finalOutcome', 'status', 'diagnosticCode'],
  complain: ['delaySeconds', 'feedbackType'],
  delay: ['delaySeconds', 'delayType'],
  reject: [],
};

const fail = outcomeErrors.invalidRule;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function oneOf<T extends string>(path: string, value: unknown, allowed: readonly T[], fallback?: T): T {
  if (value === undefined || value === null) {
    if (fallback !== undefined) return fallback;
    throw fail(path, 'is required');
  }
  if (typeof value !== 'string' || !allowed.includes(value as T)) throw fail(path, `must be one of ${allowed.join(', ')}`);
  return value as T;
}

function integer(path: string, value: unknown, min: number, max: number, fallback?: number): number {
  if (value === undefined || value === null) {
    if (fallback !== undefined) return fallback;
    throw fail(path, 'is required');
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw fail(path, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function text(path: string, value: unknown, fallback: string, pattern?: { re: RegExp; what: string }): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || value.trim() === '') throw fail(path, 'must be a non-empty string');
  if (value.length > SCENARIO_PATTERN_MAX_CHARS) throw fail(path, `must be at most ${SCENARIO_PATTERN_MAX_CHARS} characters`);
  if (/[\r\n]/.test(value)) throw fail(path, 'must be one line');
  if (pattern && !pattern.re.test(value)) throw fail(path, `must be ${pattern.what}`);
  return value;
}

const STATUS_5 = { re: /^5\.\d{1,3}\.\d{1,3}$/, what: 'an enhanced status code 5.x.x' };
const STATUS_4 = { re: /^4\.\d{1,3}\.\d{1,3}$/, what: 'an enhanced status code 4.x.x' };

export function checkMatch(value: unknown): ScenarioMatch {
  if (!isObject(value)) throw fail('match', 'must be an object {kind, pattern}');
  const kind = oneOf('match.kind', value.kind, MATCH_KINDS);
  if (typeof value.pattern !== 'string' || value.pattern.trim() === '') throw fail('match.pattern', 'must be a non-empty string');
  const pattern = value.pattern.trim();
  if (pattern.length > SCENARIO_PATTERN_MAX_CHARS) throw fail('match.pattern', `must be at most ${SCENARIO_PATTERN_MAX_CHARS} characters`);
  if (kind === 'address' && !/^[^@\s]+@[^@\s]+$/.test(pattern)) throw fail('match.pattern', 'must be an email address for kind address');
  if (kind === 'domain' && !/^@?[^@\s]+$/.test(pattern)) throw fail('match.pattern', 'must be a domain for kind domain');
  if (kind === 'regex') {
    try {
      new RegExp(pattern, 'i');
    } catch (err) {
      throw fail('match.pattern', `is not a valid regular expression (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  return { kind, pattern };
}

export function checkAction(value: unknown): ScenarioAction {
  if (!isObject(value)) throw fail('action', 'must be an object {kind, …parameters}');
  const kind = oneOf('action.kind', value.kind, ACTION_KINDS);
  for (const [key, v] of Object.entries(value)) {
    if (key !== 'kind' && v !== undefined && v !== null && !PARAMS[kind].includes(key)) {
      throw fail(`action.${key}`, `is not a parameter of ${kind} (it takes ${PARAMS[kind].join(', ') || 'none'})`);
    }
  }
  switch (kind) {
    case 'hard-bounce': {
      const bounceSubType = oneOf('action.bounceSubType', value.bounceSubType, HARD_SUBTYPES, 'General');
      const d = hardBounceDefaults(bounceSubType);
      return {
        kind,
        bounceSubType,
        status: text('action.status', value.status, d.status, STATUS_5),
        diagnosticCode: text('action.diagnosticCode', value.diagnosticCode, d.diagnosticCode),
      };
    }
    case 'soft-bounce': {
      const bounceSubType = oneOf('action.bounceSubType', value.bounceSubType, SOFT_SUBTYPES, 'General');
      const delayType = oneOf('action.delayType', value.delayType, DELAY_TYPES, delayTypeFor(bounceSubType));
      const d = softBounceDefaults(delayType);
      return {
        kind,
        bounceSubType,
        delayType,
        retries: integer('action.retries', value.retries, 1, SCENARIO_MAX_RETRIES, SCENARIO_DEFAULT_RETRIES),
        retryIntervalSeconds: integer('action.retryIntervalSeconds', value.retryIntervalSeconds, 1, SCENARIO_MAX_DELAY_SECONDS, SCENARIO_DEFAULT_RETRY_INTERVAL_SECONDS),
        finalOutcome: oneOf('action.finalOutcome', value.finalOutcome, FINAL_OUTCOMES, 'bounced'),
        status: text('action.status', value.status, d.status, STATUS_4),
        diagnosticCode: text('action.diagnosticCode', value.diagnosticCode, d.diagnosticCode),
      };
    }
    case 'complain':
      return {
        kind,
        delaySeconds: integer('action.delaySeconds', value.delaySeconds, 0, SCENARIO_MAX_DELAY_SECONDS, 0),
        feedbackType: oneOf('action.feedbackType', value.feedbackType, FEEDBACK_TYPES, 'abuse'),
      };
    case 'delay':
      return {
        kind,
        delaySeconds: integer('action.delaySeconds', value.delaySeconds, 1, SCENARIO_MAX_DELAY_SECONDS),
        delayType: oneOf('action.delayType', value.delayType, DELAY_TYPES, 'TransientCommunicationFailure'),
      };
    default:
      return { kind: 'reject' };
  }
}

export function checkName(value: unknown, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string') throw fail('name', 'must be a string');
  if (value.length > SCENARIO_NAME_MAX_CHARS) throw fail('name', `must be at most ${SCENARIO_NAME_MAX_CHARS} characters`);
  return value;
}

export function checkEnabled(value: unknown, fallback: boolean, member = 'enabled'): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw fail(member, 'must be true or false');
  return value;
}

const escapeRegex = (s: string) => s.replace(/[.+^${}()|[\]\\]/g, '\\$&');

/** A predicate over bare addresses for a checked match. */
export function compileMatch(match: ScenarioMatch): (address: string) => boolean {
  const p = match.pattern.toLowerCase();
  switch (match.kind) {
    case 'address':
      return (a) => a.toLowerCase() === p;
    case 'domain': {
      const domain = p.startsWith('@') ? p.slice(1) : p;
      return (a) => {
        const d = a.slice(a.lastIndexOf('@') + 1).toLowerCase();
        return d === domain || d.endsWith('.' + domain);
      };
    }
    case 'glob': {
      const re = new RegExp('^' + escapeRegex(p).replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 'is');
      return (a) => re.test(a);
    }
    default: {
      const re = new RegExp(match.pattern, 'i');
      return (a) => re.test(a);
    }
  }
}
