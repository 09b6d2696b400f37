// Fakes that implement only what a test touches: every other member of the service is a function that
// throws naming itself, so a fake keeps compiling as engine interfaces grow and misuse fails loudly.
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
