// unblock-assistant on Azure: Azure Bot (Teams channel) → App Service (Linux, Node) with a user-assigned
// managed identity, a Storage account and a Key Vault (RBAC) holding the bot's client secret.
// Deploy into an existing resource group; see docs/setup.md ("Deploy to Azure").
//
// Written by hand: the Bicep compiler was not available where this was authored, so run
// `az bicep build --file deploy/main.bicep` (or `az deployment group what-if …`) before the first deploy.
// test/unit/deploy/ checks the app settings against src/config.ts and the template's shape, not ARM.

targetScope = 'resourceGroup'

@description('Short name used to build resource names, e.g. "unblock". Letters, digits and hyphens.')
@minLength(3)
@maxLength(20)
param name string = 'unblock'

@description('Region for the App Service, Storage account, Key Vault and identity. The bot itself is global.')
param location string = resourceGroup().location

@description('Application (client) ID of the bot\'s single-tenant app registration (MicrosoftAppId).')
@minLength(36)
@maxLength(36)
param botAppId string

@description('Client secret of that app registration. Stored in Key Vault; the web app reads it by Key Vault reference.')
@secure()
param botAppPassword string

@description('Entra tenant ID of the bot app registration and of the Microsoft 365 tenant; the subscription must belong to it.')
param tenantId string = tenant().tenantId

@description('Object ID of the Entra group whose (transitive) members may approve unblocks.')
@minLength(36)
@maxLength(36)
param approverGroupId string

@description('Optional object ID of an Entra group: only its members may start requests. Empty = anyone in the tenant.')
param helpdeskGroupId string = ''

@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
param logLevel string = 'info'

@description('Seconds between checks of the Restricted entities list while users wait to send again.')
@minValue(10)
param resumePollIntervalSeconds int = 60

@description('Hours after an unblock before the bot stops waiting and reports that sending has not resumed.')
@minValue(1)
param resumeGiveUpAfterHours int = 24

@description('App Service plan SKU. Always On needs Basic (B1) or higher.')
@allowed(['B1', 'B2', 'B3', 'S1', 'S2', 'S3', 'P0v3', 'P1v3', 'P2v3'])
param appServicePlanSku string = 'B1'

@description('Node.js runtime of the web app (package.json allows 20 and 22).')
@allowed(['20-lts', '22-lts'])
param nodeVersion string = '20-lts'

@description('Azure Bot pricing tier. Teams is a standard channel, free on F0.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

var suffix = uniqueString(resourceGroup().id, name)
var webAppName = '${name}-${suffix}'
var storageAccountName = 'st${suffix}'
var keyVaultName = 'kv${suffix}'
var botSecretName = 'MicrosoftAppPassword'

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
// are granted outside this template (docs/setup.md, "Grant Microsoft 365 permissions").
// ---------------------------------------------------------------------------------------------------
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id-${suffix}'
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
// Key Vault (Azure RBAC, not access policies) with the bot's client secret. Soft delete is always on:
// after deleting the resource group, purge the vault before redeploying to the same group name.
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
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Enabled'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: botSecretName
  properties: {
    value: botAppPassword
    contentType: 'Bot app registration client secret'
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
// App settings: every variable src/config.ts reads in production (names as in .env.example).
// - PORT is not set: App Service sets PORT for its built-in Node image and routes 443 to it
//   (WEBSITES_PORT is only for custom containers).
// - STORE=azure on the Storage account above, through the managed identity (AZURE_CLIENT_ID): no
//   connection string, no SQLite and nothing on App Service's /home network share. Every instance of
//   the bot and of the worker shares it (see "Scale-out" below). WORKER=off: the worker is its own app.
// ---------------------------------------------------------------------------------------------------
var appSettings = [
  {
    name: 'HOST'
    value: '0.0.0.0'
  }
  {
    name: 'MicrosoftAppId'
    value: botAppId
  }
  {
    name: 'MicrosoftAppPassword'
    value: '@Microsoft.KeyVault(SecretUri=${botPasswordSecret.properties.secretUri})'
  }
  {
    name: 'MicrosoftAppType'
    value: 'SingleTenant'
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
    name: 'APPROVER_GROUP_ID'
    value: approverGroupId
  }
  {
    name: 'HELPDESK_GROUP_ID'
    value: helpdeskGroupId
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
    name: 'LOG_LEVEL'
    value: logLevel
  }
  {
    name: 'RESUME_POLL_INTERVAL_S'
    value: string(resumePollIntervalSeconds)
  }
  {
    name: 'RESUME_GIVE_UP_AFTER_H'
    value: string(resumeGiveUpAfterHours)
  }
  // App Service's own setting: build (npm install, which compiles better-sqlite3) on zip deploy.
  {
    name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
    value: 'true'
  }
]

// ---------------------------------------------------------------------------------------------------
// Scale-out: several bot instances behind App Service and the worker as an app of its own, all on the
// Azure Storage store (STORE=azure), which holds every piece of shared state.
// ---------------------------------------------------------------------------------------------------
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
    userAssignedIdentities: {
      '${identity.id}': {}
    }
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
      appSettings: appSettings
    }
  }
  // The secret reference must be readable when the app first starts.
  dependsOn: [
    keyVaultSecretsUser
  ]
}

// ---------------------------------------------------------------------------------------------------
// Worker: `npm run worker` as a second App Service app on the same plan, so it runs on every instance
// beside the bot. Why an app and not a WebJob or the bot's own process: it deploys the same zip with the
// same Node runtime, identity and Key Vault references; it restarts, logs and can be stopped apart from
// the bot; and it costs no extra plan. Any number of workers may run: a job id is claimed by one of them,
// and the resume monitor runs once per interval across all of them. App Service probes every app's port
// (8080 for its Node image), so the worker answers /healthz and /readyz there and nothing else.
// ---------------------------------------------------------------------------------------------------
var workerAppSettings = concat(appSettings, [
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

// ---------------------------------------------------------------------------------------------------
// Azure Bot: single-tenant registration pointing at the web app, with the Microsoft Teams channel.
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
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
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
output messagingEndpoint string = bot.properties.endpoint
output webAppName string = webApp.name
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
