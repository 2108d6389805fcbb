import { strict as assert } from 'node:assert';
import { FaultInjector, seededRandom } from '../../../src/tenant/simulator/faults.js';

describe('simulator fault injection', () => {
  it('plays a scripted sequence, then lets requests through', () => {
    const faults = new FaultInjector(
      { graph: { sequence: [429, null, 503], retryAfterSeconds: 2 } },
      () => 0,
    );
    assert.deepEqual(faults.next('graph'), { status: 429, retryAfterSeconds: 2 });
    assert.equal(faults.next('graph'), null);
    assert.deepEqual(faults.next('graph'), { status: 503, retryAfterSeconds: 2 });
    assert.equal(faults.next('graph'), null);
    assert.equal(faults.next('exchange'), null, 'plans are per API');
  });

  it('sends Retry-After 1 s on 429 and none on 503 by default', () => {
    const faults = new FaultInjector({ exchange: { sequence: [429, 503] } }, () => 0);
    assert.equal(faults.next('exchange')?.retryAfterSeconds, 1);
    assert.equal(faults.next('exchange')?.retryAfterSeconds, null);
  });

  it('is reproducible with the same seed', () => {
    const run = () => {
      const faults = new FaultInjector({ exchange: { probability: 0.3, status: 503 } }, seededRandom(42));
      return Array.from({ length: 50 }, () => faults.next('exchange')?.status ?? 200);
    };
    const first = run();
    assert.deepEqual(run(), first);
    const failures = first.filter((s) => s === 503).length;
    assert.ok(failures > 5 && failures < 30, `${failures} failures of 50 at p=0.3`);
  });

  it('mixes throttling and outages when given both statuses', () => {
    const faults = new FaultInjector(
      { exchange: { probability: 0.5, statuses: [429, 503], retryAfterSeconds: 0 } },
      seededRandom(7),
    );
    const seen = Array.from({ length: 200 }, () => faults.next('exchange')?.status ?? 200);
    assert.ok(seen.includes(429) && seen.includes(503) && seen.includes(200), 'both faults, and successes');
  });
});
