import { strict as assert } from 'node:assert';
import { connect } from 'node:net';
import { SEED, TenantSimulator } from '../../../src/tenant/index.js';

const AUTH = { authorization: 'Bearer any-token' };
const JSON_HEADERS = { ...AUTH, 'content-type': 'application/json' };

interface GraphErrorBody {
  error: { code: string; message: string; innerError: { 'request-id': string; date: string } };
}
interface ExoErrorBody {
  error: {
    code: string;
    message: string;
    details: Array<{ message: string }>;
    innererror: { internalexception: { message: string; type: string } };
  };
}

describe('tenant simulator over HTTP', () => {
  let sim: TenantSimulator;
  let invoke: string;
  before(async () => {
    sim = new TenantSimulator();
    await sim.start();
    invoke = `${sim.exoBaseUrl}/${SEED.tenantId}/InvokeCommand`;
  });
  after(() => sim.stop());
  beforeEach(() => sim.reset());

  const cmdlet = (name: string, parameters: Record<string, unknown> = {}) =>
    fetch(invoke, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ CmdletInput: { CmdletName: name, Parameters: parameters } }),
    });

  describe('authentication', () => {
    it('answers a Graph call without a token with 401 InvalidAuthenticationToken', async () => {
      const response = await fetch(`${sim.graphBaseUrl}/users`);
      assert.equal(response.status, 401);
      const body = (await response.json()) as GraphErrorBody;
      assert.equal(body.error.code, 'InvalidAuthenticationToken');
      assert.equal(body.error.message, 'Access token is empty.');
      assert.ok(body.error.innerError['request-id']);
      assert.ok(body.error.innerError.date);
    });

    it('answers an Exchange call without a token with a bare 401', async () => {
      const response = await fetch(invoke, { method: 'POST', body: '{}' });
      assert.equal(response.status, 401);
      assert.equal(await response.text(), '');
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer /);
    });

    it('logs refused calls too', async () => {
      await fetch(`${sim.graphBaseUrl}/users`);
      assert.deepEqual(
        sim.calls().map((c) => [c.api, c.status]),
        [['graph', 401]],
      );
    });
  });

  describe('bad requests never crash it', () => {
    it('answers malformed JSON to Exchange with the "Invalid Operation" envelope', async () => {
      const response = await fetch(invoke, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: '{"CmdletInput": ',
      });
      assert.equal(response.status, 400);
      const body = (await response.json()) as ExoErrorBody;
      assert.equal(body.error.message, 'Invalid Operation');
      assert.match(body.error.innererror.internalexception.message, /malformed JSON/);
    });

    it('answers malformed JSON to Graph with a Graph 400', async () => {
      const response = await fetch(`${sim.graphBaseUrl}/users/${SEED.users.rob.id}`, {
        method: 'PATCH',
        headers: JSON_HEADERS,
        body: '{"passwordProfile":',
      });
      assert.equal(response.status, 400);
      assert.equal(((await response.json()) as GraphErrorBody).error.code, 'BadRequest');
    });

    it('refuses a huge body with 400 and keeps serving', async () => {
      const response = await fetch(invoke, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: 'x'.repeat(2 * 1024 * 1024),
      });
      assert.equal(response.status, 400);
      assert.equal((await cmdlet('Get-BlockedSenderAddress')).status, 200);
    });

    it('refuses a body that is not a CmdletInput', async () => {
      const response = await fetch(invoke, { method: 'POST', headers: JSON_HEADERS, body: '[1,2,3]' });
      assert.equal(response.status, 400);
    });

    it('answers a malformed request line with 400', async () => {
      const url = new URL(sim.baseUrl);
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(url.port), url.hostname, () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
        let data = '';
        socket.on('data', (chunk) => {
          data += chunk.toString();
        });
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      assert.match(reply, /^HTTP\/1\.1 400 /);
      assert.equal((await cmdlet('Get-BlockedSenderAddress')).status, 200);
    });

    it('answers a path with broken percent-encoding with 400', async () => {
      const response = await fetch(`${sim.graphBaseUrl}/users/%E0%A4%A`, { headers: AUTH });
      assert.equal(response.status, 400);
    });
  });

  describe('Exchange cmdlets', () => {
    it('refuses an unknown cmdlet, an unknown parameter and a missing mandatory one', async () => {
      const unknown = (await (await cmdlet('Set-Everything')).json()) as ExoErrorBody;
      assert.equal(
        unknown.error.innererror.internalexception.type,
        'System.Management.Automation.CommandNotFoundException',
      );
      const parameter = (await (await cmdlet('Get-Mailbox', { Foo: 1 })).json()) as ExoErrorBody;
      assert.match(parameter.error.innererror.internalexception.message, /parameter name 'Foo'/);
      const missing = await cmdlet('Remove-BlockedSenderAddress');
      assert.equal(missing.status, 400);
      assert.match(
        ((await missing.json()) as ExoErrorBody).error.details[0]?.message ?? '',
        /\|System\.Management\.Automation\.ParameterBindingException\|.*SenderAddress/,
      );
    });

    it('answers the list in the documented envelope, with annotations and warnings', async () => {
      const response = await fetch(invoke, {
        method: 'POST',
        headers: { ...JSON_HEADERS, prefer: 'odata.maxpagesize=2' },
        body: JSON.stringify({ CmdletInput: { CmdletName: 'Get-BlockedSenderAddress', Parameters: {} } }),
      });
      const body = (await response.json()) as Record<string, unknown> & {
        value: Array<Record<string, unknown>>;
      };
      assert.match(String(body['@odata.context']), /\$metadata#Collection\(Exchange\.GenericHashTable\)$/);
      assert.equal(body['adminapi.warnings@odata.type'], '#Collection(String)');
      assert.equal((body['@adminapi.warnings'] as string[]).length, 1, 'truncation warning');
      assert.equal(body.value.length, 2);
      assert.ok(String(body['@odata.nextLink']).startsWith(invoke));
      assert.deepEqual(Object.keys(body.value[0] ?? {}).sort(), [
        'ChangedDatetime',
        'CreatedDatetime',
        'CreatedDatetime@data.type',
        'Reason',
        'SenderAddress',
        'TemporaryBlock',
      ]);
    });

    it('accepts the tenant domain in place of the GUID', async () => {
      const response = await fetch(`${sim.exoBaseUrl}/contoso.onmicrosoft.com/InvokeCommand`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ CmdletInput: { CmdletName: 'Get-OrganizationConfig' } }),
      });
      assert.equal(response.status, 200);
    });

    it('lists inbox rules with Get-InboxRule', async () => {
      const body = (await (
        await cmdlet('Get-InboxRule', { Mailbox: SEED.users.rob.upn, IncludeHidden: true })
      ).json()) as {
        value: Array<{ Name: string; ForwardTo: string[] | null; DeleteMessage: boolean }>;
      };
      assert.deepEqual(
        body.value.map((r) => [r.Name, r.ForwardTo, r.DeleteMessage]),
        [
          ['Newsletter cleanup', null, false],
          ['.', ['"archive" [SMTP:rob.young.archive@outlook-mailbox.example]'], true],
        ],
      );
    });
  });

  describe('Graph', () => {
    it('pages users with $top and @odata.nextLink, default properties without onPremisesSyncEnabled', async () => {
      let next: string | undefined = `${sim.graphBaseUrl}/users?$top=5`;
      const users: Array<Record<string, unknown>> = [];
      while (next) {
        const page = (await (await fetch(next, { headers: AUTH })).json()) as {
          value: Array<Record<string, unknown>>;
          '@odata.nextLink'?: string;
        };
        users.push(...page.value);
        next = page['@odata.nextLink'];
      }
      assert.equal(users.length, 13);
      assert.ok(!('onPremisesSyncEnabled' in (users[0] ?? {})));
      assert.ok('userPrincipalName' in (users[0] ?? {}));
    });

    it('refuses an unknown $select property and an unknown filter property', async () => {
      const select = await fetch(`${sim.graphBaseUrl}/users?$select=id,password`, { headers: AUTH });
      assert.equal(select.status, 400);
      const filter = await fetch(
        `${sim.graphBaseUrl}/users?$filter=${encodeURIComponent("jobTitle eq 'x'")}`,
        { headers: AUTH },
      );
      assert.equal(filter.status, 400);
    });

    it('answers an unknown user with Request_ResourceNotFound', async () => {
      const response = await fetch(`${sim.graphBaseUrl}/users/ghost@contoso.com`, { headers: AUTH });
      assert.equal(response.status, 404);
      const body = (await response.json()) as GraphErrorBody;
      assert.equal(body.error.code, 'Request_ResourceNotFound');
      assert.equal(
        body.error.message,
        "Resource 'ghost@contoso.com' does not exist or one of its queried reference-property objects are not present.",
      );
    });

    it('answers an unknown segment and a wrong method like Graph', async () => {
      assert.equal((await fetch(`${sim.graphBaseUrl}/teams`, { headers: AUTH })).status, 400);
      assert.equal(
        (
          await fetch(`${sim.graphBaseUrl}/users/${SEED.users.rob.id}/revokeSignInSessions`, {
            headers: AUTH,
          })
        ).status,
        405,
      );
      assert.equal((await fetch(`${sim.baseUrl}/beta/users`, { headers: AUTH })).status, 404);
    });

    it('requires both message-trace bounds, at most 10 days apart', async () => {
      const trace = (filter: string) =>
        fetch(
          `${sim.graphBaseUrl}/admin/exchange/tracing/messageTraces?$filter=${encodeURIComponent(filter)}`,
          { headers: AUTH },
        );
      const now = Date.now();
      const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
      assert.equal(
        (await trace(`senderAddress eq 'rob@contoso.com' and receivedDateTime ge ${iso(now - 3600_000)}`))
          .status,
        400,
      );
      assert.equal(
        (await trace(`receivedDateTime ge ${iso(now - 11 * 86400_000)} and receivedDateTime le ${iso(now)}`))
          .status,
        400,
      );
      const ok = await trace(
        `senderAddress eq 'rob@contoso.com' and receivedDateTime ge ${iso(now - 86400_000)} and receivedDateTime le ${iso(now)}`,
      );
      assert.equal(ok.status, 200);
      const body = (await ok.json()) as { value: Array<{ senderAddress: string; status: string }> };
      assert.deepEqual(
        body.value.map((r) => [r.senderAddress, r.status]),
        [['rob@contoso.com', 'failed']],
      );
    });
  });

  describe('fault injection over Graph', () => {
    it('sends the Graph TooManyRequests envelope with Retry-After', async () => {
      sim.setFaults({ graph: { sequence: [429], retryAfterSeconds: 3 } });
      const response = await fetch(`${sim.graphBaseUrl}/organization`, { headers: AUTH });
      assert.equal(response.status, 429);
      assert.equal(response.headers.get('retry-after'), '3');
      assert.equal(((await response.json()) as GraphErrorBody).error.code, 'TooManyRequests');
      assert.equal((await fetch(`${sim.graphBaseUrl}/organization`, { headers: AUTH })).status, 200);
    });
  });

  describe('control API', () => {
    const control = (path: string, method = 'GET', body?: unknown) =>
      fetch(`${sim.baseUrl}/_sim/${path}`, {
        method,
        ...(body === undefined
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });

    it('reads and clears the call log, which holds no control calls', async () => {
      await cmdlet('Get-BlockedSenderAddress');
      await fetch(`${sim.graphBaseUrl}/organization`, { headers: AUTH });
      const log = (await (await control('calls?api=exchange')).json()) as {
        value: Array<{ cmdlet: string; status: number }>;
      };
      assert.deepEqual(
        log.value.map((c) => [c.cmdlet, c.status]),
        [['Get-BlockedSenderAddress', 200]],
      );
      assert.equal(((await (await control('calls')).json()) as { value: unknown[] }).value.length, 2);
      assert.equal((await control('calls', 'DELETE')).status, 204);
      assert.equal(sim.calls().length, 0);
    });

    it('sets and clears fault plans, refusing a bad plan', async () => {
      assert.equal((await control('faults', 'POST', { exchange: { sequence: [503] } })).status, 204);
      assert.equal((await cmdlet('Get-BlockedSenderAddress')).status, 503);
      assert.equal((await control('faults', 'POST', { exchange: { sequence: [500] } })).status, 400);
      assert.equal((await control('faults', 'POST', { exchange: { sequence: [503] } })).status, 204);
      assert.equal((await control('faults', 'DELETE')).status, 204);
      assert.equal((await cmdlet('Get-BlockedSenderAddress')).status, 200);
    });

    it('restricts a user, who then appears in Get-BlockedSenderAddress', async () => {
      const created = await control('restricted', 'POST', { address: SEED.users.roberta.upn });
      assert.equal(created.status, 201);
      const body = (await (
        await cmdlet('Get-BlockedSenderAddress', { SenderAddress: SEED.users.roberta.upn })
      ).json()) as { value: unknown[] };
      assert.equal(body.value.length, 1);
      assert.equal((await control('restricted', 'POST', { address: 'ghost@contoso.com' })).status, 404);
      assert.equal((await control('restricted', 'POST', { nope: true })).status, 400);
      assert.equal(((await (await control('restricted')).json()) as { value: unknown[] }).value.length, 6);
    });

    it('records a send attempt: bounced while restricted, delivered otherwise', async () => {
      const bounced = (await (await control('send', 'POST', { from: SEED.users.rob.upn })).json()) as {
        status: string;
      };
      assert.equal(bounced.status, 'failed');
      const delivered = (await (
        await control('send', 'POST', { from: SEED.users.roberta.upn, to: 'x@fabrikam.com' })
      ).json()) as { status: string };
      assert.equal(delivered.status, 'delivered');
      const trace = (await (await control('message-trace')).json()) as { value: unknown[] };
      assert.ok(trace.value.length >= 2);
    });

    it('changes settings, shows a user and resets', async () => {
      assert.equal(
        (await control('settings', 'POST', { releaseDelayMs: 0, unblockLimitPerDay: 1 })).status,
        204,
      );
      assert.equal(sim.settings().unblockLimitPerDay, 1);
      assert.equal((await control('settings', 'POST', { releaseDelayMs: -1 })).status, 400);
      await cmdlet('Remove-BlockedSenderAddress', { SenderAddress: SEED.users.rob.upn });
      assert.equal(sim.canSend(SEED.users.rob.upn), true, 'released at once with releaseDelayMs 0');
      const user = (await (await control(`users/${SEED.users.synced.upn}`)).json()) as {
        onPremisesSyncEnabled: boolean;
      };
      assert.equal(user.onPremisesSyncEnabled, true);
      assert.equal((await control('reset', 'POST')).status, 204);
      assert.equal(sim.canSend(SEED.users.rob.upn), false);
    });

    it('answers malformed JSON and unknown routes with 4xx', async () => {
      const bad = await fetch(`${sim.baseUrl}/_sim/faults`, { method: 'POST', body: '{' });
      assert.equal(bad.status, 400);
      assert.equal((await control('nothing-here')).status, 404);
    });
  });
});
