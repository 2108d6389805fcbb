// GET /api/tab/requests parameters: what each one becomes, and one problem per bad parameter.
import { strict as assert } from 'node:assert';
import { parseListQuery } from '../../../src/tab/listQuery.js';

const parse = (query: string) => parseListQuery(new URLSearchParams(query));

describe('Requests tab list query', () => {
  it('reads every filter', () => {
    const parsed = parse(
      'state=active,failed&user=Rob&requester=ME&from=2026-11-01&to=2026-11-02&q=rob%20young&limit=10&after=c:x|y',
    );
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.query, {
      limit: 10,
      requester: 'me',
      states: ['open', 'pending_approval', 'approved', 'unblocking', 'waiting_resume', 'failed'],
      targetPrefix: 'Rob',
      createdFrom: '2026-11-01T00:00:00.000Z',
      createdBefore: '2026-11-03T00:00:00.000Z',
      words: ['rob', 'young'],
      after: 'c:x|y',
    });
  });

  it('takes ISO instants as they are (from included, to excluded) and defaults to 25 a page', () => {
    const parsed = parse('from=2026-11-01T10:00:00%2B01:00&to=2026-11-02T00:00:00Z');
    assert.ok(parsed.ok);
    assert.equal(parsed.query.createdFrom, '2026-11-01T09:00:00.000Z');
    assert.equal(parsed.query.createdBefore, '2026-11-02T00:00:00.000Z');
    assert.equal(parsed.query.limit, 25);
  });

  it('ignores empty filters', () => {
    const parsed = parse('state=&user=&q=%20%20');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.query, {
      limit: 25,
      requester: undefined,
      targetPrefix: undefined,
      after: undefined,
    });
  });

  it('names every bad parameter', () => {
    const parsed = parse('state=nope&limit=101&from=2026-02-30&requester=x&extra=1');
    assert.ok(!parsed.ok);
    assert.equal(parsed.problems.length, 5, parsed.problems.join('\n'));
    for (const name of ['state', 'limit', 'from', 'requester', 'extra'])
      assert.ok(
        parsed.problems.some((p) => p.startsWith(name)),
        name,
      );
  });
});
