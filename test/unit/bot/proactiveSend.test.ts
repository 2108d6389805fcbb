// What a failed proactive send means for the worker (src/bot/proactive/proactiveSend.ts), from the errors
// botbuilder's connector client throws: throttled with Teams' Retry-After, unreachable for a bot removed or
// blocked (dropped, not retried), transient for anything else; and what it logs.
import { strict as assert } from 'node:assert';
import pino from 'pino';
import { classifyDeliveryError } from '../../../src/bot/proactive/proactiveSend.js';

/** An error shaped like botbuilder's RestError: a status code and the response headers. */
function restError(statusCode: number, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(`HTTP ${statusCode}`), {
    statusCode,
    response: { headers: { get: (name: string) => headers[name.toLowerCase()] } },
  });
}

describe('classifying a failed proactive send', () => {
  let lines: Record<string, unknown>[];
  let logger: pino.Logger;
  beforeEach(() => {
    lines = [];
    logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  });

  it('retries a 429 after the seconds Teams asks for, or after a second when it does not say', () => {
    assert.deepEqual(classifyDeliveryError(restError(429, { 'retry-after': '7' }), 'k', logger), {
      ok: false,
      reason: 'throttled',
      retryAfterMs: 7000,
    });
    for (const retryAfter of [undefined, '0', '-3', 'soon']) {
      const headers: Record<string, string> = retryAfter === undefined ? {} : { 'retry-after': retryAfter };
      assert.deepEqual(
        classifyDeliveryError(restError(429, headers), 'k', logger),
        { ok: false, reason: 'throttled', retryAfterMs: 1000 },
        String(retryAfter),
      );
    }
    assert.equal(lines.length, 0, 'a throttled send is normal: nothing to warn about');
  });

  it('drops a send to a conversation the bot was removed from or blocked in (403, 404), with a warning', () => {
    for (const status of [403, 404]) {
      assert.deepEqual(classifyDeliveryError(restError(status), 'conversation:a', logger), {
        ok: false,
        reason: 'unreachable',
        detail: `HTTP ${status}`,
      });
    }
    assert.deepEqual(
      lines.map((l) => [l.level, l.msg, l.referenceKey, l.status]),
      [
        [40, 'conversation unreachable', 'conversation:a', 403],
        [40, 'conversation unreachable', 'conversation:a', 404],
      ],
    );
  });

  it('retries anything else as transient: a server error, or no answer at all', () => {
    assert.deepEqual(classifyDeliveryError(restError(502), 'k', logger), {
      ok: false,
      reason: 'transient',
      detail: 'HTTP 502',
    });
    assert.deepEqual(classifyDeliveryError(new Error('socket hang up'), 'k', logger), {
      ok: false,
      reason: 'transient',
      detail: 'network error',
    });
    assert.deepEqual(
      lines.map((l) => l.msg),
      ['proactive send failed', 'proactive send failed'],
    );
  });
});
