// Group membership as the Requests tab uses it: a decision always asks the directory now, what a person may
// see is kept a minute, only a whole Entra object id can be a member (in any case), a user the directory does
// not know is nobody's member, and outages are reported rather than read as "not a member".
import { strict as assert } from 'node:assert';
import { GroupMembership } from '../../../src/requests/index.js';
import { TenantError } from '../../../src/runbook/index.js';

const APPROVERS = '11111111-2222-4333-8444-555555555555';
const HELPDESK = '11111111-2222-4333-8444-666666666666';
const PATTI = 'aaaaaaaa-0000-4000-8000-000000000001';

function membershipWith(
  groups: Record<string, Set<string>>,
  options: { fail?: Error; helpdesk?: boolean; approvers?: boolean } = {},
) {
  let now = 1_700_000_000_000;
  const asked: string[] = [];
  const membership = new GroupMembership({
    // The one directory call membership makes; this stands in for Graph checkMemberGroups.
    tenant: {
      checkMemberGroups: async (userId: string, groupIds: string[]) => {
        asked.push(userId);
        if (options.fail) throw options.fail;
        return groupIds.filter((g) => groups[g]?.has(userId.toLowerCase()));
      },
    },
    approverGroupId: options.approvers === false ? undefined : APPROVERS,
    helpdeskGroupId: options.helpdesk === false ? undefined : HELPDESK,
    now: () => now,
  });
  return { membership, asked, advance: (ms: number) => (now += ms) };
}

describe('group membership', () => {
  it('asks the directory at every decision, and keeps an answer a minute for what a person may see', async () => {
    const approvers = new Set([PATTI]);
    const { membership, asked, advance } = membershipWith({ [APPROVERS]: approvers });
    assert.equal(await membership.isApprover(PATTI, { fresh: false }), true);
    approvers.delete(PATTI);
    assert.equal(await membership.isApprover(PATTI, { fresh: true }), false, 'a decision asks now');
    approvers.add(PATTI);
    advance(59_999);
    assert.equal(
      await membership.isApprover(PATTI, { fresh: false }),
      false,
      'the last answer, within the minute',
    );
    advance(1);
    assert.equal(await membership.isApprover(PATTI, { fresh: false }), true, 'asked again after a minute');
    assert.equal(asked.length, 3);
  });

  it('keeps one answer per person whatever the case of their id, and per group', async () => {
    const { membership, asked } = membershipWith({ [APPROVERS]: new Set([PATTI]), [HELPDESK]: new Set() });
    assert.equal(await membership.isApprover(PATTI, { fresh: false }), true);
    assert.equal(await membership.isApprover(PATTI.toUpperCase(), { fresh: false }), true);
    assert.equal(await membership.isHelpdesk(PATTI, { fresh: false }), false);
    assert.equal(asked.length, 2, 'the upper-case id used the cached answer');
  });

  it('takes only whole Entra object ids, without asking the directory', async () => {
    const { membership, asked } = membershipWith({ [APPROVERS]: new Set([PATTI]) });
    for (const id of [`29:${PATTI}`, `${PATTI}0`, 'patti', '']) {
      assert.equal(await membership.isApprover(id, { fresh: true }), false, id);
    }
    assert.deepEqual(asked, []);
  });

  it('lets everyone be helpdesk without HELPDESK_GROUP_ID, and nobody approver without APPROVER_GROUP_ID', async () => {
    const { membership, asked } = membershipWith(
      { [APPROVERS]: new Set([PATTI]) },
      { helpdesk: false, approvers: false },
    );
    assert.equal(await membership.isHelpdesk(PATTI, { fresh: true }), true);
    assert.equal(await membership.isApprover(PATTI, { fresh: true }), false);
    assert.deepEqual(asked, []);
  });

  it('reads a user the directory does not know as nobody’s member, but reports outages and bugs', async () => {
    const unknown = membershipWith({}, { fail: new TenantError('NotFound', 'no such user') });
    assert.equal(await unknown.membership.isApprover(PATTI, { fresh: true }), false);
    const outage = membershipWith({}, { fail: new TenantError('Unavailable', 'Graph is down') });
    await assert.rejects(outage.membership.isApprover(PATTI, { fresh: true }), /Graph is down/);
    const bug = membershipWith({}, { fail: new TypeError('boom') });
    await assert.rejects(bug.membership.isHelpdesk(PATTI, { fresh: true }), /boom/);
  });
});
