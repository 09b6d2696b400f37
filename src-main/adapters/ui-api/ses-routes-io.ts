// Request and response helpers for the UI API's SES-state routes (ses-routes*.ts): reading a JSON or text
// body, checking its members with clear 400s, and answering `{code, message}` failures.
// Owns: the shapes of these routes' own refusals. Must not: decide SES outcomes (the engine does; its
// SesErrors are mapped in ses-routes.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorBody } from '../../contract/ui-api';
import { readBody } from '../http/http-io';
import { send } from './respond';

/** A refusal by these routes: any status, any code (the shared ApiError only knows the generic codes). */
export class RouteFailure extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'RouteFailure';
    this.status = status;
    this.code = code;
  }
}

export const invalid = (message: string) => new RouteFailure(400, 'BadRequest', message);
export const missing = (message: string) => new RouteFailure(404, 'NotFound', message);
export const notAllowed = (method: string, allow: string) =>
  new RouteFailure(405, 'MethodNotAllowed', `${method} is not supported here; use ${allow}.`);

export function sendFailure(res: ServerResponse, status: number, code: string, message: string): void {
  const body: ApiErrorBody = { code, message };
  send(res, status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, JSON.stringify(body));
}

export async function readText(req: IncomingMessage, cap: number): Promise<string> {
  const r = await readBody(req, cap);
  if (!r.ok) {
    if (r.reason === 'too-large') throw new RouteFailure(413, 'PayloadTooLarge', `Body too large (at most ${cap} bytes).`);
    throw invalid('Unreadable body.');
  }
  return r.body.toString('utf8');
}

const MAX_JSON = 64 * 1024;

/** The body as a JSON object (an empty body reads as `{}`). */
export async function readObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readText(req, MAX_JSON);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid('The body must be JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid('The body must be a JSON object.');
  return parsed as Record<string, unknown>;
}

/** Refuse members outside `known` (typos must not pass silently). */
export function onlyKnown(body: Record<string, unknown>, known: readonly string[]): void {
  const unknown = Object.keys(body).filter((k) => !known.includes(k));
  if (unknown.length) throw invalid(`Unknown member${unknown.length === 1 ? '' : 's'} ${unknown.map((k) => `"${k}"`).join(', ')} (known: ${known.join(', ')}).`);
}

export function str(body: Record<string, unknown>, name: string, required: true): string;
export function str(body: Record<string, unknown>, name: string, required?: false): string | undefined;
export function str(body: Record<string, unknown>, name: string, required = false): string | undefined {
  const v = body[name];
  if (v === undefined || v === null) {
    if (required) throw invalid(`${name} is required.`);
    return undefined;
  }
  if (typeof v !== 'string') throw invalid(`${name} must be a string.`);
  if (required && v.trim() === '') throw invalid(`${name} must not be empty.`);
  return v;
}

export function bool(body: Record<string, unknown>, name: string): boolean | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw invalid(`${name} must be true or false.`);
  return v;
}

/** A finite number within [min, max]; `integer` refuses fractions. */
export function num(body: Record<string, unknown>, name: string, min: number, max: number, integer = false): number | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    throw invalid(`${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}.`);
  }
  return v;
}

export function oneOf<T extends string>(body: Record<string, unknown>, name: string, values: readonly T[], required: true): T;
export function oneOf<T extends string>(body: Record<string, unknown>, name: string, values: readonly T[], required?: false): T | undefined;
export function oneOf<T extends string>(body: Record<string, unknown>, name: string, values: readonly T[], required = false): T | undefined {
  const v = body[name];
  if (v === undefined || v === null) {
    if (required) throw invalid(`${name} is required (one of ${values.join(', ')}).`);
    return undefined;
  }
  if (typeof v !== 'string' || !values.includes(v as T)) throw invalid(`${name} must be one of ${values.join(', ')}.`);
  return v as T;
}

export function strings(body: Record<string, unknown>, name: string): string[] | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw invalid(`${name} must be a list of strings.`);
  return v as string[];
}

/** A path segment, percent-decoded. */
export function segment(raw: string | undefined, what: string): string {
  let s: string;
  try {
    s = decodeURIComponent(raw ?? '');
  } catch {
    throw invalid(`Unreadable ${what}.`);
  }
  if (s === '') throw missing(`No ${what}.`);
  return s;
}

/** ISO 8601 for an engine time (epoch ms); null stays null. */
export const iso = (ms: number | null | undefined): string | null => (typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : null);

