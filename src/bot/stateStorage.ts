// botbuilder's Storage on top of our StateStore, so dialog state lives in the same store as requests
// (SQLite by default) and survives a restart.
import type { Storage, StoreItems } from 'botbuilder';
import type { StateStore } from '../store/index.js';

export class StateStoreStorage implements Storage {
  constructor(private readonly state: StateStore) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.state.read(keys);
    const result: StoreItems = {};
    for (const [key, item] of Object.entries(items)) result[key] = { ...item.value, eTag: item.eTag };
    return result;
  }

  async write(changes: StoreItems): Promise<void> {
    const writes: Record<string, { value: object; eTag?: string }> = {};
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as { eTag?: string };
      writes[key] = { value, eTag };
    }
    await this.state.write(writes);
  }

  async delete(keys: string[]): Promise<void> {
    await this.state.delete(keys);
  }
}
