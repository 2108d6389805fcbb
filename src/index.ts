// Starts unblock-assistant: reads the configuration, builds the app, listens, and shuts down gracefully.
import 'dotenv/config';
import { createApp, describeStore } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createProcessLogger, type ProcessLog } from './log.js';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(
        `unblock-assistant cannot start.\n${error.message}\nSee .env.example for every variable.\n`,
      );
      process.exit(2);
    }
    throw error;
  }
  const log = createProcessLogger(config.logLevel);
  const { logger } = log;
  // A closed stderr (the other end of the pipe gone) must not turn the next warning into a crash.
  process.stderr.on('error', () => undefined);
  // `npm run worker`: jobs, resume monitor and approval timers only, sharing the store with the bot.
  const workerOnly = process.argv.includes('--worker');
  const app = await createApp(config, { logger, workerOnly });
  const shutdownOn = (stop: () => Promise<void>) => stopOnSignals(stop, log);
  if (workerOnly) {
    // App Service restarts an app that answers nothing on its port: give it the health endpoints.
    const { healthPort } = config.worker;
    if (healthPort !== undefined) await app.http.listen(healthPort, config.http.host);
    logger.info(
      { store: describeStore(config.store), tenant: config.tenant.mode, healthPort },
      'worker is running',
    );
    process.stderr.write(
      `\n  unblock-assistant worker is running (store: ${describeStore(config.store)})\n\n`,
    );
    shutdownOn(() => app.stop());
    return;
  }
  const { url } = await app.http.listen(config.http.port, config.http.host);

  const authMode = config.bot.appId
    ? `Bot Framework app ${config.bot.appId}`
    : 'LOCAL MODE: no MicrosoftAppId, requests are NOT authenticated';
  if (!config.bot.appId)
    logger.warn(
      'MicrosoftAppId is empty: /api/messages accepts unauthenticated requests. Use this only on your own machine.',
    );
  if (config.tenant.mode === 'live' && !config.helpdeskGroupId)
    logger.warn(
      "ALLOW_ANY_USER_TO_START=true and no HELPDESK_GROUP_ID: anyone in the tenant may start a request, reset a restricted user's password and see the temporary password.",
    );
  logger.info(
    {
      endpoint: `${url}/api/messages`,
      tenant: config.tenant.mode,
      tenantId: app.tenantId,
      simulator: app.simulator ? app.simulator.baseUrl : undefined,
      store: describeStore(config.store),
      auth: authMode,
    },
    'unblock-assistant is running',
  );
  process.stderr.write(
    [
      '',
      `  unblock-assistant is listening on ${url}/api/messages`,
      `  tenant:  ${config.tenant.mode === 'simulated' ? `simulated contoso.com (${app.simulator?.baseUrl})` : `live ${app.tenantId}`}`,
      `  store:   ${describeStore(config.store)}`,
      `  auth:    ${authMode}`,
      `  health:  ${url}/healthz   ready: ${url}/readyz`,
      '',
      '  Talk to it: run `npm run playground` in another terminal and type "unblock rob".',
      '',
    ].join('\n'),
  );

  shutdownOn(() => app.stop());
}

/** A stop that takes longer than this ends the process anyway: a service manager is waiting. */
const SHUTDOWN_DEADLINE_MS = 5000;
const LOG_FLUSH_MS = 1000;

/**
 * SIGTERM or SIGINT: finish the turns in flight, stop, exit. A second signal, or a stop still running after
 * SHUTDOWN_DEADLINE_MS, ends the process at once. Nothing on the way depends on a log line being written.
 */
function stopOnSignals(stop: () => Promise<void>, log: ProcessLog): void {
  let stopping = false;
  const exit = (code: number) => {
    void log.close(LOG_FLUSH_MS).finally(() => process.exit(code));
  };
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) {
      process.exit(1);
    }
    stopping = true;
    setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
    log.logger.info({ signal }, 'shutting down: finishing turns in flight');
    try {
      await stop();
      log.logger.info('stopped');
      exit(0);
    } catch (error) {
      log.logger.error({ err: error }, 'shutdown failed');
      exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `unblock-assistant failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
