// Randomness, injected: UUIDs and request ids. Tests pass a deterministic source.
import { randomUUID } from 'node:crypto';

export interface Ids {
  uuid(): string;
}

export const randomIds: Ids = { uuid: () => randomUUID() };

/** Deterministic ids for tests: 00000000-0000-4000-8000-000000000001, ...02, ... */
export function sequentialIds(start = 1): Ids {
  let n = start;
  return { uuid: () => `00000000-0000-4000-8000-${(n++).toString(16).padStart(12, '0')}` };
}
