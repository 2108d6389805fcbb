// `npm run doctor`: all ✓ against the simulator; against the local authority and the validating simulator,
// ✗ with the exact permission or role to grant when the app lacks it, exit code 1, and never a secret or
// a token in the output. The live cases run the real `npm run doctor` in a child process that trusts the
// test CA; the permission matrix runs in-process with minted tokens against the HTTP simulator.
import { strict as assert } from 'node:assert';
import { loadConfig } from '../../../src/config.js';
import { type CheckResult, runDoctor } from '../../../src/doctor/index.js';
import { SEED } from '../../../src/tenant/index.js';
import { EXCHANGE_RESOURCE, GRAPH_RESOURCE } from '../../support/tokenAuthority.js';
import {
  APPS,
  type AuthorityHarness,
  CLIENT_SECRET,
  liveEnvironment,
  runChild,
  startAuthorityHarness,
} from './authorityHarness.js';

const EXCHANGE_GRANT =
  'Grant the application permission Exchange.ManageAsApp (Office 365 Exchange Online) with admin consent, and assign the Exchange Administrator role to the service principal';

function lineOf(output: string, title: string): string {
  const line = output.split('\n').find((l) => l.includes(title));
  assert.ok(line, `no line for "${title}" in:\n${output}`);
  return line;
}

/** The line after a check's line: its fix. */
function fixOf(output: string, title: string): string {
  const lines = output.split('\n');
  const at = lines.findIndex((l) => l.includes(title));
  return lines[at + 1]?.trim() ?? '';
}

describe('doctor', function () {
  this.timeout(60_000);

  describe('in simulated mode', () => {
    it('passes every check against an in-process simulator and says that is what it checked', async () => {
      const lines: string[] = [];
      const outcome = await runDoctor(loadConfig({ TENANT_MODE: 'simulated' }), {
        write: (l) => lines.push(l),
      });
      const output = lines.join('\n');
      assert.equal(outcome.exitCode, 0, output);
      assert.equal(outcome.results.length, 12);
      assert.ok(outcome.results.every((r) => r.status === 'pass'));
      assert.match(output, /in-process tenant simulator/);
      assert.match(output, /^✓ Approver group resolvable .*Unblock approvers/m);
      assert.match(
        output,
        /^✓ Detection settings: polls every 60 s; more than 10 accounts within an hour are a phishing wave, unblocked at 60 a minute; restricted again within 7 days of an unblock needs another approver who acknowledges$/m,
      );
      assert.match(output, /All required checks passed\./);
    });
  });

  describe('against the local authority and a validating simulator', () => {
    let h: AuthorityHarness;
    before(async () => {
      h = await startAuthorityHarness();
    });
    after(() => h.dispose());

    const run = (env: Record<string, string>) => runChild('npm', ['run', '--silent', 'doctor'], env);

    it('npm run doctor: ✗ on Exchange with the role to grant when the token has no Exchange.ManageAsApp, exit 1', async () => {
      const { code, output } = await run({
        ...liveEnvironment(h, APPS.noExchangeRole),
        AZURE_CLIENT_SECRET: CLIENT_SECRET,
      });
      assert.equal(code, 1, output);
      assert.match(lineOf(output, 'Token for Exchange Online'), /^✓ .*roles: none/);
      assert.match(
        lineOf(output, 'Exchange InvokeCommand reachable'),
        /^✗ .*HTTP 403.*no Exchange\.ManageAsApp role/,
      );
      assert.equal(fixOf(output, 'Exchange InvokeCommand reachable'), `fix: ${EXCHANGE_GRANT}`);
      assert.match(lineOf(output, 'Restricted entities list readable'), /^✗ /);
      for (const title of [
        'Token for Microsoft Graph',
        'Graph reachable',
        'Approver group resolvable',
        'checkMemberGroups works',
      ])
        assert.match(lineOf(output, title), /^✓ /);
      assert.match(output, /2 required checks failed\./);
      assert.match(output, /AZURE_CLIENT_SECRET, not shown/);
      assert.ok(!output.includes(CLIENT_SECRET), 'the secret was printed');
      for (const token of h.authority.issuedTokenValues())
        assert.ok(!output.includes(token), 'a token was printed');
    });

    it('npm run doctor: all ✓ with a client certificate that has every permission, exit 0', async () => {
      const { code, output } = await run({
        ...liveEnvironment(h, APPS.certificate),
        AZURE_CLIENT_CERTIFICATE_PATH: h.clientCertificate.pemPath,
      });
      assert.equal(code, 0, output);
      assert.equal(output.split('\n').filter((l) => l.startsWith('✓ ')).length, 12, output);
      assert.match(lineOf(output, 'Token for Exchange Online'), /roles: Exchange\.ManageAsApp$/);
      assert.match(output, /TENANT_MODE=live: checking tenant 77ba9c8f-8432-4421-935c-e5c7e1fccbcf/);
      assert.ok(!output.includes('PRIVATE KEY'));
    });

    it('npm run doctor: a wrong secret fails both token checks with what to fix, the rest not checked', async () => {
      const wrong = 'wrong-secret~not.the.value_42';
      const { code, output } = await run({ ...liveEnvironment(h, APPS.secret), AZURE_CLIENT_SECRET: wrong });
      assert.equal(code, 1, output);
      assert.match(lineOf(output, 'Token for Microsoft Graph'), /^✗ .*AADSTS7000215.*AZURE_CLIENT_SECRET/);
      assert.match(lineOf(output, 'Graph reachable'), /^✗ .*not checked: no token for Microsoft Graph/);
      assert.match(lineOf(output, 'Message trace available'), /^! .*not checked/);
      assert.ok(!output.includes(wrong) && !output.includes(CLIENT_SECRET));
    });

    describe('permission matrix (in-process, minted tokens)', () => {
      const liveConfig = (groupId: string = SEED.groups.approvers) =>
        loadConfig({
          TENANT_MODE: 'live',
          AZURE_TENANT_ID: SEED.tenantId,
          AZURE_CLIENT_ID: 'a4b0a0ef-1d1e-4b59-9a0c-5d7d2f3c00ff',
          APPROVER_GROUP_ID: groupId,
          GRAPH_BASE_URL: h.httpSim.graphBaseUrl,
          EXO_BASE_URL: h.httpSim.exoBaseUrl,
        });

      async function doctorAs(
        graphRoles: string[],
        groupId?: string,
      ): Promise<{ results: CheckResult[]; output: string; exitCode: number }> {
        const clientId = 'a4b0a0ef-1d1e-4b59-9a0c-5d7d2f3c00ff';
        h.authority.register({
          clientId,
          roles: { [GRAPH_RESOURCE]: graphRoles, [EXCHANGE_RESOURCE]: ['Exchange.ManageAsApp'] },
        });
        const lines: string[] = [];
        const outcome = await runDoctor(liveConfig(groupId), {
          write: (l) => lines.push(l),
          credential: h.authority.credentialFor(clientId),
        });
        return { ...outcome, output: lines.join('\n') };
      }

      it('names GroupMember.Read.All when the app cannot read groups, and warns about message trace', async () => {
        const { exitCode, output } = await doctorAs(['Organization.Read.All', 'User.Read.All']);
        assert.equal(exitCode, 1, output);
        assert.match(lineOf(output, 'Approver group resolvable'), /^✗ .*Authorization_RequestDenied/);
        assert.match(
          fixOf(output, 'Approver group resolvable'),
          /GroupMember\.Read\.All \(Microsoft Graph\)/,
        );
        assert.match(fixOf(output, 'checkMemberGroups works'), /User\.Read\.All and GroupMember\.Read\.All/);
        assert.match(lineOf(output, 'Message trace available'), /^! /);
        assert.equal(
          fixOf(output, 'Message trace available'),
          'fix: Grant ExchangeMessageTrace.Read.All (Microsoft Graph) + service principal for app 8bd644d1-64a1-4d4b-ae52-2e0cbf64e373 (New-MgServicePrincipal -AppId 8bd644d1-64a1-4d4b-ae52-2e0cbf64e373)',
        );
        assert.match(
          lineOf(output, 'Restricted entities list readable'),
          /^✓ Restricted entities list readable .*: 5 restricted sender/,
        );
      });

      it('names User.Read.All and Organization.Read.All when the app has no Graph permission', async () => {
        const { exitCode, output } = await doctorAs([]);
        assert.equal(exitCode, 1);
        assert.match(fixOf(output, 'Graph reachable'), /Organization\.Read\.All/);
        assert.match(
          fixOf(output, 'checkMemberGroups works'),
          /^fix: Grant the application permission User\.Read\.All /,
        );
      });

      it('warns that the Restricted list alone detects when the app cannot read security alerts', async () => {
        const { exitCode, output } = await doctorAs([
          'Organization.Read.All',
          'User.Read.All',
          'GroupMember.Read.All',
          'ExchangeMessageTrace.Read.All',
        ]);
        assert.equal(exitCode, 0, output);
        assert.match(lineOf(output, 'Security alerts readable'), /^! .*the Restricted list alone detects/);
        assert.equal(
          fixOf(output, 'Security alerts readable'),
          'fix: Grant the application permission SecurityAlert.Read.All (Microsoft Graph) with admin consent',
        );
      });

      it('reports a SECURITY_APPROVER_GROUP_ID that names no group, and passes one that does', async () => {
        const lines: string[] = [];
        const run = (id: string) =>
          runDoctor(loadConfig({ TENANT_MODE: 'simulated', SECURITY_APPROVER_GROUP_ID: id }), {
            write: (l) => lines.push(l),
          });
        assert.equal((await run(SEED.groups.securityLeads)).exitCode, 0);
        assert.match(lines.join('\n'), /^✓ Security approver group resolvable .*Security leads/m);
        lines.length = 0;
        const missing = await run('0b0b0b0b-0000-4000-8000-000000000001');
        assert.equal(missing.exitCode, 1);
        assert.match(
          lineOf(lines.join('\n'), 'Security approver group'),
          /^✗ .*nobody could approve a repeat offender/,
        );
      });

      it('reports an APPROVER_GROUP_ID that names no group', async () => {
        const { output } = await doctorAs(
          ['Organization.Read.All', 'User.Read.All', 'GroupMember.Read.All'],
          '0b0b0b0b-0000-4000-8000-000000000000',
        );
        assert.match(
          lineOf(output, 'Approver group resolvable'),
          /^✗ .*no group 0b0b0b0b-0000-4000-8000-000000000000/,
        );
        assert.match(fixOf(output, 'Approver group resolvable'), /Set APPROVER_GROUP_ID/);
      });
    });
  });
});
