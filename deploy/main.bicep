// unblock-assistant on Azure: Azure Bot (Teams channel) → App Service (Linux, Node) with a user-assigned
// managed identity for Microsoft 365, a Storage account, a Key Vault (RBAC, purge protection) holding the
// bot's client secret, App Service logs and (optionally) Application Insights.
// Deploy into an existing resource group; see docs/setup.md ("2. Deploy to Azure").
//
// Redeployable: every setting the app reads is a parameter (a redeploy applies the parameters file, so
// keep your settings there, not in the portal), and secrets are written to Key Vault only when given, so
// a secret rotated in the vault is not reverted by the next deployment.
//
// Written by hand: the Bicep compiler was not available where this was authored, so run
// `az bicep build --file deploy/main.bicep` (or `az deployment group what-if …`) before the first deploy.
// test/unit/deploy/ checks the app settings against src/config.ts and the template's shape, not ARM.

targetScope = 'resourceGroup'

@description('Short name used to build resource names, e.g. "unblock". Letters, digits and hyphens.')
@minLength(3)
@maxLength(20)
param name string = 'unblock'

@description('Region for the App Service, Storage account, Key Vault, logs and identities. The bot itself is global.')
param location string = resourceGroup().location

// ---- The bot's own identity (Teams ↔ bot) -------------------------------------------------------------

@description('How the bot authenticates to the Bot Framework: a client secret of its app registration, or a user-assigned managed identity this template creates (for tenants whose policies forbid client secrets).')
@allowed(['ClientSecret', 'UserAssignedMSI'])
param botAuthentication string = 'ClientSecret'

@description('Application (client) ID of the bot\'s single-tenant app registration (MicrosoftAppId). Required with botAuthentication=ClientSecret; ignored with UserAssignedMSI.')
param botAppId string = ''

@description('Client secret of that app registration. Written to Key Vault only when given: give it on the first deployment and when you rotate it, and leave it out otherwise (the vault keeps the current one).')
@secure()
param botAppPassword string = ''

@description('Entra tenant ID of the bot app registration and of the Microsoft 365 tenant; the subscription must belong to it.')
param tenantId string = tenant().tenantId

// ---- Who may do what ---------------------------------------------------------------------------------

@description('Object ID of the Entra group whose (transitive) members may approve unblocks (APPROVER_GROUP_ID).')
@minLength(36)
@maxLength(36)
param approverGroupId string

@description('Object ID of the Entra group whose members may start requests (HELPDESK_GROUP_ID). Required unless allowAnyUserToStart is true.')
param helpdeskGroupId string = ''

@description('Let anyone in the tenant start requests when helpdeskGroupId is empty (ALLOW_ANY_USER_TO_START). Starting a request can reset a password and shows the temporary password.')
param allowAnyUserToStart bool = false

@description('Let a requester approve their own request (ALLOW_SELF_APPROVAL): for single-admin tenants only.')
param allowSelfApproval bool = false

@description('Hours before a pending request is reminded to the approvers (APPROVAL_REMIND_AFTER_H).')
@minValue(1)
param approvalRemindAfterHours int = 4

@description('Hours before a pending request expires, not unblocked (APPROVAL_EXPIRE_AFTER_H).')
@minValue(1)
param approvalExpireAfterHours int = 24

@description('Comma-separated tenant IDs whose people may use the bot (ALLOWED_TENANT_IDS). Empty: the bot\'s own tenant.')
param allowedTenantIds string = ''

@description('Keep the key that signs card button data in Key Vault (CARD_SIGNING_SECRET). False: the app generates one and keeps it in its store.')
param cardSigningSecretInKeyVault bool = false

@description('The card signing key (at least 32 characters, e.g. `openssl rand -base64 48`). Written to Key Vault only when given; needs cardSigningSecretInKeyVault=true.')
@secure()
param cardSigningSecret string = ''

// ---- Behaviour -----------------------------------------------------------------------------------------

@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
param logLevel string = 'info'

@description('Seconds between checks of the Restricted entities list while users wait to send again (RESUME_POLL_INTERVAL_S).')
@minValue(10)
param resumePollIntervalSeconds int = 60

@description('Graph message-trace calls the resume monitor may spend per 5 minutes, of the tenant\'s 100 (MESSAGE_TRACE_CALLS_PER_5_MIN).')
@minValue(1)
@maxValue(100)
param messageTraceCallsPer5Min int = 50

@description('Hours after an unblock before the bot stops waiting and reports that sending has not resumed (RESUME_GIVE_UP_AFTER_H).')
@minValue(1)
param resumeGiveUpAfterHours int = 24

@description('IANA time zone for dates and times on cards (TENANT_TIME_ZONE), e.g. Europe/Copenhagen.')
param tenantTimeZone string = 'UTC'

@description('How often an idle worker looks for due jobs, in milliseconds (WORKER_POLL_INTERVAL_MS).')
@minValue(1)
param workerPollIntervalMs int = 500

@description('Seconds a claimed job belongs to its worker before another may take it over (WORKER_LEASE_S).')
@minValue(1)
param workerLeaseSeconds int = 60

@description('Attempts of a job (an unblock, a notification) before its request fails visibly (JOB_MAX_ATTEMPTS).')
@minValue(1)
@maxValue(100)
param jobMaxAttempts int = 12

@description('Longest wait between two attempts of a job, in seconds (JOB_MAX_BACKOFF_S).')
@minValue(1)
param jobMaxBackoffSeconds int = 300

@description('Activities one person may send per minute (USER_RATE_LIMIT_PER_MIN).')
@minValue(1)
param userRateLimitPerMinute int = 60

@description('Turns in progress at once before HTTP 429 (MAX_CONCURRENT_TURNS).')
@minValue(1)
param maxConcurrentTurns int = 64

@description('Largest accepted request body in KB (MAX_BODY_KB).')
@minValue(1)
@maxValue(10240)
param maxBodyKb int = 256

// ---- Clouds: leave empty for the public cloud ------------------------------------------------------------

@description('Microsoft Graph root (GRAPH_BASE_URL).')
param graphBaseUrl string = 'https://graph.microsoft.com/v1.0'

@description('Exchange Online admin API root (EXO_BASE_URL).')
param exoBaseUrl string = 'https://outlook.office365.com/adminapi/beta'

@description('Entra authority for the Microsoft 365 tokens (AZURE_AUTHORITY_HOST). Empty: https://login.microsoftonline.com.')
param azureAuthorityHost string = ''

@description('Bot Framework channel settings (BOT_OPENID_METADATA, BOT_TOKEN_ISSUER, BOT_LOGIN_URL, BOT_OAUTH_SCOPE). Empty: the public cloud.')
param botOpenIdMetadata string = ''
param botTokenIssuer string = ''
param botLoginUrl string = ''
param botOAuthScope string = ''

@description('Bot Framework cloud (ChannelService): empty for the public cloud, https://botframework.azure.us for US Government.')
param botChannelService string = ''

@description('Public host name of the bot (BOT_DOMAIN): the Requests tab\'s single sign-on uses api://{domain}/{botAppId}. Set it to the web app\'s host name (output botDomain) or the custom domain in front of it; empty, the tab accepts only tokens whose audience is the bot\'s app id.')
param botDomain string = ''

// ---- Hosting -------------------------------------------------------------------------------------------

@description('App Service plan SKU. Always On needs Basic (B1) or higher.')
@allowed(['B1', 'B2', 'B3', 'S1', 'S2', 'S3', 'P0v3', 'P1v3', 'P2v3'])
param appServicePlanSku string = 'B1'

@description('Node.js runtime of the web app: an LTS release, 22 or newer (package.json engines, .nvmrc).')
@allowed(['22-lts', '24-lts'])
param nodeVersion string = '22-lts'

@description('Azure Bot pricing tier. Teams is a standard channel, free on F0.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Accept requests only from the Bot Framework (the AzureBotService service tag). This restricts the whole site, /healthz and /readyz included: monitor from inside (docs/operations.md).')
param restrictToBotService bool = false

@description('A Log Analytics workspace that receives the app\'s console and HTTP logs, with Application Insights (requests, failures, dependencies).')
param enableApplicationInsights bool = true

@description('Days to keep App Service HTTP logs and Log Analytics data.')
@minValue(1)
@maxValue(730)
param logRetentionDays int = 30

@description('Days a deleted Key Vault stays recoverable. With purge protection it cannot be purged sooner, and its name cannot be reused meanwhile.')
@minValue(7)
@maxValue(90)
param keyVaultRetentionDays int = 90

var suffix = uniqueString(resourceGroup().id, name)
var webAppName = '${name}-${suffix}'
var storageAccountName = 'st${suffix}'
var keyVaultName = 'kv${suffix}'
var botSecretName = 'MicrosoftAppPassword'
var cardSecretName = 'CardSigningSecret'
var botUsesManagedIdentity = botAuthentication == 'UserAssignedMSI'
var botIdentityName = '${name}-bot-id-${suffix}'
var botIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', botIdentityName)

// Built-in Azure role definition IDs (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var roles = {
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

// ---------------------------------------------------------------------------------------------------
// Identity: the web app's credential for Azure (Key Vault, Storage) and for Microsoft 365 (Graph and
// Exchange Online): AZURE_CLIENT_ID below makes @azure/identity use it. Its Microsoft 365 permissions
// are granted outside this template (docs/setup.md, "4. Grant Microsoft 365 permissions"). Whoever controls
// this resource group controls what this identity can do in Microsoft 365 (docs/security.md).
// ---------------------------------------------------------------------------------------------------
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id-${suffix}'
  location: location
}

// The bot's own identity when it uses no client secret: Teams traffic only, no Microsoft 365 permissions.
resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (botUsesManagedIdentity) {
  name: botIdentityName
  location: location
}

// ---------------------------------------------------------------------------------------------------
// Storage: STORE=azure, shared by every bot instance and the worker (src/store/azure/). Identity-based
// access only: no shared keys, so no connection string exists. The names are the store's own under
// AZURE_STORAGE_PREFIX (src/store/azure/open.ts, azureResourceNames); the app creates any that are missing.
// ---------------------------------------------------------------------------------------------------
var storePrefix = 'unblock'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    accessTier: 'Hot'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// Requests, with their audit entries and outbox rows in one partition per request.
resource requestsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: '${storePrefix}requests'
}

// The lists' indexes (by state, target user, requester, creation time).
resource requestIndexTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: '${storePrefix}requestindex'
}

// One row per job id: the job's status and the idempotency record.
resource jobsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: '${storePrefix}jobs'
}

resource referencesTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: '${storePrefix}references'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource jobsQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: '${storePrefix}-jobs'
}

// Jobs given up (their requests failed visibly), kept for an operator to look at.
resource poisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: '${storePrefix}-jobs-poison'
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource dialogStateContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: '${storePrefix}-state'
  properties: {
    publicAccess: 'None'
  }
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource blobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageBlobDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------------
// Key Vault (Azure RBAC, not access policies) with the bot's client secret. Soft delete is always on and
// purge protection keeps a deleted vault (and its secrets) recoverable for keyVaultRetentionDays: nobody,
// including an attacker holding the resource group, can destroy the secrets sooner.
// ---------------------------------------------------------------------------------------------------
resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    // The vault trusts the subscription's Entra tenant (which must also be the Microsoft 365 tenant:
    // the managed identity lives there and is granted the Microsoft 365 permissions there).
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
    softDeleteRetentionInDays: keyVaultRetentionDays
    publicNetworkAccess: 'Enabled'
  }
}

// Written only when given, so that a redeploy without the parameter keeps a secret rotated in the vault.
resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppPassword)) {
  parent: keyVault
  name: botSecretName
  properties: {
    value: botAppPassword
    contentType: 'Bot app registration client secret'
  }
}

resource cardSigningSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(cardSigningSecret)) {
  parent: keyVault
  name: cardSecretName
  properties: {
    value: cardSigningSecret
    contentType: 'HMAC key for card button data'
  }
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, roles.keyVaultSecretsUser)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------------
// Logs: App Service's own HTTP and application logs (always), and optionally a Log Analytics workspace
// with Application Insights. The Node agent (ApplicationInsightsAgent_EXTENSION_VERSION) collects
// requests, dependencies and exceptions without code changes; the app's own JSON log lines (stdout)
// reach the workspace as AppServiceConsoleLogs through the diagnostic setting below.
// ---------------------------------------------------------------------------------------------------
resource logWorkspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = if (enableApplicationInsights) {
  name: '${name}-logs-${suffix}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = if (enableApplicationInsights) {
  name: '${name}-ai-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logWorkspace.id
  }
}

// ---------------------------------------------------------------------------------------------------
// App settings: every variable src/config.ts reads in production (names as in .env.example), each from a
// parameter unless the deployment itself decides it:
// - PORT is not set: App Service sets PORT for its built-in Node image and routes 443 to it
//   (WEBSITES_PORT is only for custom containers).
// - STORE=azure on the Storage account above, through the managed identity (AZURE_CLIENT_ID): no
//   connection string, no SQLite and nothing on App Service's /home network share. Every instance of
//   the bot and of the worker shares it (see "Worker" below). WORKER=off: the worker is its own app.
// - Secrets are Key Vault references without a version, so App Service reads the newest one; an
//   unresolved reference stays literal text, which the app refuses at startup.
// ---------------------------------------------------------------------------------------------------
var appSettings = [
  {
    name: 'HOST'
    value: '0.0.0.0'
  }
  {
    name: 'MicrosoftAppId'
    value: botUsesManagedIdentity ? botIdentity.properties.clientId : botAppId
  }
  {
    name: 'MicrosoftAppPassword'
    value: botUsesManagedIdentity ? '' : '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${botSecretName})'
  }
  {
    name: 'MicrosoftAppType'
    value: botUsesManagedIdentity ? 'UserAssignedMSI' : 'SingleTenant'
  }
  {
    name: 'MicrosoftAppTenantId'
    value: tenantId
  }
  {
    name: 'TENANT_MODE'
    value: 'live'
  }
  {
    name: 'AZURE_TENANT_ID'
    value: tenantId
  }
  {
    name: 'AZURE_CLIENT_ID'
    value: identity.properties.clientId
  }
  {
    name: 'AZURE_AUTHORITY_HOST'
    value: azureAuthorityHost
  }
  {
    name: 'GRAPH_BASE_URL'
    value: graphBaseUrl
  }
  {
    name: 'EXO_BASE_URL'
    value: exoBaseUrl
  }
  {
    name: 'APPROVER_GROUP_ID'
    value: approverGroupId
  }
  {
    name: 'HELPDESK_GROUP_ID'
    value: helpdeskGroupId
  }
  {
    name: 'ALLOW_ANY_USER_TO_START'
    value: allowAnyUserToStart ? 'true' : 'false'
  }
  {
    name: 'ALLOW_SELF_APPROVAL'
    value: allowSelfApproval ? 'true' : 'false'
  }
  {
    name: 'APPROVAL_REMIND_AFTER_H'
    value: string(approvalRemindAfterHours)
  }
  {
    name: 'APPROVAL_EXPIRE_AFTER_H'
    value: string(approvalExpireAfterHours)
  }
  {
    name: 'ALLOWED_TENANT_IDS'
    value: allowedTenantIds
  }
  {
    name: 'CARD_SIGNING_SECRET'
    value: cardSigningSecretInKeyVault ? '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${cardSecretName})' : ''
  }
  {
    name: 'USER_RATE_LIMIT_PER_MIN'
    value: string(userRateLimitPerMinute)
  }
  {
    name: 'MAX_CONCURRENT_TURNS'
    value: string(maxConcurrentTurns)
  }
  {
    name: 'MAX_BODY_KB'
    value: string(maxBodyKb)
  }
  {
    name: 'STORE'
    value: 'azure'
  }
  {
    name: 'AZURE_STORAGE_ACCOUNT_URL'
    value: storage.properties.primaryEndpoints.blob
  }
  {
    name: 'AZURE_STORAGE_PREFIX'
    value: storePrefix
  }
  {
    name: 'WORKER'
    value: 'off'
  }
  {
    name: 'WORKER_POLL_INTERVAL_MS'
    value: string(workerPollIntervalMs)
  }
  {
    name: 'WORKER_LEASE_S'
    value: string(workerLeaseSeconds)
  }
  {
    name: 'JOB_MAX_ATTEMPTS'
    value: string(jobMaxAttempts)
  }
  {
    name: 'JOB_MAX_BACKOFF_S'
    value: string(jobMaxBackoffSeconds)
  }
  {
    name: 'RESUME_POLL_INTERVAL_S'
    value: string(resumePollIntervalSeconds)
  }
  {
    name: 'RESUME_GIVE_UP_AFTER_H'
    value: string(resumeGiveUpAfterHours)
  }
  {
    name: 'MESSAGE_TRACE_CALLS_PER_5_MIN'
    value: string(messageTraceCallsPer5Min)
  }
  {
    name: 'TENANT_TIME_ZONE'
    value: tenantTimeZone
  }
  {
    name: 'LOG_LEVEL'
    value: logLevel
  }
  {
    name: 'BOT_OPENID_METADATA'
    value: botOpenIdMetadata
  }
  {
    name: 'BOT_TOKEN_ISSUER'
    value: botTokenIssuer
  }
  {
    name: 'BOT_LOGIN_URL'
    value: botLoginUrl
  }
  {
    name: 'BOT_OAUTH_SCOPE'
    value: botOAuthScope
  }
  {
    name: 'ChannelService'
    value: botChannelService
  }
  {
    name: 'BOT_DOMAIN'
    value: botDomain
  }
]

// App Service's own settings, not read by the app.
var platformSettings = concat(
  [
    // Build (npm install, which compiles better-sqlite3) on zip deploy.
    {
      name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
      value: 'true'
    }
  ],
  enableApplicationInsights
    ? [
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
          value: '~3'
        }
      ]
    : []
)

// Scale-out: several bot instances behind App Service and the worker as an app of its own, all on the
// Azure Storage store (STORE=azure), which holds every piece of shared state.
@description('Instances of the App Service plan: each runs one bot and one worker. At least 2 (B1 allows up to 3, S1 up to 10).')
@minValue(2)
@maxValue(10)
param instances int = 2

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: instances
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: union(
      {
        '${identity.id}': {}
      },
      botUsesManagedIdentity
        ? {
            '${botIdentityId}': {}
          }
        : {}
    )
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    // Key Vault references resolve with this identity (the default would be a system-assigned one).
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|${nodeVersion}'
      appCommandLine: 'npm start'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Only the Bot Framework's addresses reach the site when restrictToBotService is on; the Kudu (scm)
      // site keeps its own, unrestricted rules so that deployments still work.
      ipSecurityRestrictionsDefaultAction: restrictToBotService ? 'Deny' : 'Allow'
      ipSecurityRestrictions: restrictToBotService
        ? [
            {
              name: 'AzureBotService'
              description: 'The Bot Framework Service, which delivers Teams activities'
              action: 'Allow'
              tag: 'ServiceTag'
              ipAddress: 'AzureBotService'
              priority: 100
            }
          ]
        : []
      scmIpSecurityRestrictionsUseMain: false
      appSettings: concat(appSettings, platformSettings)
    }
  }
  // The secret reference must be readable when the app first starts.
  dependsOn: [
    keyVaultSecretsUser
    botIdentity
  ]
}

// No FTP and no basic-authentication publishing: deployments authenticate with Entra ID
// (`az webapp deploy` does), and there is no publishing password to leak.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// ---------------------------------------------------------------------------------------------------
// Worker: `npm run worker` as a second App Service app on the same plan, so it runs on every instance
// beside the bot. Why an app and not a WebJob or the bot's own process: it deploys the same zip with the
// same Node runtime, identity and Key Vault references; it restarts, logs and can be stopped apart from
// the bot; and it costs no extra plan. Any number of workers may run: a job id is claimed by one of them,
// and the resume monitor runs once per interval across all of them. App Service probes every app's port
// (8080 for its Node image), so the worker answers /healthz and /readyz there and nothing else.
// ---------------------------------------------------------------------------------------------------
var workerAppSettings = concat(appSettings, platformSettings, [
  {
    name: 'WORKER_HEALTH_PORT'
    value: '8080'
  }
])

resource workerApp 'Microsoft.Web/sites@2023-12-01' = {
  name: '${name}-worker-${suffix}'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|${nodeVersion}'
      appCommandLine: 'npm run worker'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: workerAppSettings
    }
  }
  dependsOn: [
    keyVaultSecretsUser
  ]
}

resource workerFtpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: workerApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource workerScmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: workerApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// App Service diagnostic logs: application logs (the app's JSON lines) and HTTP logs on the file system,
// visible in the log stream (`az webapp log tail`) and kept for logRetentionDays.
resource webAppLogs 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'logs'
  properties: {
    applicationLogs: {
      fileSystem: {
        level: 'Information'
      }
    }
    httpLogs: {
      fileSystem: {
        enabled: true
        retentionInDays: logRetentionDays
        retentionInMb: 35
      }
    }
    detailedErrorMessages: {
      enabled: false
    }
    failedRequestsTracing: {
      enabled: false
    }
  }
}

// The same logs, and App Service's platform logs and metrics, in the Log Analytics workspace, where
// docs/operations.md queries them ("job given up", "readiness check failed") and alerts on them.
resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2016-09-01' = if (enableApplicationInsights) {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logWorkspace.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceAppLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

// ---------------------------------------------------------------------------------------------------
// Azure Bot: single-tenant registration (or the bot's managed identity) pointing at the web app, with the
// Microsoft Teams channel.
// ---------------------------------------------------------------------------------------------------
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'Unblock assistant'
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botUsesManagedIdentity ? botIdentity.properties.clientId : botAppId
    msaAppType: botUsesManagedIdentity ? 'UserAssignedMSI' : 'SingleTenant'
    msaAppTenantId: tenantId
    msaAppMSIResourceId: botUsesManagedIdentity ? botIdentityId : null
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Host name to use as BOT_DOMAIN for `npm run package`.')
output botDomain string = webApp.properties.defaultHostName
@description('The bot\'s app ID (MicrosoftAppId for `npm run package`): the app registration, or the bot\'s managed identity.')
output teamsAppId string = botUsesManagedIdentity ? botIdentity.properties.clientId : botAppId
output messagingEndpoint string = bot.properties.endpoint
output webAppName string = webApp.name
@description('Deploy the same zip to this app too: it runs `npm run worker`.')
output workerAppName string = workerApp.name
@description('Deploy the same zip to this app too: it runs `npm run worker`.')
output workerAppName string = workerApp.name
@description('Grant the Microsoft 365 permissions to this service principal (object ID).')
output managedIdentityPrincipalId string = identity.properties.principalId
output managedIdentityClientId string = identity.properties.clientId
output keyVaultName string = keyVault.name
output storageAccountName string = storage.name
output storageTableEndpoint string = storage.properties.primaryEndpoints.table
output storageQueueEndpoint string = storage.properties.primaryEndpoints.queue
output storageBlobEndpoint string = storage.properties.primaryEndpoints.blob
output applicationInsightsName string = enableApplicationInsights ? appInsights.name : ''
