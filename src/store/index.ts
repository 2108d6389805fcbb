// The store's public surface: the ports the bot and the worker use, and the implementations app.ts picks.

export {
  type AzureStorageConnection,
  type AzureStore,
  type AzureStoreOptions,
  azureResourceNames,
  openAzureStore,
} from './azure/index.js';
export { type MigrationProgress, type MigrationSummary, migrateStore } from './migration.js';
export * from './ports.js';
export { openSqliteStore, type SqliteStoreOptions, type StoreLogger } from './sqlite/index.js';
