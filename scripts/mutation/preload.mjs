// Loaded with `--import` into Stryker's main process and into every checker and test-runner worker it
// starts (stryker.config.mjs: checkerNodeArgs, testRunnerNodeArgs), so all of them resolve modules alike.
import Module, { register } from 'node:module';

// `typescript` and `@typescript/native` for Stryker's packages (see resolve.mjs).
register('./resolve.mjs', import.meta.url);

// Mocha 12 ships its CLI internals as `lib/cli/*.cjs`; @stryker-mutator/mocha-runner 10.1 still requires
// them without an extension (`lib/cli/run-helpers`), which only finds `.js`. Retry those requires with
// `.cjs`. Remove once the runner probes the extension itself (stryker-js pull request 6205).
const mochaCli = /[\\/]mocha[\\/]lib[\\/]cli[\\/][\w-]+$/;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveMochaCli(request, ...rest) {
  try {
    return resolveFilename.call(this, request, ...rest);
  } catch (error) {
    if (mochaCli.test(request)) return resolveFilename.call(this, `${request}.cjs`, ...rest);
    throw error;
  }
};
