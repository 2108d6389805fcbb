// The baseline: the smallest botbuilder bot over restify (CloudAdapter + ActivityHandler, the same body
// parsing as src/http/server.ts), echoing each message. The benchmark measures unblock-assistant against it
// in the same run, because absolute numbers drift on a shared machine (../shared/reference/platform-notes.md).
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';

const port = Number(process.env.PORT ?? 3979);
const host = process.env.HOST ?? '127.0.0.1';

// No app id: botbuilder runs unauthenticated, as unblock-assistant does in local mode.
const adapter = new CloudAdapter(
  new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppType: 'MultiTenant' }),
);

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}
const bot = new EchoBot();

const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, rejectUnknown: true }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
// Same readiness probe as the app, so "spawn → ready" means the same thing for both.
server.get('/readyz', async (_req, res) => {
  res.send(200, { status: 'ready' });
});
server.listen(port, host, () => {
  process.stderr.write(`echo bot listening on http://${host}:${port}/api/messages\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
