// The pacer keeps proactive sends under Teams' limits, measured on a fake clock.
import { strict as assert } from 'node:assert';
import { Pacer } from '../../../src/bot/proactive/pacer.js';

function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
    at: () => now,
  };
}

describe('Pacer', () => {
  it('lets 7 sends to one conversation through at once and holds the 8th past the 1-second window', async () => {
    const clock = fakeClock();
    const pacer = new Pacer({ now: clock.now, sleep: clock.sleep, marginMs: 50 });
    for (let i = 0; i < 7; i++) await pacer.take('a');
    assert.equal(clock.at(), 0);
    await pacer.take('a');
    assert.equal(clock.at(), 1050, 'one window plus the margin');
  });

  it('keeps 8 per 2 seconds per conversation', async () => {
    const clock = fakeClock();
    const pacer = new Pacer({ now: clock.now, sleep: clock.sleep, marginMs: 0 });
    for (let i = 0; i < 9; i++) await pacer.take('a');
    // 7 at 0 ms, the 8th at 1000 ms (first window), the 9th must wait for the 2-second window.
    assert.equal(clock.at(), 2000);
  });

  it('caps all conversations together at 50 per second', async () => {
    const clock = fakeClock();
    const pacer = new Pacer({ now: clock.now, sleep: clock.sleep, marginMs: 0 });
    for (let i = 0; i < 50; i++) await pacer.take(`c${i}`);
    assert.equal(clock.at(), 0);
    await pacer.take('c50');
    assert.equal(clock.at(), 1000);
  });

  it('serves concurrent callers one at a time, each counted', async () => {
    const clock = fakeClock();
    const pacer = new Pacer({ now: clock.now, sleep: clock.sleep, marginMs: 0 });
    await Promise.all(Array.from({ length: 14 }, () => pacer.take('a')));
    assert.equal(clock.at(), 2000, '7 + 1 + … never more than the windows allow');
  });
});
