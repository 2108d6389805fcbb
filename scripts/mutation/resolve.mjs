// Module resolution hook (module.register) for StrykerJS runs only, applied to imports made by Stryker's own
// packages; every other importer, the project's own `tsc` included, resolves modules as usual.
//
// - `typescript` → TypeScript 5.9 (the `typescript5` alias). The project's TypeScript 7 ships no JavaScript
//   API, but Stryker's core (it rewrites tsconfig files in its sandbox) and its TypeScript checker read
//   tsconfig files with the 5.x API (`ts.parseConfigFileTextToJson`).
// - `@typescript/native/…` → the project's own TypeScript 7 (`typescript/…`). The checker's native mode
//   (`typescriptChecker.experimentalNativePreview`) type-checks mutants with TypeScript 7's API, the same
//   compiler `npm run typecheck` uses, and about five times faster here than the 5.x checker. It expects
//   TypeScript 7 under that name; mapping it avoids a second copy of the compiler.
const strykerPackages = /[\\/]node_modules[\\/]@stryker-mutator[\\/]/;
const nativePrefix = '@typescript/native/';

export async function resolve(specifier, context, nextResolve) {
  if (context.parentURL && strykerPackages.test(context.parentURL)) {
    if (specifier === 'typescript') return nextResolve('typescript5', context);
    if (specifier.startsWith(nativePrefix)) {
      return nextResolve(`typescript/${specifier.slice(nativePrefix.length)}`, context);
    }
  }
  return nextResolve(specifier, context);
}
