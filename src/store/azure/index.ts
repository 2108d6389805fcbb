// The Azure Storage store, for deployments with several bot and worker processes (never SQLite on App
// Service's network share).
export {
  type AzureStore,
  azureResourceNames,
  openAzureStore,
} from './open.js';
