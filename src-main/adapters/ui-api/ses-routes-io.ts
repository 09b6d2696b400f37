// Request helpers for the UI API's SES-state routes (ses-routes*.ts): reading a JSON or text body and
// checking its members with clear 400s (refusals are respond.ts ApiErrors, answered by server.ts).
// Owns: the shapes of these routes' own body checks. Must not: decide SES outcomes (the engine does; its
// SesErrors are mapped in ses-routes.ts).
import type { IncomingMessage } from 'node:http';
import { badRequest, parseJsonBody, readBodyText } from './respond';

export async function readText(req: IncomingMessage, cap: number): Promise<string> {
  return readBodyText(req, cap, `Body too large (at most ${cap} bytes).`);
}

const MAX_JSON = 64 * 1024;

/** The body as a JSON object (an empty body reads as `{}`). */
export async function readObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readText(req, MAX_JSON);
  if (text.trim() === '') return {};
  const parsed = parseJsonBody(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badRequest('The body must be a JSON object.');
  return parsed as Record<string, unknown>;
}

/** Refuse members outside `known` (typos must not pass silently). */
export function onlyKnown(body: Record<string, unknown>, known: readonly string[]): void {
  const unknown = Object.keys(body).filter((k) => !known.includes(k));
  if (unknown.length) throw badRequest(`Unknown member${unknown.length === 1 ? '' : 's'} ${unknown.map((k) => `"${k}"`).join(', ')} (known: ${known.join(', ')}).`);
}

export function str(body: Record<string, unknown>, name: string, required: true): string;
export function str(body: Record<string, unknown>, name: string, required?: false): string | undefined;
export function str(body: Record<string, unknown>, name: string, required = false): string | undefined {
  const v = body[name];
  if (v === undefined || v === null) {
    if (required) throw badRequest(`${name} is required.`);
    return undefined;
  }
  if (typeof v !== 'string') throw badRequest(`${name} must be a string.`);
  if (required && v.trim() === '') throw badRequest(`${name} must not be empty.`);
  return v;
}

export function bool(body: Record<string, unknown>, name: string): boolean | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw badRequest(`${name} must be true or false.`);
  return v;
}

/** A finite number within [min, max]; `integer` refuses fractions. */
export function num(body: Record<string, unknown>, name: string, min: number, max: number, integer = false): number | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    throw badRequest(`${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}.`);
  }
  return v;
}

export function oneOf<T extends string>(body: Record<string, unknown>, name: string, values: readonly T[], required: true): T;
export function oneOf<T extends string>(body: Record<string, unknown>, name: string, values: readonly T[], required?: false): T | undefined;
export function oneOf<T extends string>(body: Record<string, unknown>, name: string, values: readonly T[], required = false): T | undefined {
  const v = body[name];
  if (v === undefined || v === null) {
    if (required) throw badRequest(`${name} is required (one of ${values.join(', ')}).`);
    return undefined;
  }
  if (typeof v !== 'string' || !values.includes(v as T)) throw badRequest(`${name} must be one of ${values.join(', ')}.`);
  return v as T;
}

export function strings(body: Record<string, unknown>, name: string): string[] | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw badRequest(`${name} must be a list of strings.`);
  return v as string[];
}

/** ISO 8601 for an engine time (epoch ms); null stays null. */
export const iso = (ms: number | null | undefined): string | null => (typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : null);

