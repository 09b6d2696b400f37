// The engine's domain-event bus: typed, synchronous, in-process. Adapters subscribe (live UI stream,
// webhooks, notifications); the engine emits after its transaction commits.
// Owns: delivery to listeners and isolating them — a listener that throws is logged and skipped, so it can
// never fail a send or starve the other listeners. Must not: queue, persist or retry (adapters do).
import type { DomainBus, DomainEvents } from '../engine-api';

export type EngineLog = (message: string, err: unknown) => void;

export const consoleLog: EngineLog = (message, err) => console.error(`[sesame] ${message}`, err);

export function createBus(log: EngineLog = consoleLog): DomainBus {
  const listeners = new Map<keyof DomainEvents, Set<(payload: never) => void>>();
  return {
    on(name, fn) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
      }
      const entry = fn as (payload: never) => void;
      set.add(entry);
      return () => void set.delete(entry);
    },
    emit(name, payload) {
      const set = listeners.get(name);
      if (!set || set.size === 0) return;
      for (const fn of [...set]) {
        try {
          (fn as (p: typeof payload) => void)(payload);
        } catch (err) {
          log(`listener for ${name} failed`, err);
        }
      }
    },
  };
}
