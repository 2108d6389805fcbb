// The store contract on Azure Storage, served by Azurite started for this file, plus what only the Azure
// store promises (azureQueue.ts).
import pino from 'pino';
import { openAzureStore } from '../../src/store/index.js';
import { type Azurite, startAzurite, uniquePrefix } from '../support/azurite.js';
import { describeAzureQueue } from './azureQueue.js';
import { describeRequestSearchContract } from './search.contract.js';
import { describeStoreContract } from './store.contract.js';

const silent = pino({ level: 'silent' });

describe('Azure Storage store on Azurite', function () {
  this.timeout(30_000);
  let azurite: Azurite;

  before(async () => {
    azurite = await startAzurite();
  });
  after(async () => {
    await azurite?.stop();
  });

  describeStoreContract('azure', async () => {
    const store = await openAzureStore({
      connection: { connectionString: azurite.connectionString },
      prefix: uniquePrefix(),
      logger: silent,
    });
    return { store, cleanup: () => store.close() };
  });

  describeRequestSearchContract('azure', async () => {
    const store = await openAzureStore({
      connection: { connectionString: azurite.connectionString },
      prefix: uniquePrefix(),
      logger: silent,
    });
    return { store, cleanup: () => store.close() };
  });

  describeAzureQueue(() => azurite.connectionString);
});
