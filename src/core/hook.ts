/**
 * A call from a lower module into a higher one, without an import that
 * points up: the lower module declares the hook and calls it where its rule
 * says so (a revoked title freezes open awards); the higher module has the
 * function that does it; src/modules/hooks.ts, the modules' wiring, hands
 * that function to the hook. So the modules' imports stay one-way.
 *
 * A hook has exactly one provider. Calling it before it is wired throws:
 * a forgotten wiring must fail loudly, never quietly skip the work the rule
 * requires. Providing it twice throws too: two wirings disagree about who
 * answers.
 */
export interface Hook<Args extends unknown[], Result> {
  readonly name: string;
  /** Whether a provider has been handed over. */
  readonly wired: boolean;
  /** Wires the hook; only src/modules/hooks.ts does this. */
  provide(provider: (...args: Args) => Result): void;
  call(...args: Args): Result;
}

const declared: Pick<Hook<[], unknown>, 'name' | 'wired'>[] = [];

export function hook<Args extends unknown[], Result>(name: string): Hook<Args, Result> {
  let provider: ((...args: Args) => Result) | undefined;
  const declaration: Hook<Args, Result> = {
    name,
    get wired() {
      return provider !== undefined;
    },
    provide(fn) {
      if (provider) throw new Error(`hook ${name} is already provided`);
      provider = fn;
    },
    call(...args) {
      if (!provider) throw new Error(`hook ${name} is not wired: load the modules' wiring (src/modules/hooks.ts) first`);
      return provider(...args);
    },
  };
  declared.push(declaration);
  return declaration;
}

/** The names of the hooks declared so far that have no provider yet (a test asserts there are none once the modules are loaded). */
export function unwiredHooks(): string[] {
  return declared.filter((h) => !h.wired).map((h) => h.name);
}
