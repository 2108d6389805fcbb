// The card signature itself: a fixed scheme (cards already in Teams must stay valid after an upgrade),
// and a verifier that answers false, never throws, for a signature of any other shape.
import { strict as assert } from 'node:assert';
import {
  approvalActionParts,
  createCardSigner,
  detectionActionParts,
  evidenceActionParts,
  loadCardSigningKey,
  runbookActionParts,
  waveActionParts,
} from '../../../src/bot/cardSigning.js';
import type { StateStore } from '../../../src/store/index.js';

const key = Buffer.alloc(32, 7);

describe('card signing', () => {
  it('keeps its signing scheme, so cards sent before an upgrade still verify after it', () => {
    const signer = createCardSigner(key);
    // Known answers: HMAC-SHA256 over JSON ["card.v1", family, ids…, verb], base64url.
    assert.equal(
      signer.sign(...approvalActionParts('req-1', 'approval.approve')),
      '1KfLZW2EbzFLtySEboSyx2UJgp84oPFwa49SuD5juig',
    );
    assert.equal(
      signer.sign(...runbookActionParts('rb-1', 'password', 'runbook.passwordResetNow')),
      'bUpr-MbAnEvVz4oCkCf8R3PKvi-cAdRvKUQN11ljCAo',
    );
    assert.equal(
      signer.sign(...detectionActionParts('req-2', 'detection.startRunbook')),
      'B0v_VolFNM9o00GSDid9WYpGKKtM_UQGhN2LKMMFteY',
    );
    assert.equal(
      signer.sign(...evidenceActionParts('req-3', 'forwarding', 'evidence.waive')),
      'MTW0q_hBmMZPyOOyvkoxGIjqKK_v_FNjaowPmvYEQjE',
    );
    assert.equal(
      signer.sign(...waveActionParts('wave-1', 'req-4', 'wave.approveOne')),
      'ovUd4y2Hqc3UvbX8-bsCqSfM8fm3kIzPRCVHeLRME8U',
    );
    // A wave-wide button covers no member: the member's place is empty.
    assert.equal(
      signer.sign(...waveActionParts('wave-1', undefined, 'wave.approveClean')),
      'epWaSE_9nHzL7mJ6q6OKDQVNnBVe3B052l6KwJ766mI',
    );
  });

  it('derives the same key from CARD_SIGNING_SECRET in every process, without touching the store', async () => {
    const untouched = {
      read: async () => assert.fail('the store was read'),
      write: async () => assert.fail('the store was written'),
    } as unknown as StateStore;
    const derived = await loadCardSigningKey(untouched, 'operator-secret-of-at-least-32-characters');
    assert.equal(derived.toString('base64'), 'lTZTs3VUBCkkWx4iSeQzeZ8qXSeroDmVn3EFa/be9x8=');
  });

  it('answers false, without throwing, for a signature that is shorter, longer or not base64url', () => {
    const signer = createCardSigner(key);
    const parts = approvalActionParts('req-1', 'approval.approve');
    const genuine = signer.sign(...parts);
    assert.ok(signer.verify(genuine, ...parts));
    for (const sig of ['', genuine.slice(1), `${genuine}A`, 'x', '€'.repeat(43)]) {
      assert.equal(signer.verify(sig, ...parts), false, JSON.stringify(sig));
    }
  });
});
