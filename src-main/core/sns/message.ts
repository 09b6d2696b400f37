// Publish's message rules (API reference, Publish): a non-empty Message of at most 256 KB, a Subject of at
// most 100 printable ASCII characters without line breaks, and MessageStructure `json` — a JSON object with
// a `default` key and optional per-protocol keys (`http`, `https`, …) — resolved per subscription protocol.
// Owns: those checks and the per-protocol choice. Must not: touch the store or build envelopes.
import { snsErrors } from '../errors';
import { SNS_MAX_MESSAGE_BYTES, SNS_MAX_SUBJECT_LENGTH } from '../limits';
import type { SnsPublishRequest } from './api';

/** MessageStructure=json: the `http`/`https` key for that protocol, else `default`. */
export function messageFor(req: SnsPublishRequest, protocol: string, structured: Record<string, unknown> | null): string {
  if (!structured) return req.message;
  const v = structured[protocol] ?? structured.default;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function checkPublish(req: SnsPublishRequest): Record<string, unknown> | null {
  if (req.message === undefined || req.message === '') throw snsErrors.emptyMessage();
  if (Buffer.byteLength(req.message, 'utf8') > SNS_MAX_MESSAGE_BYTES) throw snsErrors.messageTooLong();
  if (req.subject !== undefined && (req.subject === '' || req.subject.length > SNS_MAX_SUBJECT_LENGTH || !/^[\x20-\x7e]*$/.test(req.subject))) {
    throw snsErrors.invalidSubject();
  }
  if (req.messageStructure !== 'json') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.message);
  } catch {
    throw snsErrors.structureNotJson();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw snsErrors.structureNotJson();
  if (!Object.hasOwn(parsed, 'default')) throw snsErrors.structureNoDefault();
  return parsed as Record<string, unknown>;
}
