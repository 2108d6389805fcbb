// `npm run doctor`: checks the configured Microsoft 365 tenant (or the simulator) and prints one line per
// check with what to grant for each failure. Exit code 1 when a required check fails, 2 on bad
// configuration. Configuration comes from the environment or .env, as for `npm start`.
import 'dotenv/config';
import { ConfigError, loadConfig } from '../src/config.js';
import { runDoctor } from '../src/doctor/index.js';

async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`unblock-assistant doctor: the configuration is invalid.\n${error.message}\n`);
    return 2;
  }
  const { exitCode } = await runDoctor(config, { write: (line) => process.stdout.write(`${line}\n`) });
  return exitCode;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `unblock-assistant doctor failed: ${error instanceof Error ? error.name : 'error'}\n`,
    );
    process.exitCode = 1;
  },
);
