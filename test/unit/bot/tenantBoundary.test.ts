// Which activities the tenant boundary lets through.
import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { checkTenant } from '../../../src/bot/tenantBoundary.js';

const OURS = '3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const THEIRS = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';

function activity(conversationTenant?: string, channelTenant?: string): Activity {
  return {
    conversation: { id: 'a:1', tenantId: conversationTenant },
    channelData: channelTenant ? { tenant: { id: channelTenant } } : {},
  } as unknown as Activity;
}

describe('checkTenant', () => {
  const boundary = { allowedTenantIds: [OURS], requireTenant: true };

  it('lets an allowed tenant through, in any letter case', () => {
    assert.deepEqual(checkTenant(boundary, activity(OURS.toUpperCase(), OURS)), { ok: true });
  });

  it('refuses another tenant named in the conversation or in channelData', () => {
    assert.deepEqual(checkTenant(boundary, activity(THEIRS)), { ok: false, tenantId: THEIRS });
    assert.deepEqual(checkTenant(boundary, activity(undefined, THEIRS)), { ok: false, tenantId: THEIRS });
    assert.deepEqual(checkTenant(boundary, activity(OURS, THEIRS)), { ok: false, tenantId: THEIRS });
  });

  it('refuses an activity without a tenant when authentication is on, and serves it in local mode', () => {
    assert.deepEqual(checkTenant(boundary, activity()), { ok: false, tenantId: null });
    assert.deepEqual(checkTenant({ ...boundary, requireTenant: false }, activity()), { ok: true });
  });
});
