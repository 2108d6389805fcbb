// Opens the Azure Storage store: Table Storage for requests (with their audit entries and outbox), their
// indexes, jobs and conversation references; Queue Storage for the jobs' messages and the poison queue;
// Blob Storage for dialog state. Any number of bot and worker processes can open the same account.
// Deployments connect with a Microsoft Entra credential (managed identity, shared keys off); Azurite and
// local runs with a connection string.
import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { ContainerClient } from '@azure/storage-blob';
import { QueueClient } from '@azure/storage-queue';
import { type Store, StoreUnavailableError } from '../ports.js';
import { AzureAuditLog } from './audit.js';
import { ChangeMarker } from './changeMarker.js';
import { AzureConversationStore } from './conversations.js';
import { isConflict } from './errors.js';
import { AzureImporter } from './importer.js';
import { AzureJobQueue } from './jobs.js';
import type { AzureLogger } from './logger.js';
import { RequestOutbox } from './outbox.js';
import { RequestIndex } from './requestIndex.js';
import { AzureRequestStore } from './requests.js';
import { AzureRequestSearch } from './search.js';
import { AzureBlobStateStore } from './state.js';

export type AzureStorageConnection =
  /** Azurite or a key-based account: `UseDevelopmentStorage=true`, or a full connection string. */
  | { connectionString: string }
  /** The account's service endpoints and a credential (DefaultAzureCredential: managed identity on Azure). */
  | { endpoints: { table: string; queue: string; blob: string }; credential: TokenCredential };

export interface AzureStoreOptions {
  connection: AzureStorageConnection;
  /** Starts every table, queue and container name, so several deployments can share an account. */
  prefix: string;
  logger: AzureLogger;
  /** How often an idle worker also searches the jobs table for jobs the queue does not show. */
  jobSweepIntervalMs?: number;
  /** Seconds a commit's job messages stay hidden before a worker checks the commit landed (default 60). */
  outboxGraceS?: number;
}

/** The names of the tables, queues and container under a prefix (deploy/main.bicep creates the same). */
export function azureResourceNames(prefix: string) {
  return {
    requestsTable: `${prefix}requests`,
    indexTable: `${prefix}requestindex`,
    jobsTable: `${prefix}jobs`,
    referencesTable: `${prefix}references`,
    jobsQueue: `${prefix}-jobs`,
    poisonQueue: `${prefix}-jobs-poison`,
    stateContainer: `${prefix}-state`,
  };
}

const DEFAULT_SWEEP_INTERVAL_MS = 5 * 60_000;

function clients(connection: AzureStorageConnection, prefix: string) {
  const names = azureResourceNames(prefix);
  if ('connectionString' in connection) {
    const cs = connection.connectionString;
    // Azurite serves plain HTTP on loopback; a real account's connection string says https.
    const tableOptions: TableServiceClientOptions = { allowInsecureConnection: true };
    return {
      requests: TableClient.fromConnectionString(cs, names.requestsTable, tableOptions),
      index: TableClient.fromConnectionString(cs, names.indexTable, tableOptions),
      jobs: TableClient.fromConnectionString(cs, names.jobsTable, tableOptions),
      references: TableClient.fromConnectionString(cs, names.referencesTable, tableOptions),
      queue: new QueueClient(cs, names.jobsQueue),
      poison: new QueueClient(cs, names.poisonQueue),
      state: new ContainerClient(cs, names.stateContainer),
    };
  }
  const { endpoints, credential } = connection;
  const under = (base: string, name: string) => `${base.replace(/\/+$/, '')}/${name}`;
  return {
    requests: new TableClient(endpoints.table, names.requestsTable, credential),
    index: new TableClient(endpoints.table, names.indexTable, credential),
    jobs: new TableClient(endpoints.table, names.jobsTable, credential),
    references: new TableClient(endpoints.table, names.referencesTable, credential),
    queue: new QueueClient(under(endpoints.queue, names.jobsQueue), credential),
    poison: new QueueClient(under(endpoints.queue, names.poisonQueue), credential),
    state: new ContainerClient(under(endpoints.blob, names.stateContainer), credential),
  };
}

type Clients = ReturnType<typeof clients>;

/** Creates whatever does not exist yet; deploy/main.bicep creates them too, so this is usually a no-op. */
async function ensureResources(c: Clients): Promise<void> {
  const createTable = async (table: TableClient) => {
    try {
      await table.createTable();
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  };
  await Promise.all([
    createTable(c.requests),
    createTable(c.index),
    createTable(c.jobs),
    createTable(c.references),
    c.queue.createIfNotExists(),
    c.poison.createIfNotExists(),
    c.state.createIfNotExists(),
  ]);
}

/** The Azure store, plus the importer `npm run migrate-store` copies another store's records with. */
export interface AzureStore extends Store {
  importer: AzureImporter;
}

export async function openAzureStore(options: AzureStoreOptions): Promise<AzureStore> {
  const c = clients(options.connection, options.prefix);
  const where =
    'connectionString' in options.connection ? 'the connection string' : options.connection.endpoints.table;
  try {
    await ensureResources(c);
  } catch (error) {
    throw unavailable(`Cannot open the Azure Storage store at ${where}`, error);
  }
  const jobs = new AzureJobQueue({
    jobs: c.jobs,
    requests: c.requests,
    queue: c.queue,
    poison: c.poison,
    logger: options.logger,
    sweepIntervalMs: options.jobSweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS,
    outboxGraceS: options.outboxGraceS,
  });
  const index = new RequestIndex(c.index, options.logger);
  const outbox = new RequestOutbox(jobs, c.requests);
  options.logger.info({ store: 'azure', at: where, prefix: options.prefix }, 'azure storage store opened');
  let closed = false;
  const changes = new ChangeMarker(c.requests);
  const requests = new AzureRequestStore(c.requests, index, outbox, options.logger, changes);
  return {
    requests,
    search: new AzureRequestSearch(index, (id) => requests.get(id), changes),
    importer: new AzureImporter(c.requests, requests),
    audit: new AzureAuditLog(c.requests, changes),
    conversations: new AzureConversationStore(c.references, c.requests),
    state: new AzureBlobStateStore(c.state),
    jobs,
    async ping() {
      try {
        if (closed) throw new Error('the store was closed');
        // Reads the data roles allow (a table's ACL would need a shared key): one queue, one table query.
        const query = c.requests.listEntities({ queryOptions: { filter: "PartitionKey eq 'ping'" } });
        await Promise.all([c.queue.getProperties(), query.byPage({ maxPageSize: 1 }).next()]);
      } catch (error) {
        throw unavailable(`The Azure Storage store at ${where} cannot be read`, error);
      }
    },
    async close() {
      // The clients hold no connections of their own to release (HTTP keep-alive sockets time out).
      closed = true;
    },
  };
}

/** The reason without the error's message, which can carry a request URL: no secrets in the text. */
function unavailable(what: string, error: unknown): StoreUnavailableError {
  const status = (error as { statusCode?: number })?.statusCode;
  const code = (error as { code?: string })?.code;
  const reason = status
    ? `HTTP ${status}${code ? ` ${code}` : ''}`
    : error instanceof Error
      ? error.name
      : 'error';
  return new StoreUnavailableError(
    `${what} (${reason}). Check AZURE_STORAGE_ACCOUNT_URL or AZURE_STORAGE_CONNECTION_STRING, and that this ` +
      'identity has the Storage Table, Queue and Blob Data Contributor roles on the account.',
    { cause: error },
  );
}
