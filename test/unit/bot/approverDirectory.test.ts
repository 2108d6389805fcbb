// Who counts as an approver: transitive membership of APPROVER_GROUP_ID, asked of the directory and kept
// for a minute at most, so someone removed from the group stops deciding within that minute.
import { strict as assert } from 'node:assert';
import pino from 'pino';
import { ApproverDirectory } from '../../../src/bot/approvals/approverDirectory.js';
import { TenantError } from '../../../src/runbook/index.js';
import type { ConversationStore } from '../../../src/store/index.js';
import type { TenantGateway } from '../../../src/tenant/index.js';

const GROUP = '11111111-2222-4333-8444-555555555555';
const PATTI = 'aaaaaaaa-0000-4000-8000-000000000001';
const MEGAN = 'aaaaaaaa-0000-4000-8000-000000000002';

function directoryWith(members: Set<string>, options: { fail?: Error; references?: string[] } = {}) {
  let now = 1_700_000_000_000;
  const asked: string[] = [];
  // The directory needs one call of the gateway; this stands in for Graph checkMemberGroups.
  const tenant = {
    checkMemberGroups: async (userId: string, groupIds: string[]) => {
      asked.push(userId);
      if (options.fail) throw options.fail;
      return members.has(userId) ? groupIds : [];
    },
  } as unknown as TenantGateway;
  const conversations = {
    listReferences: async () =>
      (options.references ?? []).map((id) => ({
        key: `user:${id}`,
        reference: { reference: { user: { id: `29:${id}` } }, language: 'en' },
      })),
  } as unknown as ConversationStore;
  const directory = new ApproverDirectory({
    tenant,
    conversations,
    approverGroupId: GROUP,
    logger: pino({ enabled: false }),
    now: () => now,
  });
  return { directory, asked, advance: (ms: number) => (now += ms) };
}

describe('approver directory', () => {
  it('asks again after a minute, so a removed approver stops deciding', async () => {
    const members = new Set([PATTI]);
    const { directory, advance } = directoryWith(members);
    assert.equal(await directory.isApprover(PATTI), true);
    members.delete(PATTI);
    advance(59_999);
    assert.equal(await directory.isApprover(PATTI), true, 'still within the minute');
    advance(1);
    assert.equal(await directory.isApprover(PATTI), false, 'a minute later the directory decides again');
  });

  it('never takes a Teams id (29:…) or anything but an Entra object id for a member', async () => {
    const { directory, asked } = directoryWith(new Set(['29:patti', 'patti', `29:${PATTI}`, `${PATTI}0`]));
    for (const id of ['29:patti', 'patti', `29:${PATTI}`, `${PATTI}0`]) {
      assert.equal(await directory.isApprover(id), false, id);
    }
    assert.deepEqual(asked, [], 'the directory was not even asked');
  });

  it('treats a user the directory does not know as nobody’s member, but reports an outage', async () => {
    const unknown = directoryWith(new Set(), { fail: new TenantError('NotFound', 'no such user') });
    assert.equal(await unknown.directory.isApprover(MEGAN), false);
    const outage = directoryWith(new Set(), { fail: new TenantError('Unavailable', 'Graph is down') });
    await assert.rejects(outage.directory.isApprover(MEGAN), /Graph is down/);
    const bug = directoryWith(new Set(), { fail: new TypeError('boom') });
    await assert.rejects(bug.directory.isApprover(MEGAN), /boom/);
  });

  it('lists the approvers the bot can reach, leaving out the requester', async () => {
    const { directory } = directoryWith(new Set([PATTI, MEGAN]), { references: [PATTI, MEGAN] });
    const reachable = await directory.reachableApprovers(MEGAN);
    assert.deepEqual(
      reachable.map((a) => [a.aadObjectId, a.teamsUserId]),
      [[PATTI, `29:${PATTI}`]],
    );
  });
});
