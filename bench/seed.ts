// A store with history, as a bot some months into use has: many agents' requests, a few of them by the
// benchmark's agent, so "status" reads a realistic table and a restart opens a non-empty database.
import { openSqliteStore } from '../src/store/index.js';
import { SEED } from '../src/tenant/index.js';
import { requestIn } from './requests.js';

export const SEEDED_REQUESTS = 2000;
/** Every this-many-th seeded request is the benchmark agent's own. */
const MINE_EVERY = 50;

export async function seedHistory(dataDir: string): Promise<void> {
  const store = openSqliteStore({ dataDir });
  const start = Date.now() - 30 * 24 * 3600_000;
  for (let i = 0; i < SEEDED_REQUESTS; i++) {
    const mine = i % MINE_EVERY === 0;
    const request = requestIn({
      state: i % 10 === 0 ? 'rejected' : 'resumed',
      address: `history${i}@contoso.com`,
      conversationId: mine ? 'a:1bench0000' : `a:1history${i % 40}`,
      requester: mine
        ? { aadObjectId: SEED.users.agent.id, name: 'Megan Bowen' }
        : {
            aadObjectId: `00000000-0000-4000-8000-${String(i % 40).padStart(12, '0')}`,
            name: `Agent ${i % 40}`,
          },
      at: new Date(start + i * 20 * 60_000),
    });
    await store.requests.create(request);
  }
  await store.close();
}
