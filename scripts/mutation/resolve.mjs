// Module resolution hook (module.register) for StrykerJS runs only, applied to imports made by Stryker's own
// packages; every other importer, the project's own `tsc` included, resolves modules as usual.
//
// `typescript` → TypeScript 5.9 (the `typescript5` alias). The project's TypeScript 7 ships no JavaScript API of
// the 5.x shape, but Stryker's core reads the tsconfig files it rewrites in its sandbox with that API
// (`ts.parseConfigFileTextToJson`). The type checking itself uses TypeScript 7 (typescriptFileChecker.mjs).
const strykerPackages = /[\\/]node_modules[\\/]@stryker-mutator[\\/]/;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'typescript' && context.parentURL && strykerPackages.test(context.parentURL)) {
    return nextResolve('typescript5', context);
  }
  return nextResolve(specifier, context);
}
