// `npm run mutate`: StrykerJS's own command line (all its flags work: --mutate, --force, --concurrency …),
// started under the module hooks of preload.mjs.
//
// StrykerJS 10 declares Node >= 22 and its command line refuses anything older. This project runs on Node 20
// (the machines ship it, and better-sqlite3 is compiled for it: a Stryker run on Node 22 would load a native
// module built for another ABI in every test worker). Stryker 9, which accepts Node 20, cannot drive Mocha 12
// at all. So the command line is loaded with its version check told Node 22; everything Stryker does on
// Node 20 is then checked the usual way: its dry run must pass the whole suite unchanged, or it stops.
const actualVersion = process.version;
Object.defineProperty(process, 'version', { value: 'v22.0.0', configurable: true });
const { StrykerCli } = await import('@stryker-mutator/core');
Object.defineProperty(process, 'version', { value: actualVersion, configurable: true });

process.title = 'stryker';
new StrykerCli(process.argv).run();
