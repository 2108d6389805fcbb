// Key-value dialog state with eTags in Azure Blob Storage, for src/bot/ to wrap as botbuilder's Storage (the
// way botbuilder-azure-blobs' BlobsStorage keeps it, but usable by every process, not only src/bot/). One
// blob per key; a write with an eTag is conditional on it (If-Match), which is the concurrency control.
// Values may be larger than a table row allows, which is why this is a blob and not a table.
import type { ContainerClient } from '@azure/storage-blob';
import { StateConflictError, type StateItem, type StateStore } from '../ports.js';
import { parseStoredObject } from '../sqlite/json.js';
import { isConflict, isNotFound, isPreconditionFailed } from './errors.js';
import { escapeKey } from './keys.js';

type Changes = Record<string, { value: object; eTag?: string }>;

export class AzureBlobStateStore implements StateStore {
  constructor(private readonly container: ContainerClient) {}

  async read(keys: string[]): Promise<Record<string, StateItem>> {
    const items = await Promise.all(keys.map(async (key) => [key, await this.readOne(key)] as const));
    // fromEntries defines own properties, so a caller's key "__proto__" cannot set the record's prototype.
    return Object.fromEntries(items.filter((item): item is [string, StateItem] => item[1] !== null));
  }

  async write(changes: Changes): Promise<void> {
    const outcomes = await Promise.allSettled(
      Object.entries(changes).map(([key, change]) => this.writeOne(key, change)),
    );
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async writeIfAbsent(key: string, value: object): Promise<boolean> {
    const body = JSON.stringify(value);
    try {
      await this.blob(key).upload(body, Buffer.byteLength(body), {
        blobHTTPHeaders: { blobContentType: 'application/json' },
        // If-None-Match: * — the blob service refuses the write when the blob exists (409).
        conditions: { ifNoneMatch: '*' },
      });
      return true;
    } catch (error) {
      if (isConflict(error) || isPreconditionFailed(error)) return false;
      throw error;
    }
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.blob(key).deleteIfExists()));
  }

  private blob(key: string) {
    return this.container.getBlockBlobClient(escapeKey(key));
  }

  private async readOne(key: string): Promise<StateItem | null> {
    try {
      // One download gives the content and the eTag of that very content.
      const response = await this.blob(key).download();
      const chunks: Buffer[] = [];
      for await (const chunk of response.readableStreamBody ?? []) chunks.push(Buffer.from(chunk as Buffer));
      const value = parseStoredObject(Buffer.concat(chunks).toString('utf8'), 'state item');
      return { value, eTag: response.etag ?? '' };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  private async writeOne(key: string, change: { value: object; eTag?: string }): Promise<void> {
    const body = JSON.stringify(change.value);
    const conditional = change.eTag !== undefined && change.eTag !== '*';
    try {
      await this.blob(key).upload(body, Buffer.byteLength(body), {
        blobHTTPHeaders: { blobContentType: 'application/json' },
        ...(conditional ? { conditions: { ifMatch: change.eTag } } : {}),
      });
    } catch (error) {
      // 412: changed since it was read; 404: an eTag for a key that does not exist (deleted since).
      if (conditional && (isPreconditionFailed(error) || isNotFound(error))) {
        throw new StateConflictError(`State "${key}" was changed by someone else (eTag mismatch).`);
      }
      throw error;
    }
  }
}
