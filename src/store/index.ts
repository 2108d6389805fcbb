// The store's public surface: the ports the bot and the worker use, and the implementations app.ts picks.
export * from './ports.js';
export { openSqliteStore, type SqliteStoreOptions, type StoreLogger } from './sqlite/index.js';
export { type AzureStorageConnection, type AzureStoreOptions, azureResourceNames, openAzureStore } from './azure/index.js';
