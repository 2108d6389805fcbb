// Run by liveAuthentication.test.ts in a child process started with NODE_EXTRA_CA_CERTS=<test CA> (Node
// reads it only at start). It wires the live gateway exactly as src/app.ts does in TENANT_MODE=live, from
// the environment (loadConfig), calls Graph and Exchange, and prints one JSON line with the outcome.
import { loadConfig } from '../../../src/config.js';
import { TenantError } from '../../../src/runbook/errors.js';
import { createLiveCredential, createLiveTenantGateway } from '../../../src/tenant/index.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (config.tenant.mode !== 'live') throw new Error('liveFlowChild needs TENANT_MODE=live');
  const gateway = createLiveTenantGateway({
    graphBaseUrl: config.tenant.graphBaseUrl,
    exoBaseUrl: config.tenant.exoBaseUrl,
    tenantId: config.tenant.tenantId,
    credential: createLiveCredential(config.tenant),
    retry: { maxRetries: 0 },
  });
  try {
    const users = await gateway.findUsers('rob');
    const restricted = await gateway.listRestrictedSenders();
    await gateway.ping();
    print({
      ok: true,
      users: users.map((u) => u.userPrincipalName),
      restricted: restricted.map((r) => r.senderAddress),
    });
  } catch (error) {
    if (!(error instanceof TenantError)) throw error;
    print({ ok: false, error: { name: error.name, code: error.code, message: error.message } });
  }
}

function print(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});
