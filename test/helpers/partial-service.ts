// Fakes that implement only what a test touches: every other member of the service is a function that
// throws naming itself, so a fake keeps compiling as engine interfaces grow and misuse fails loudly.
import type { Engine } from '../../src-main/core/engine-api';
export function partialService<T extends object>(name: string, impl: Partial<T> = {}): T {
  return new Proxy(impl, {
    get(target, key) {
      if (key in target) return (target as Record<string | symbol, unknown>)[key];
      if (typeof key === 'symbol' || key === 'then') return undefined;
      return () => {
        throw new Error(`fake engine: ${name}.${key} is not part of this fake`);
      };
    },
  }) as T;
}

/** Engine members that are services; a fake starts from all of them untouched and overrides what it serves. */
const SERVICES = [
  'templates',
  'account',
  'identities',
  'suppression',
  'configurationSets',
  'scenarios',
  'sns',
  'tracking',
  'contacts',
  'eventLog',
  'inspect',
  'metrics',
  'dedicatedIps',
  'publishing',
  'reputation',
  'recommendations',
  'time',
] as const;

/** Every service of the Engine as a partialService that throws when touched. */
export function untouchedServices(): { [K in (typeof SERVICES)[number]]: Engine[K] } {
  return Object.fromEntries(SERVICES.map((name) => [name, partialService(name)])) as { [K in (typeof SERVICES)[number]]: Engine[K] };
}
