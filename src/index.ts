// Starts unblock-assistant: reads the configuration, builds the app, listens, and shuts down gracefully.
import 'dotenv/config';
import { createApp, describeStore } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';

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
  const logger = createLogger(config.logLevel);
  // `npm run worker`: jobs, resume monitor and approval timers only, sharing the store with the bot.
  const workerOnly = process.argv.includes('--worker');
  const app = await createApp(config, { logger, workerOnly });
  const shutdownOn = (stop: () => Promise<void>) => {
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down: finishing turns in flight');
      try {
        await stop();
        logger.info('stopped');
        process.exit(0);
      } catch (error) {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      }
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
  };
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

main().catch((error: unknown) => {
  process.stderr.write(
    `unblock-assistant failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
