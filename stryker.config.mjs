// Mutation testing of the modules that hold the rules (`npm run mutate`; not part of `npm test` or CI).
// Reports: reports/mutation/index.html and reports/mutation/mutation.json.
import { fileURLToPath } from 'node:url';

const preload = fileURLToPath(new URL('./scripts/mutation/preload.mjs', import.meta.url));

// Surviving mutants judged equivalent where a `// Stryker disable next-line <mutator>` comment would also hide
// killable mutants of the same kind on that line (a disable comment names a mutator, not one replacement):
// - src/bot/approvals/approverDirectory.ts, `this.generation += 1` → `-= 1`: any change of the counter marks
//   a read begun before it as stale; `if (approvers.size === 0) return []` → false: the loop then finds nobody,
//   the check only spares a store read; `reference?.user?.id` → `reference.user`: every stored user reference
//   holds a reference (conversationKeys.ts).
// - src/bot/approvals/waitingForApprover.ts, `… || this.seen.has(person)` → `false` or `&&`, and `remember`:
//   the seen set only spares a store read (whether the bot keeps a reference decides a first contact) and
//   bounds its own memory; `activity.conversation?.` / `activity.recipient?.`: the HTTP edge requires both.
// - src/requests/resumeMonitor.ts, `?? -1` → `+1`: a request never traced still sorts before any real time;
//   the `lastTraced.delete(…)` condition: forgetting a finished request only bounds memory; `result.gaveUp`
//   in the outage path: that cycle throws, its count is never returned.
// - src/requests/detection/detector.ts, `if (firstRun) markFirstCycleDone` → `true`: writing the first-cycle
//   record again changes nothing (readers only ask whether it exists); `this.handled.size >= MAX_REMEMBERED_…`
//   → `false` or `>`: the memo of handled episodes only spares store reads, and this only bounds its memory.
// - src/requests/lifecycle.ts, `input.decision === 'approve' ? checkEvidence(…)` → `true`: the other decision it
//   can reach is a retry, of a request approved once already, so with every finding dealt with.
// - Error and log texts of programming errors (`request … not found`, `next.version must be …`): not rules.
export default {
  mutate: [
    'src/runbook/**/*.ts',
    'src/requests/**/*.ts',
    'src/bot/approvals/**/*.ts',
    'src/bot/cardSigning.ts',
    'src/bot/cardActions.ts',
    'src/bot/tenantBoundary.ts',
    'src/bot/admission.ts',
    'src/bot/turnLimits.ts',
    'src/store/sqlite/requests.ts',
  ],
  plugins: [
    '@stryker-mutator/mocha-runner',
    './scripts/mutation/typescriptFileChecker.mjs',
    './scripts/mutation/ignoreLogging.mjs',
  ],
  ignorers: ['logging'],
  testRunner: 'mocha',
  mochaOptions: {
    config: '.mocharc.json',
    // The suite of `npm test`, less the tests that cannot tell mutants apart or cost minutes per mutant:
    // - tests that drive the bot or worker in child processes: Stryker attributes no coverage to them, so they
    //   would only lengthen the dry run (test/unit/requests/unblock.test.ts holds the in-process crash re-run,
    //   counting Remove-BlockedSenderAddress calls);
    // - tests of the Azure Storage store on Azurite: that store is not mutated, the lifecycle they drive is
    //   covered on SQLite in-process, and each would start Azurite for every mutant it covers;
    // - the 10,000-case fuzz run: its rule, "never a 5xx", lives in the HTTP edge, not in these modules;
    // - end-to-end tests of other modules that wait seconds for the unblock and the resume (Graph's message
    //   trace window ends 5 s before now): proactive delivery when Teams pushes back (src/bot/proactive/), the
    //   Requests tab's API (src/tab/), the worker under injected faults and an Exchange outage. Every mutant
    //   that covers them ran each of them; in the last full run with them they killed two mutants between them,
    //   each now killed by a unit test (test/unit/requests/approvalTimers.test.ts, unblock.test.ts);
    // - packaging, deployment, docs, layering, doctor and sign-in tests, which run none of the mutated code.
    ignore: [
      'test/integration/process/*.test.ts',
      'test/integration/liveStart.test.ts',
      'test/integration/requests/crashConsistency.test.ts',
      'test/integration/detection/twoWorkers.test.ts',
      'test/integration/worker/crashSafety.test.ts',
      'test/integration/security/botCredentials.test.ts',
      'test/integration/migrateStore.test.ts',
      'test/integration/scale/azureScaleOut.test.ts',
      'test/contract/azure.test.ts',
      'test/integration/security/fuzz.test.ts',
      'test/integration/bot/proactiveDelivery.test.ts',
      'test/integration/tab/api.test.ts',
      'test/integration/worker/worker.test.ts',
      'test/integration/requests/outage.test.ts',
      'test/integration/tenant/liveAuthentication.test.ts',
      'test/integration/tenant/doctor.test.ts',
      'test/integration/docs/setupGuide.test.ts',
      'test/unit/deploy/*.test.ts',
      'test/unit/manifest/*.test.ts',
      'test/unit/lint/layering.test.ts',
    ],
  },
  // Static mutants (in module-level tables and word lists, run only while a module loads) need the whole
  // suite re-run in a fresh process for each one: about 250 here, over two hours on this machine. They are
  // reported as ignored. The rule tables among them are pinned by tests named after the rules: the state
  // machine and retryable failures (test/unit/runbook/requestLifecycle.test.ts), Exchange's permanent
  // failures (test/unit/requests/unblock.test.ts), the active states (test/contract/store.contract.ts).
  ignoreStatic: true,
  // The machine is shared: a test under load may take several times its usual time before it counts as hung.
  timeoutMS: 10_000,
  // Mutants that do not compile are reported as such, not run: scripts/mutation/typescriptFileChecker.mjs
  // type-checks the mutated file with TypeScript 7. Its program is the mutated modules and what they import
  // (tsconfig.stryker.json), not all of src/ and the tests.
  checkers: ['typescript-file'],
  tsconfigFile: 'tsconfig.stryker.json',
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Six processes on two cores: most of a test runner's time is spent waiting (the simulator's release delay,
  // Graph's message trace window, worker polls), so one runner per core leaves the cores idle; ten kept them
  // overloaded. Stryker starts half of them as checkers, which become test runners once every mutant is checked
  // (a few seconds with typescriptFileChecker.mjs).
  concurrency: 6,
  // The goal for the modules that hold the rules (README, "Mutation testing").
  thresholds: { high: 85, low: 70, break: null },
  checkerNodeArgs: ['--import', preload],
  testRunnerNodeArgs: ['--import', preload],
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['data', 'build', 'devTools', 'test-artifacts', 'scratch', 'reports'],
};
