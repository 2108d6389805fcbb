// `npm run doctor`: all ✓ against the simulator; against the local authority and the validating simulator,
// every permission and role the bot needs is checked, and taking away any one of them fails (or, for the
// password-reset role that a token cannot always show, warns about) exactly that one line, naming what to
// grant. The live cases run the real `npm run doctor` in a child process that trusts the test CA; the
// permission matrix runs in-process with minted tokens against the HTTP simulator.
import { strict as assert } from 'node:assert';
import { loadConfig } from '../../../src/config.js';
import { type CheckResult, runDoctor } from '../../../src/doctor/index.js';
import { ENTRA_ROLES, type ExchangeRbac, SEED } from '../../../src/tenant/index.js';
import { EXCHANGE_RESOURCE, GRAPH_RESOURCE } from '../../support/tokenAuthority.js';
import {
  APPS,
  type AuthorityHarness,
  BOT_SECRET,
  CLIENT_SECRET,
  GRAPH_ROLES,
  liveEnvironment,
  runChild,
  startAuthorityHarness,
} from './authorityHarness.js';

const CMDLETS = ['Get-BlockedSenderAddress', 'Remove-BlockedSenderAddress', 'Get-Mailbox'] as const;

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

/** The checks that did not pass and were not skipped because of another line. */
const problems = (results: CheckResult[]) =>
  results.filter((r) => r.status === 'fail' || r.status === 'warn');

/**
 * The narrow Exchange setup of docs/setup.md, made directly in the simulator's RBAC state: one custom role
 * per cmdlet, a role group holding them, and the app's service principal as its member.
 */
function grantRoleGroup(
  rbac: ExchangeRbac,
  appId: string,
  objectId: string,
  cmdlets: readonly string[],
  member = true,
): void {
  for (const cmdlet of cmdlets) {
    const parent = rbac.rolesWithCmdlet(cmdlet).find((r) => !r.name.startsWith('My'));
    assert.ok(parent);
    rbac.addRole({
      name: `Unblock assistant - ${cmdlet}`,
      cmdlets: [cmdlet],
      builtIn: false,
      parent: parent.name,
      description: '',
    });
  }
  rbac.addPrincipal({ appId, objectId, displayName: 'Unblock assistant' });
  rbac.addGroup({
    name: 'Unblock assistant',
    roles: cmdlets.map((c) => `Unblock assistant - ${c}`),
    members: member ? [objectId] : [],
    description: '',
  });
}

describe('doctor', function () {
  this.timeout(60_000);

  describe('in simulated mode', () => {
    it('passes every required check against an in-process simulator and says that is what it checked', async () => {
      const lines: string[] = [];
      const outcome = await runDoctor(loadConfig({ TENANT_MODE: 'simulated' }), {
        write: (l) => lines.push(l),
      });
      const output = lines.join('\n');
      assert.equal(outcome.exitCode, 0, output);
      assert.deepEqual(problems(outcome.results), []);
      assert.equal(outcome.results.filter((r) => r.status === 'pass').length, 10, output);
      assert.match(output, /in-process tenant simulator/);
      assert.match(output, /^✓ Approver group resolvable .*Unblock approvers/m);
      assert.match(output, /^✓ Exchange Remove-BlockedSenderAddress .*nothing removed/m);
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
    /** The bot's own app registration at the local authority (single tenant). */
    const botEnvironment = (secret: string) => ({
      MicrosoftAppId: APPS.bot,
      MicrosoftAppPassword: secret,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: SEED.tenantId,
      BOT_LOGIN_URL: `${h.authority.authorityHost}/${SEED.tenantId}`,
    });

    it('npm run doctor: ✗ Exchange.ManageAsApp with what to grant when the token lacks it; the cmdlets are not tried', async () => {
      const { code, output } = await run({
        ...liveEnvironment(h, APPS.noExchangeRole),
        AZURE_CLIENT_SECRET: CLIENT_SECRET,
      });
      assert.equal(code, 1, output);
      assert.match(lineOf(output, 'Token for Exchange Online'), /^✓ .*roles: none/);
      assert.match(lineOf(output, 'Exchange Online permission Exchange.ManageAsApp'), /^✗ .*not granted/);
      assert.match(
        fixOf(output, 'Exchange Online permission Exchange.ManageAsApp'),
        /^fix: Grant the Office 365 Exchange Online application permission Exchange\.ManageAsApp to the service principal [0-9a-f-]{36} of app a4b0a0ef-1d1e-4b59-9a0c-5d7d2f3c0003 \(AZURE_CLIENT_ID\)/,
      );
      for (const cmdlet of CMDLETS)
        assert.match(
          lineOf(output, `Exchange ${cmdlet}`),
          /^– .*not checked: the token lacks Exchange\.ManageAsApp/,
        );
      for (const title of [
        'Token for Microsoft Graph',
        'Directory readable',
        'Approver group resolvable',
        'Helpdesk group resolvable',
        'checkMemberGroups works',
      ])
        assert.match(lineOf(output, title), /^✓ /);
      assert.match(output, /1 required check failed/);
      assert.match(output, /AZURE_CLIENT_SECRET, not shown/);
      assert.ok(!output.includes(CLIENT_SECRET), 'the secret was printed');
      for (const token of h.authority.issuedTokenValues())
        assert.ok(!output.includes(token), 'a token was printed');
    });

    it('npm run doctor: all ✓ with a client certificate that has every permission and a bot that gets its token, exit 0', async () => {
      const { code, output } = await run({
        ...liveEnvironment(h, APPS.certificate),
        AZURE_CLIENT_CERTIFICATE_PATH: h.clientCertificate.pemPath,
        ...botEnvironment(BOT_SECRET),
      });
      assert.equal(code, 0, output);
      assert.doesNotMatch(output, /^[✗!–] /m);
      assert.match(
        lineOf(output, 'Token for Exchange Online'),
        /roles: Exchange\.ManageAsApp; Entra roles: User Administrator, Exchange Administrator$/,
      );
      assert.match(
        lineOf(output, 'Bot Framework token'),
        new RegExp(`^✓ Bot Framework token for MicrosoftAppId ${APPS.bot} .*issued`),
      );
      assert.match(output, /TENANT_MODE=live: checking tenant 77ba9c8f-8432-4421-935c-e5c7e1fccbcf/);
      assert.ok(!output.includes('PRIVATE KEY') && !output.includes(BOT_SECRET));
    });

    it('npm run doctor: a wrong bot secret fails only the Bot Framework line, naming MicrosoftAppPassword', async () => {
      const wrong = 'wrong-bot-secret~42';
      const { code, output } = await run({
        ...liveEnvironment(h, APPS.certificate),
        AZURE_CLIENT_CERTIFICATE_PATH: h.clientCertificate.pemPath,
        ...botEnvironment(wrong),
      });
      assert.equal(code, 1, output);
      assert.deepEqual(
        output
          .split('\n')
          .filter((l) => /^[✗!] /.test(l))
          .map((l) => l.slice(0, 40)),
        [`✗ Bot Framework token for MicrosoftAppId`],
      );
      assert.match(
        lineOf(output, 'Bot Framework token'),
        /MicrosoftAppPassword is not a valid client secret .*AADSTS7000215/,
      );
      assert.ok(!output.includes(wrong));
    });

    it('npm run doctor: a wrong secret fails both token checks with what to fix, the rest not checked', async () => {
      const wrong = 'wrong-secret~not.the.value_42';
      const { code, output } = await run({ ...liveEnvironment(h, APPS.secret), AZURE_CLIENT_SECRET: wrong });
      assert.equal(code, 1, output);
      assert.match(lineOf(output, 'Token for Microsoft Graph'), /^✗ .*AADSTS7000215.*AZURE_CLIENT_SECRET/);
      assert.match(lineOf(output, 'Directory readable'), /^– .*not checked: no token for Microsoft Graph/);
      assert.match(lineOf(output, 'Exchange Get-Mailbox'), /^– .*not checked/);
      assert.match(output, /2 required checks failed/);
      assert.ok(!output.includes(wrong) && !output.includes(CLIENT_SECRET));
    });

    describe('permission matrix (in-process, minted tokens, the narrow Exchange role group)', () => {
      const clientId = 'a4b0a0ef-1d1e-4b59-9a0c-5d7d2f3c00ff';
      const liveConfig = (groupId: string = SEED.groups.approvers) =>
        loadConfig({
          TENANT_MODE: 'live',
          AZURE_TENANT_ID: SEED.tenantId,
          AZURE_CLIENT_ID: clientId,
          APPROVER_GROUP_ID: groupId,
          HELPDESK_GROUP_ID: SEED.groups.helpdesk,
          MicrosoftAppId: APPS.bot,
          MicrosoftAppPassword: 'not used: the bot credential is minted in-process',
          MicrosoftAppTenantId: SEED.tenantId,
          GRAPH_BASE_URL: h.httpSim.graphBaseUrl,
          EXO_BASE_URL: h.httpSim.exoBaseUrl,
        });

      interface Grants {
        graph?: string[];
        exchange?: string[];
        wids?: string[];
        cmdlets?: readonly string[];
        /** false: the role group exists, but the app's service principal is not a member. */
        member?: boolean;
        groupId?: string;
      }

      async function doctorAs(
        grants: Grants = {},
      ): Promise<{ results: CheckResult[]; output: string; exitCode: number }> {
        h.httpSim.reset();
        const objectId = h.authority.servicePrincipalId(clientId);
        grantRoleGroup(h.httpSim.exchangeRbac, clientId, objectId, grants.cmdlets ?? CMDLETS, grants.member);
        h.authority.register({
          clientId,
          roles: {
            [GRAPH_RESOURCE]: grants.graph ?? GRAPH_ROLES,
            [EXCHANGE_RESOURCE]: grants.exchange ?? ['Exchange.ManageAsApp'],
          },
          wids: grants.wids ?? [ENTRA_ROLES.userAdministrator.id],
        });
        const lines: string[] = [];
        const outcome = await runDoctor(liveConfig(grants.groupId), {
          write: (l) => lines.push(l),
          credential: h.authority.credentialFor(clientId),
          botCredential: h.authority.credentialFor(APPS.bot),
        });
        return { ...outcome, output: lines.join('\n') };
      }

      it('passes everything with the least privileged setup: six Graph permissions, User Administrator, the three-cmdlet role group', async () => {
        const { exitCode, results, output } = await doctorAs();
        assert.equal(exitCode, 0, output);
        assert.deepEqual(problems(results), [], output);
        assert.equal(results.filter((r) => r.status === 'skip').length, 0, output);
      });

      for (const permission of GRAPH_ROLES) {
        it(`fails exactly the ${permission} line, and names it, when the token lacks it`, async () => {
          const { exitCode, results, output } = await doctorAs({
            graph: GRAPH_ROLES.filter((p) => p !== permission),
          });
          assert.equal(exitCode, 1, output);
          const found = problems(results);
          assert.equal(found.length, 1, output);
          const [line] = found;
          assert.ok(line?.title.startsWith(`Microsoft Graph permission ${permission} (`), line?.title);
          assert.equal(line?.status, 'fail');
          assert.match(
            line?.fix ?? '',
            new RegExp(
              `^Grant the Microsoft Graph application permission ${permission.replace('.', '\\.')} to the service principal`,
            ),
          );
          assert.match(line?.fix ?? '', /docs\/setup\.md, "4\. Grant Microsoft 365 permissions"/);
        });
      }

      it('fails exactly the Exchange.ManageAsApp line when the Exchange token lacks it', async () => {
        const { results, output } = await doctorAs({ exchange: [] });
        assert.deepEqual(
          problems(results).map((r) => r.title),
          ['Exchange Online permission Exchange.ManageAsApp (every Exchange Online cmdlet below)'],
          output,
        );
      });

      for (const cmdlet of CMDLETS) {
        it(`fails exactly the ${cmdlet} line, naming the role to add, when the role group lacks it`, async () => {
          const { exitCode, results, output } = await doctorAs({
            cmdlets: CMDLETS.filter((c) => c !== cmdlet),
          });
          assert.equal(exitCode, 1, output);
          const found = problems(results);
          assert.equal(found.length, 1, output);
          assert.match(found[0]?.title ?? '', new RegExp(`^Exchange ${cmdlet} `));
          assert.match(found[0]?.detail ?? '', /is not recognized/);
          assert.match(
            found[0]?.fix ?? '',
            new RegExp(
              `-EnabledCmdlets ${cmdlet}, then New-ManagementRoleAssignment -SecurityGroup "Unblock assistant"`,
            ),
          );
          assert.equal(h.httpSim.restrictedSenders().length, 5, 'nobody was unblocked');
        });
      }

      it('fails exactly one line, the Exchange role, when the app has neither the role group nor Exchange Administrator', async () => {
        const { results, output } = await doctorAs({ member: false });
        assert.deepEqual(
          problems(results).map((r) => r.title),
          ['Exchange role for the app (role group, or Exchange Administrator)'],
          output,
        );
        assert.match(
          problems(results)[0]?.fix ?? '',
          /New-ServicePrincipal, Add-RoleGroupMember.*Exchange Administrator/,
        );
        assert.deepEqual(
          results.filter((r) => /^Exchange (Get|Remove)-/.test(r.title)).map((r) => r.status),
          ['skip', 'skip', 'skip'],
        );
      });

      it('accepts Exchange Administrator instead of the role group (the documented fallback)', async () => {
        const { results, output } = await doctorAs({
          member: false,
          wids: [ENTRA_ROLES.userAdministrator.id, ENTRA_ROLES.exchangeAdministrator.id],
        });
        assert.deepEqual(problems(results), [], output);
      });

      it('warns on exactly the User Administrator line, and says an administrative-unit assignment cannot be seen', async () => {
        const { exitCode, results, output } = await doctorAs({ wids: [] });
        assert.equal(exitCode, 0, output);
        const found = problems(results);
        assert.deepEqual(
          found.map((r) => [r.title, r.status]),
          [['Entra role for password resets (User Administrator)', 'warn']],
        );
        assert.match(
          found[0]?.fix ?? '',
          /^Assign the Entra role User Administrator to the service principal .*administrative unit/,
        );
      });

      it('recognises the administrative-unit setup by its tenant-wide Directory Readers, and still says it cannot confirm the scoped role', async () => {
        const { exitCode, results } = await doctorAs({ wids: [ENTRA_ROLES.directoryReaders.id] });
        assert.equal(exitCode, 0);
        const found = problems(results);
        assert.equal(found.length, 1);
        assert.match(
          found[0]?.detail ?? '',
          /Directory Readers is, as a role over an administrative unit needs/,
        );
        assert.match(found[0]?.fix ?? '', /ignore this line if you made one/);
      });

      it('warns about Global Administrator and about permissions broader than needed', async () => {
        const { exitCode, results, output } = await doctorAs({
          graph: [...GRAPH_ROLES.filter((p) => p !== 'User.RevokeSessions.All'), 'Directory.ReadWrite.All'],
          wids: [ENTRA_ROLES.globalAdministrator.id],
        });
        assert.equal(exitCode, 0, output);
        assert.match(
          lineOf(output, 'permission User.RevokeSessions.All'),
          /^✓ .*through the broader Directory\.ReadWrite\.All/,
        );
        assert.deepEqual(
          problems(results).map((r) => r.title),
          ['Permissions beyond what the bot needs', 'Entra roles beyond what the bot needs'],
        );
        assert.match(lineOf(output, 'Permissions beyond'), /: Directory\.ReadWrite\.All$/);
        assert.match(lineOf(output, 'Entra roles beyond'), /: Global Administrator$/);
      });

      it('reports an APPROVER_GROUP_ID that names no group', async () => {
        const { results } = await doctorAs({ groupId: '0b0b0b0b-0000-4000-8000-000000000000' });
        const found = problems(results);
        assert.equal(found.length, 1);
        assert.match(
          found[0]?.detail ?? '',
          /no group 0b0b0b0b-0000-4000-8000-000000000000 in this tenant \(APPROVER_GROUP_ID\)/,
        );
        assert.match(found[0]?.fix ?? '', /Set APPROVER_GROUP_ID/);
      });
    });
  });
});
