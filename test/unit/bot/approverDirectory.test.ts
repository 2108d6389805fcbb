// Who counts as an approver: a click is authorized on what the directory says at that moment; the list
// that addresses approval cards is read once a minute (one read shared by everyone asking), and a click that
// contradicts it makes the next card read the group again.
import { strict as assert } from 'node:assert';
import pino from 'pino';
import { ApproverDirectory } from '../../../src/bot/approvals/approverDirectory.js';
import { TenantError } from '../../../src/runbook/index.js';
import type { ConversationStore } from '../../../src/store/index.js';
import type { TenantGateway } from '../../../src/tenant/index.js';

const GROUP = '11111111-2222-4333-8444-555555555555';
const HELPDESK = '11111111-2222-4333-8444-666666666666';
const SECURITY = '11111111-2222-4333-8444-777777777777';
const PATTI = 'aaaaaaaa-0000-4000-8000-000000000001';
const MEGAN = 'aaaaaaaa-0000-4000-8000-000000000002';
const NESTOR = 'aaaaaaaa-0000-4000-8000-000000000003';

interface Options {
  fail?: Error;
  /** Set `error` to make the group's reads fail from then on. */
  failList?: { error?: Error };
  references?: string[];
  approverGroupId?: string;
  helpdeskGroupId?: string;
  /** Held list reads: resolved by the test (a read in flight while a click happens). */
  holdReads?: boolean;
  /** SECURITY_APPROVER_GROUP_ID's members (the approver group's are `members`). */
  securityApprovers?: Set<string>;
}

function directoryWith(members: Set<string>, options: Options = {}) {
  let now = 1_700_000_000_000;
  const asked: string[] = [];
  const listed: string[] = [];
  const held: Array<() => void> = [];
  // The two directory calls the approver directory makes; these stand in for Graph.
  const tenant = {
    checkMemberGroups: async (userId: string, groupIds: string[]) => {
      asked.push(userId);
      if (options.fail) throw options.fail;
      return members.has(userId) ? groupIds : [];
    },
    listGroupUserIds: async (groupId: string) => {
      listed.push(groupId);
      const snapshot = [
        ...(groupId === SECURITY && options.securityApprovers ? options.securityApprovers : members),
      ];
      if (options.holdReads) await new Promise<void>((resolve) => held.push(resolve));
      if (options.failList?.error) throw options.failList.error;
      return snapshot;
    },
  } as unknown as TenantGateway;
  const conversations = {
    listReferences: async () =>
      (options.references ?? []).map((id) => ({
        key: `user:${id}`,
        reference: { reference: { user: id === NESTOR ? {} : { id: `29:${id}` } }, language: 'en' },
      })),
  } as unknown as ConversationStore;
  const directory = new ApproverDirectory({
    tenant,
    conversations,
    approverGroupId: 'approverGroupId' in options ? options.approverGroupId : GROUP,
    ...(options.helpdeskGroupId ? { helpdeskGroupId: options.helpdeskGroupId } : {}),
    ...(options.securityApprovers ? { securityApproverGroupId: SECURITY } : {}),
    logger: pino({ enabled: false }),
    now: () => now,
  });
  const reachable = async (exclude?: string, security?: boolean) =>
    (await directory.reachableApprovers(exclude, security)).map((a) => a.aadObjectId);
  return { directory, asked, listed, held, reachable, advance: (ms: number) => (now += ms) };
}

describe('approver directory', () => {
  it('authorizes every click live, so an approver removed a moment ago is refused', async () => {
    const members = new Set([PATTI]);
    const { directory, asked } = directoryWith(members);
    assert.equal(await directory.isApprover(PATTI), true);
    members.delete(PATTI);
    assert.equal(await directory.isApprover(PATTI), false);
    assert.deepEqual(asked, [PATTI, PATTI], 'the directory was asked on each click');
  });

  it('never takes a Teams id (29:…) or anything but an Entra object id for a member', async () => {
    const { directory, asked } = directoryWith(new Set(['29:patti', 'patti', `29:${PATTI}`, `${PATTI}0`]));
    for (const id of ['29:patti', 'patti', `29:${PATTI}`, `${PATTI}0`]) {
      assert.equal(await directory.isApprover(id), false, id);
    }
    assert.deepEqual(asked, [], 'the directory was not even asked');
  });

  it('has no approvers without APPROVER_GROUP_ID', async () => {
    const { directory, asked, listed, reachable } = directoryWith(new Set([PATTI]), {
      approverGroupId: undefined,
      references: [PATTI],
    });
    assert.equal(await directory.isApprover(PATTI), false);
    assert.deepEqual(await reachable(), []);
    assert.deepEqual([asked, listed], [[], []]);
  });

  it('treats a user the directory does not know as nobody’s member, but reports an outage', async () => {
    const unknown = directoryWith(new Set(), { fail: new TenantError('NotFound', 'no such user') });
    assert.equal(await unknown.directory.isApprover(MEGAN), false);
    const outage = directoryWith(new Set(), { fail: new TenantError('Unavailable', 'Graph is down') });
    await assert.rejects(outage.directory.isApprover(MEGAN), /Graph is down/);
    const bug = directoryWith(new Set(), { fail: new TypeError('boom') });
    await assert.rejects(bug.directory.isApprover(MEGAN), /boom/);
  });

  it('lists the approvers the bot can reach: members with a Teams id, leaving out the requester', async () => {
    const { directory, reachable } = directoryWith(new Set([PATTI, MEGAN, NESTOR]), {
      references: [PATTI, MEGAN, NESTOR, 'aaaaaaaa-0000-4000-8000-00000000000f'],
    });
    assert.deepEqual(
      (await directory.reachableApprovers(MEGAN)).map((a) => [a.aadObjectId, a.teamsUserId, a.referenceKey]),
      [[PATTI, `29:${PATTI}`, `user:${PATTI}`]],
    );
    assert.deepEqual(await reachable(), [PATTI, MEGAN], 'without a requester to leave out');
  });

  it('addresses a repeat offender’s card to the security approvers too, and no other card', async () => {
    const { reachable } = directoryWith(new Set([PATTI]), {
      references: [PATTI, MEGAN],
      securityApprovers: new Set([MEGAN]),
    });
    assert.deepEqual(await reachable(undefined, false), [PATTI]);
    assert.deepEqual((await reachable(undefined, true)).sort(), [MEGAN, PATTI].sort());
    const without = directoryWith(new Set([PATTI]), { references: [PATTI, MEGAN] });
    assert.deepEqual(await without.reachable(undefined, true), [PATTI], 'no security approvers group');
  });

  it('reads the approver group once a minute, one read shared by the cards rendered meanwhile', async () => {
    const members = new Set([PATTI]);
    const { listed, reachable, advance } = directoryWith(members, { references: [PATTI, MEGAN] });
    assert.deepEqual(await Promise.all([reachable(), reachable()]), [[PATTI], [PATTI]]);
    assert.equal(listed.length, 1, 'two cards at once, one read');
    members.add(MEGAN);
    advance(59_999);
    assert.deepEqual(await reachable(), [PATTI], 'within the minute: the list read');
    advance(1);
    assert.deepEqual(await reachable(), [PATTI, MEGAN], 'a minute later: read again');
    assert.equal(listed.length, 2);
  });

  it('reads the group again for the next card when a click contradicts the list (either way)', async () => {
    const members = new Set([PATTI]);
    const { directory, listed, reachable } = directoryWith(members, { references: [PATTI, MEGAN] });
    await reachable();
    assert.equal(await directory.isApprover(PATTI), true, 'a click that agrees with the list');
    assert.deepEqual(await reachable(), [PATTI]);
    assert.equal(listed.length, 1, 'no new read');

    members.add(MEGAN);
    assert.equal(await directory.isApprover(MEGAN), true, 'a new approver');
    assert.deepEqual(await reachable(), [PATTI, MEGAN]);
    assert.equal(listed.length, 2);

    members.delete(PATTI);
    assert.equal(await directory.isApprover(PATTI), false, 'a removed approver');
    assert.deepEqual(await reachable(), [MEGAN]);
    assert.equal(listed.length, 3);
  });

  it('does not trust a read that began before a click proved the list outdated', async () => {
    const members = new Set([PATTI]);
    const { directory, listed, held, reachable, advance } = directoryWith(members, {
      references: [PATTI, MEGAN],
      holdReads: true,
    });
    const first = reachable();
    await new Promise((r) => setImmediate(r));
    held.shift()?.();
    assert.deepEqual(await first, [PATTI]);

    advance(60_000);
    const stale = reachable(); // reads the group as it was: Patti only
    await new Promise((r) => setImmediate(r));
    members.add(MEGAN);
    assert.equal(await directory.isApprover(MEGAN), true);
    held.shift()?.();
    assert.deepEqual(await stale, [PATTI]);

    const next = reachable();
    await new Promise((r) => setImmediate(r));
    assert.equal(listed.length, 3, 'the next card reads the group again');
    held.shift()?.();
    assert.deepEqual(await next, [PATTI, MEGAN]);
  });

  it('keeps addressing cards to the last list read while the group cannot be read', async () => {
    const failList: { error?: Error } = { error: new TenantError('Unavailable', 'Graph is down') };
    const members = new Set([PATTI]);
    const { listed, reachable, advance } = directoryWith(members, { references: [PATTI, MEGAN], failList });
    assert.deepEqual(await reachable(), [], 'nothing read yet: nobody to address');
    delete failList.error;
    assert.deepEqual(await reachable(), [PATTI], 'a failed read is not kept as the list');
    members.add(MEGAN);
    failList.error = new TenantError('Unavailable', 'Graph is down');
    advance(60_000);
    assert.deepEqual(await reachable(), [PATTI], 'the last list read');
    assert.equal(listed.length, 3);
  });

  it('lets everyone start requests without HELPDESK_GROUP_ID, and only members with it', async () => {
    const open = directoryWith(new Set());
    assert.equal(await open.directory.mayStartRequests('29:anyone'), true);
    assert.deepEqual(open.asked, []);

    const members = new Set([MEGAN]);
    const limited = directoryWith(members, { helpdeskGroupId: HELPDESK });
    assert.equal(await limited.directory.mayStartRequests(`29:${MEGAN}`), false, 'only Entra object ids');
    assert.deepEqual(limited.asked, []);
    assert.equal(await limited.directory.mayStartRequests(MEGAN), true);
    assert.equal(await limited.directory.mayStartRequests(PATTI), false);
    members.delete(MEGAN);
    limited.advance(59_999);
    assert.equal(await limited.directory.mayStartRequests(MEGAN), true, 'kept a minute');
    limited.advance(1);
    assert.equal(await limited.directory.mayStartRequests(MEGAN), false, 'asked again after a minute');
    assert.deepEqual(limited.asked, [MEGAN, PATTI, MEGAN]);
  });
});
