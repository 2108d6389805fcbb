// The store's public surface: the ports the bot and the worker use, and the implementations app.ts picks.

export {
  type AzureStore,
  azureResourceNames,
  openAzureStore,
} from './azure/index.js';
export { type MigrationSummary, migrateStore } from './migration.js';
export * from './ports.js';
export { openSqliteStore } from './sqlite/index.js';
