// The store contract on Azure Storage, served by Azurite started for this file, plus what only the Azure
// store promises: the queue's visibility delay schedules jobs and its visibility timeout is the lease, a
// request's commit survives a writer that stops half-way (outbox), and a job given up goes to the poison
// queue.
import pino from 'pino';
import { openAzureStore } from '../../src/store/index.js';
import { type Azurite, startAzurite, uniquePrefix } from '../support/azurite.js';
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
});
