// The jobs a request commit implies, made as reliable as the commit itself. Azure Storage has no
// transaction across a table and a queue, so a commit writes its jobs as outbox rows in the request's own
// partition, in the same entity-group transaction as the request and its audit entries. Then it dispatches
// them: each job's row goes into the jobs table and its message becomes visible in the queue.
//
// Each job's message is sent, hidden, BEFORE the transaction and names the request partition. If the
// writer stops after the commit, the message appears after a grace period and the worker that receives it
// finds the outbox row and finishes the dispatch. If the commit did not land (a conflict), the writer
// deletes the message; if the writer stopped before it could, the receiver finds no outbox row and drops
// the message. So nothing scans for outbox rows, and no job exists without a message.
import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { NewJob } from '../ports.js';
import { isNotFound } from './errors.js';
import type { AzureJobQueue, MessageHandle } from './jobs.js';
import { documentProperties, escapeKey } from './keys.js';

export function outboxRowKey(jobId: string): string {
  return `outbox|${escapeKey(jobId)}`;
}

export class RequestOutbox {
  constructor(
    private readonly jobs: AzureJobQueue,
    private readonly requests: TableClient,
  ) {}

  /** Before the transaction: one hidden message per job. */
  prepare(partitionKey: string, jobs: NewJob[]): Promise<MessageHandle[]> {
    return Promise.all(jobs.map((job) => this.jobs.sendForOutbox(job, partitionKey)));
  }

  /** The outbox rows to add to the commit's transaction (upserts: a job id may be committed again). */
  rows(partitionKey: string, jobs: NewJob[]): TransactionAction[] {
    return jobs.map((job) => [
      'upsert',
      {
        partitionKey,
        rowKey: outboxRowKey(job.id),
        kind: 'outbox',
        jobId: job.id,
        ...documentProperties({ ...job, runAt: (job.runAt ?? new Date()).toISOString() }),
      },
      'Replace',
    ]);
  }

  /** After the commit: the jobs' rows and visible messages, then the outbox rows go. */
  async dispatch(partitionKey: string, jobs: NewJob[], messages: MessageHandle[]): Promise<void> {
    await Promise.all(
      jobs.map(async (job, i) => {
        const message = messages[i];
        if (message) await this.jobs.dispatch(job, message);
      }),
    );
    await Promise.all(
      jobs.map((job) =>
        this.requests.deleteEntity(partitionKey, outboxRowKey(job.id)).catch((error: unknown) => {
          // Already dispatched by a worker that received the message first.
          if (!isNotFound(error)) throw error;
        }),
      ),
    );
  }

  /** The commit did not happen: its messages must never run. */
  async discard(messages: MessageHandle[]): Promise<void> {
    await Promise.all(messages.map((message) => this.jobs.discard(message)));
  }
}
