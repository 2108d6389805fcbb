// deploy/main.bicep read as text, for want of a Bicep compiler here: the resources and security settings
// the deployment promises (docs/setup.md), parameters that match the example file, and balanced syntax.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { azureResourceNames } from '../../../src/store/index.js';

const DEPLOY = path.join(__dirname, '..', '..', '..', 'deploy');
const bicep = readFileSync(path.join(DEPLOY, 'main.bicep'), 'utf8');
const example = JSON.parse(readFileSync(path.join(DEPLOY, 'main.parameters.example.json'), 'utf8')) as {
  parameters: Record<string, { value: unknown }>;
};
/** The template without comments, and strings reduced to their ${…} expressions, for structure checks. */
const code = bicep.replace(/'(?:\\.|[^'\\])*'|\/\/.*$|\/\*[\s\S]*?\*\//gm, (token) =>
  token.startsWith("'") ? ` ${[...token.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]).join(' ')} ` : '',
);

interface Param {
  name: string;
  hasDefault: boolean;
  secure: boolean;
}

function paramsOf(template: string): Param[] {
  const lines = template.split('\n');
  return lines.flatMap((line, i) => {
    const m = /^param (\w+) \w+( =)?/.exec(line);
    if (!m) return [];
    let decorators = '';
    for (let j = i - 1; j >= 0 && /^@/.test(lines[j] as string); j--) decorators += lines[j];
    return [
      { name: m[1] as string, hasDefault: m[2] !== undefined, secure: decorators.includes('@secure()') },
    ];
  });
}

const resourceTypes = [...bicep.matchAll(/^resource \w+ '([^@']+)@(\d{4}-\d{2}-\d{2})'/gm)].map((m) => ({
  type: m[1] as string,
  apiVersion: m[2] as string,
}));

describe('deploy/main.bicep', () => {
  it('has balanced braces, brackets and parentheses', () => {
    for (const [open, close] of [
      ['{', '}'],
      ['[', ']'],
      ['(', ')'],
    ] as const) {
      let depth = 0;
      for (const ch of code) {
        if (ch === open) depth++;
        if (ch === close) depth--;
        assert.ok(depth >= 0, `unexpected ${close}`);
      }
      assert.equal(depth, 0, `unclosed ${open}`);
    }
  });

  it('declares the Bot, App Service, Storage, Key Vault, identity and role assignments with stable API versions', () => {
    const types = new Set(resourceTypes.map((r) => r.type));
    for (const type of [
      'Microsoft.BotService/botServices',
      'Microsoft.BotService/botServices/channels',
      'Microsoft.Web/serverfarms',
      'Microsoft.Web/sites',
      'Microsoft.Storage/storageAccounts',
      'Microsoft.KeyVault/vaults',
      'Microsoft.KeyVault/vaults/secrets',
      'Microsoft.ManagedIdentity/userAssignedIdentities',
      'Microsoft.Authorization/roleAssignments',
    ]) {
      assert.ok(types.has(type), `missing ${type}`);
    }
    // The newest generally available API versions of Application Insights and of diagnostic settings.
    const newestStable: Record<string, string> = {
      'Microsoft.Insights/components': '2020-02-02',
      'Microsoft.Insights/diagnosticSettings': '2016-09-01',
    };
    for (const { type, apiVersion } of resourceTypes) {
      assert.ok(apiVersion >= (newestStable[type] ?? '2022-04-01'), `${type}@${apiVersion} is old`);
    }
    assert.doesNotMatch(bicep, /@\d{4}-\d{2}-\d{2}-preview'/, 'no preview API versions');
  });

  it('connects the bot to Teams at the web app /api/messages, single tenant or its own managed identity', () => {
    assert.match(bicep, /name: 'MsTeamsChannel'[\s\S]*?channelName: 'MsTeamsChannel'/);
    assert.match(bicep, /endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    assert.match(bicep, /msaAppType: botUsesManagedIdentity \? 'UserAssignedMSI' : 'SingleTenant'/);
    assert.match(bicep, /msaAppTenantId: tenantId/);
    assert.match(bicep, /var botUsesManagedIdentity = botAuthentication == 'UserAssignedMSI'/);
    assert.match(bicep, /param botAuthentication string = 'ClientSecret'/);
  });

  it('gives the bot a user-assigned managed identity of its own on request: no client secret, no Microsoft 365 rights', () => {
    assert.match(
      bicep,
      /resource botIdentity 'Microsoft\.ManagedIdentity\/userAssignedIdentities@[\d-]+' = if \(botUsesManagedIdentity\)/,
    );
    assert.match(bicep, /msaAppMSIResourceId: botUsesManagedIdentity \? botIdentityId : null/);
    assert.match(
      bicep,
      /botUsesManagedIdentity\s*\?\s*\{\s*'\$\{botIdentityId\}': \{\}/,
      'assigned to the web app',
    );
    assert.doesNotMatch(
      code,
      /botIdentity\.properties\.principalId/,
      'no role assignment for the bot identity',
    );
  });

  it('writes secrets to Key Vault only when given, so a redeploy keeps a secret rotated in the vault', () => {
    assert.match(bicep, /resource botPasswordSecret '[^']+' = if \(!empty\(botAppPassword\)\)/);
    assert.match(bicep, /resource cardSigningSecretValue '[^']+' = if \(!empty\(cardSigningSecret\)\)/);
    for (const secret of ['botAppPassword', 'cardSigningSecret']) {
      const param = paramsOf(bicep).find((p) => p.name === secret);
      assert.ok(param?.secure && param.hasDefault, `${secret} is @secure() and optional`);
    }
    // Referenced by vault and name, without a version: App Service reads the newest.
    assert.match(
      bicep,
      /'@Microsoft\.KeyVault\(VaultName=\$\{keyVaultName\};SecretName=\$\{botSecretName\}\)'/,
    );
    assert.doesNotMatch(bicep, /secretUri/i);
  });

  it('keeps deleted secrets recoverable: soft delete and purge protection on the vault', () => {
    assert.match(bicep, /enableSoftDelete: true/);
    assert.match(bicep, /enablePurgeProtection: true/);
    assert.match(bicep, /softDeleteRetentionInDays: keyVaultRetentionDays/);
  });

  it('turns off FTP and basic-authentication publishing', () => {
    for (const policy of ['ftp', 'scm']) {
      assert.match(
        bicep,
        new RegExp(
          `'Microsoft\\.Web/sites/basicPublishingCredentialsPolicies@[\\d-]+' = \\{\\s*parent: webApp\\s*name: '${policy}'\\s*properties: \\{\\s*allow: false`,
        ),
        policy,
      );
    }
  });

  it('can let only the Bot Framework (AzureBotService service tag) reach the site', () => {
    assert.match(bicep, /param restrictToBotService bool = false/);
    assert.match(bicep, /ipSecurityRestrictionsDefaultAction: restrictToBotService \? 'Deny' : 'Allow'/);
    assert.match(bicep, /tag: 'ServiceTag'\s*ipAddress: 'AzureBotService'/);
  });

  it('keeps App Service logs always, and Application Insights on a Log Analytics workspace unless turned off', () => {
    assert.match(bicep, /'Microsoft\.Web\/sites\/config@[\d-]+' = \{\s*parent: webApp\s*name: 'logs'/);
    assert.match(bicep, /httpLogs: \{\s*fileSystem: \{\s*enabled: true/);
    assert.match(
      bicep,
      /resource appInsights 'Microsoft\.Insights\/components@[\d-]+' = if \(enableApplicationInsights\)/,
    );
    assert.match(bicep, /WorkspaceResourceId: logWorkspace\.id/);
    assert.match(
      bicep,
      /name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'\s*value: appInsights\.properties\.ConnectionString/,
    );
  });

  it('runs Node on Linux over HTTPS only, always on, health-checked at /healthz, started with npm start', () => {
    assert.match(bicep, /reserved: true/);
    assert.match(bicep, /linuxFxVersion: 'NODE\|\$\{nodeVersion\}'/);
    assert.match(bicep, /param nodeVersion string = '22-lts'/);
    for (const setting of [
      'httpsOnly: true',
      'alwaysOn: true',
      "healthCheckPath: '/healthz'",
      "appCommandLine: 'npm start'",
      "minTlsVersion: '1.2'",
      "ftpsState: 'Disabled'",
      'keyVaultReferenceIdentity: identity.id',
    ]) {
      assert.ok(bicep.includes(setting), `missing ${setting}`);
    }
    assert.match(bicep, /type: 'UserAssigned'[\s\S]*?'\$\{identity\.id\}': \{\}/);
  });

  it('locks the storage account down: HTTPS, TLS 1.2, no public blobs, no shared keys', () => {
    for (const setting of [
      'supportsHttpsTrafficOnly: true',
      "minimumTlsVersion: 'TLS1_2'",
      'allowBlobPublicAccess: false',
      'allowSharedKeyAccess: false',
    ]) {
      assert.ok(bicep.includes(setting), `missing ${setting}`);
    }
    for (const service of ['tableServices', 'queueServices', 'blobServices']) {
      assert.ok(bicep.includes(`Microsoft.Storage/storageAccounts/${service}@`), `missing ${service}`);
    }
  });

  it('keeps the bot secret in an RBAC Key Vault and grants the identity only the data roles it needs', () => {
    assert.match(bicep, /enableRbacAuthorization: true/);
    assert.match(bicep, /value: botAppPassword/);
    const roleIds = {
      'Storage Table Data Contributor': '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
      'Storage Queue Data Contributor': '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
      'Storage Blob Data Contributor': 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
      'Key Vault Secrets User': '4633458b-17de-408a-b874-0445c86b69e6',
    };
    for (const [role, id] of Object.entries(roleIds)) assert.ok(bicep.includes(`'${id}'`), `missing ${role}`);
    const assignments = bicep.match(/'Microsoft\.Authorization\/roleAssignments@/g) ?? [];
    assert.equal(assignments.length, Object.keys(roleIds).length);
    assert.equal((bicep.match(/principalId: identity\.properties\.principalId/g) ?? []).length, 4);
    assert.equal((bicep.match(/principalType: 'ServicePrincipal'/g) ?? []).length, 4);
  });

  it('takes the secret as a @secure() parameter and never outputs it', () => {
    const password = paramsOf(bicep).find((p) => p.name === 'botAppPassword');
    assert.ok(password?.secure, 'botAppPassword is @secure()');
    assert.doesNotMatch(bicep, /^output .*botAppPassword/m);
    assert.ok(!('botAppPassword' in example.parameters), 'no secret in the example parameters file');
  });

  it('uses every parameter, and the example file sets only declared ones and every required one', () => {
    const params = paramsOf(bicep);
    for (const { name } of params) {
      const uses = code.match(new RegExp(`\\b${name}\\b`, 'g')) ?? [];
      assert.ok(uses.length >= 2, `param ${name} is never used`);
    }
    const declared = new Set(params.map((p) => p.name));
    for (const name of Object.keys(example.parameters)) assert.ok(declared.has(name), `unknown ${name}`);
    for (const p of params.filter((p) => !p.hasDefault && !p.secure)) {
      assert.ok(p.name in example.parameters, `example misses required ${p.name}`);
    }
  });

  it('runs STORE=azure through the managed identity, with no connection string and no SQLite path', () => {
    assert.match(bicep, /name: 'STORE'\s*\n\s*value: 'azure'/);
    assert.match(
      bicep,
      /name: 'AZURE_STORAGE_ACCOUNT_URL'\s*\n\s*value: storage\.properties\.primaryEndpoints\.blob/,
    );
    assert.doesNotMatch(bicep, /AZURE_STORAGE_CONNECTION_STRING|DATA_DIR|\/home\/data|listKeys\(/);
    assert.ok(bicep.includes('allowSharedKeyAccess: false'));
  });

  it('creates the tables, queues and container the Azure store uses', () => {
    const prefix = /var storePrefix = '([a-z0-9]+)'/.exec(bicep)?.[1];
    assert.ok(prefix, 'var storePrefix');
    const named = new Set(
      [...bicep.matchAll(/name: '\$\{storePrefix\}([a-z0-9-]*)'/g)].map((m) => `${prefix}${m[1]}`),
    );
    assert.deepEqual([...named].sort(), Object.values(azureResourceNames(prefix)).sort());
  });

  it('runs at least two instances, each with a bot and a worker app that runs npm run worker', () => {
    const instances = /@minValue\((\d+)\)\n@maxValue\(\d+\)\nparam instances int = (\d+)/.exec(bicep);
    assert.ok(instances && Number(instances[1]) >= 2 && Number(instances[2]) >= 2, 'param instances ≥ 2');
    assert.match(bicep, /capacity: instances/);
    const worker = bicep.slice(bicep.indexOf("resource workerApp 'Microsoft.Web/sites@"));
    assert.match(worker, /appCommandLine: 'npm run worker'/);
    assert.match(worker, /serverFarmId: plan\.id/);
    assert.match(worker, /'\$\{identity\.id\}': \{\}/);
    assert.match(worker, /healthCheckPath: '\/healthz'/);
    assert.match(worker, /appSettings: workerAppSettings/);
    assert.match(
      bicep,
      /var workerAppSettings = concat\(appSettings, platformSettings, \[\s*\{\s*name: 'WORKER_HEALTH_PORT'/,
    );
    assert.match(bicep, /name: 'WORKER'\s*\n\s*value: 'off'/, 'the bot app runs no worker of its own');
  });
});
