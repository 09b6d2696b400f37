// What an automation route module (automation/*-routes.ts) sees and may use: the request as the router
// hands it over (path parameters decoded, query parsed, JSON body parsed), the error type that becomes a
// `{code, message}` 4xx, and small checkers for JSON bodies with clear messages.
// Owns: the route-module contract. Must not: know sockets or the route table (index.ts does).
import type { Engine } from '../../../core/engine-api';

export interface AutomationRequest {
  engine: Engine;
  method: string;
  /** `:name` segments of the route's path, URI-decoded. */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The parsed JSON body; undefined when the body is empty. */
  body: unknown;
}

/** A route's answer: a JSON value (200), or an explicit status with an optional JSON body. */
export type AutomationResult = unknown;
export interface AutomationReply {
  readonly status: number;
  readonly body?: unknown;
  readonly reply: true;
}
export const reply = (status: number, body?: unknown): AutomationReply => ({ status, body, reply: true });
export const isReply = (v: unknown): v is AutomationReply => typeof v === 'object' && v !== null && (v as { reply?: unknown }).reply === true;

export interface AutomationRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Absolute path under `/_sesame/`, with `:name` for one path segment: `/_sesame/identities/:identity/verify`. */
  path: string;
  handle(req: AutomationRequest): AutomationResult | Promise<AutomationResult>;
}

/** Thrown by route code; the router answers `{code, message}` with `status`. */
export class AutomationError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'AutomationError';
    this.status = status;
    this.code = code;
  }
}

export const badRequest = (message: string) => new AutomationError(400, 'BadRequest', message);
export const notFound = (message: string) => new AutomationError(404, 'NotFound', message);

type Json = Record<string, unknown>;

/** The body as a JSON object; an absent body is `{}` when `optional`. */
export function objectBody(req: AutomationRequest, optional = false): Json {
  if (req.body === undefined && optional) return {};
  if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
    throw badRequest('The body must be a JSON object.');
  }
  return req.body as Json;
}

/** Refuses members this route does not know (a typo must not pass silently). */
export function onlyKnown(body: Json, known: readonly string[]): void {
  const unknown = Object.keys(body).filter((k) => !known.includes(k));
  if (unknown.length) throw badRequest(`Unknown member${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; expected ${known.join(', ')}.`);
}

export function optionalBoolean(body: Json, key: string): boolean | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw badRequest(`${key} must be true or false.`);
  return v;
}

export function optionalNumber(body: Json, key: string, check: (n: number) => boolean, rule: string): number | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || !check(v)) throw badRequest(`${key} must be ${rule}.`);
  return v;
}

export function optionalString(body: Json, key: string): string | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw badRequest(`${key} must be a string.`);
  return v;
}

export function optionalEnum<T extends string>(body: Json, key: string, allowed: readonly T[]): T | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !allowed.includes(v as T)) throw badRequest(`${key} must be one of ${allowed.join(', ')}.`);
  return v as T;
}

/** Times in answers: ISO 8601 strings, null kept. */
export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
