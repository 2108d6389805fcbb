// The commands docs/setup.md and docs/operations.md give an administrator, checked as far as this machine
// can: shell blocks parse (bash -n) and name az commands and flags that exist and npm scripts this
// package has; PowerShell blocks are balanced and call cmdlets with parameters those cmdlets have (the
// Exchange ones as the simulator implements them, the Microsoft Graph ones from Microsoft's reference).
// Then the guide's Exchange role-group steps are followed, line by line, against the simulator's Exchange
// endpoint, and the doctor confirms that the result is all the bot needs. The Graph PowerShell steps have
// no simulator endpoint (service principals, role assignments): they are checked for syntax only.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../src/config.js';
import { runDoctor } from '../../../src/doctor/index.js';
import { ENTRA_ROLES, SEED } from '../../../src/tenant/index.js';
import { cmdletParameters } from '../../../src/tenant/simulator/cmdlets.js';
import { EXCHANGE_RESOURCE, GRAPH_RESOURCE } from '../../support/tokenAuthority.js';
import { type AuthorityHarness, GRAPH_ROLES, startAuthorityHarness } from '../tenant/authorityHarness.js';

const ROOT = path.join(__dirname, '..', '..', '..');
const DOCS = ['setup.md', 'operations.md', 'security.md'];
const read = (file: string) => readFileSync(path.join(ROOT, 'docs', file), 'utf8');

interface Block {
  file: string;
  language: string;
  code: string;
}

const blocks: Block[] = DOCS.flatMap((file) =>
  // Blocks may be indented under a list item: the indentation of the opening fence is removed.
  [...read(file).matchAll(/^( *)```(\w*)\n([\s\S]*?)^ *```$/gm)].map((m) => ({
    file,
    language: m[2] as string,
    code: (m[3] as string).replace(new RegExp(`^${m[1]}`, 'gm'), ''),
  })),
);
const ofLanguage = (language: string) => blocks.filter((b) => b.language === language);

/** `<placeholder>` → a value of the right shape, so that bash parses the line. */
const filled = (code: string) => code.replace(/<[A-Za-z][\w .-]*>/g, 'PLACEHOLDER');

/** The az commands the guides use, with the flags each accepts (Azure CLI reference). */
const AZ: Record<string, string[]> = {
  login: [],
  'bicep build': ['--file'],
  'group create': ['--name', '--location'],
  'group delete': ['--name', '--yes'],
  'deployment group what-if': ['--resource-group', '--name', '--template-file', '--parameters'],
  'deployment group create': ['--resource-group', '--name', '--template-file', '--parameters'],
  'deployment group show': ['-g', '-n', '--resource-group', '--name', '--query'],
  'webapp deploy': ['--resource-group', '--name', '--src-path', '--type'],
  'webapp ssh': ['--resource-group', '--name'],
  'webapp show': ['-g', '-n', '--query', '-o'],
  rest: ['--method', '--url', '--query', '--output'],
  'monitor action-group create': ['--resource-group', '--name', '--action'],
  'monitor metrics alert create': [
    '--resource-group',
    '--name',
    '--scopes',
    '--condition',
    '--window-size',
    '--evaluation-frequency',
    '--action',
  ],
};

/** Microsoft Graph PowerShell cmdlets the guides use, with the parameters they take (Microsoft's reference). */
const GRAPH_CMDLETS: Record<string, string[]> = {
  'Connect-MgGraph': ['Scopes', 'TenantId', 'ClientId', 'Identity', 'NoWelcome'],
  'Get-MgServicePrincipal': ['ServicePrincipalId', 'Filter', 'All', 'Property'],
  'New-MgServicePrincipal': ['AppId', 'DisplayName'],
  'New-MgServicePrincipalAppRoleAssignment': [
    'ServicePrincipalId',
    'PrincipalId',
    'ResourceId',
    'AppRoleId',
    'BodyParameter',
  ],
  'Get-MgRoleManagementDirectoryRoleDefinition': ['Filter', 'UnifiedRoleDefinitionId', 'All'],
  'New-MgRoleManagementDirectoryRoleAssignment': [
    'PrincipalId',
    'RoleDefinitionId',
    'DirectoryScopeId',
    'BodyParameter',
  ],
  'New-MgDirectoryAdministrativeUnit': [
    'DisplayName',
    'Description',
    'MembershipType',
    'MembershipRule',
    'MembershipRuleProcessingState',
    'IsMemberManagementRestricted',
    'Visibility',
  ],
  'Get-MgDirectoryAdministrativeUnit': ['AdministrativeUnitId', 'Filter', 'All'],
};
/** PowerShell's own cmdlets and the Exchange module's connection cmdlet. */
const BUILT_IN_CMDLETS = ['Where-Object', 'ForEach-Object', 'Select-Object', 'Connect-ExchangeOnline'];
const COMMON_PARAMETERS = ['Confirm', 'WhatIf', 'ErrorAction', 'Verbose'];

/** PowerShell with its `#` comments removed (a `#` inside a string stays). */
function withoutComments(code: string): string {
  return code
    .split('\n')
    .map((line) => {
      let quote: string | null = null;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i] as string;
        if (quote) {
          if (ch === quote) quote = null;
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) return line.slice(0, i);
      }
      return line;
    })
    .join('\n');
}

/** Each cmdlet call in a PowerShell block, with the parameter names it passes (strings blanked out first). */
function cmdletCalls(code: string): Array<{ cmdlet: string; parameters: string[] }> {
  const noStrings = withoutComments(code).replace(/"(?:[^"`]|`.)*"|'[^']*'/g, 'S');
  return [...noStrings.matchAll(/\b([A-Z][a-z]+-[A-Z][A-Za-z]+)\b([^|(){};\n]*)/g)].map((m) => ({
    cmdlet: m[1] as string,
    parameters: [...(m[2] as string).matchAll(/(?:^|\s)-([A-Za-z]+)/g)].map((p) => p[1] as string),
  }));
}

function balanced(code: string): string | null {
  const noStrings = withoutComments(code).replace(/"(?:[^"`]|`.)*"|'[^']*'/g, 'S');
  if (/["']/.test(noStrings)) return 'an unterminated string';
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
  for (const ch of noStrings) {
    if ('({['.includes(ch)) stack.push(ch);
    if (ch in pairs && stack.pop() !== pairs[ch]) return `an unexpected ${ch}`;
  }
  return stack.length === 0 ? null : `an unclosed ${stack.at(-1)}`;
}

/** A PowerShell command line of literals: `Cmdlet -Name "value" -List "a","b" -Flag word`. */
function parseCommand(line: string): { cmdlet: string; parameters: Record<string, string | string[]> } {
  const tokens = [...line.matchAll(/"([^"]*)"|'([^']*)'|(,)|([^\s,]+)/g)].map((m) =>
    m[3] ? { comma: true, text: ',' } : { comma: false, text: m[1] ?? m[2] ?? (m[4] as string) },
  );
  const [first, ...rest] = tokens;
  assert.ok(first, line);
  const parameters: Record<string, string | string[]> = {};
  let current: string | null = null;
  let joining = false;
  for (const token of rest) {
    if (token.comma) {
      joining = true;
      continue;
    }
    if (!joining && /^-[A-Za-z]+$/.test(token.text)) {
      current = token.text.slice(1);
      parameters[current] = '';
      continue;
    }
    assert.ok(current, `a value without a parameter in: ${line}`);
    const previous = parameters[current];
    parameters[current] = joining
      ? [...(Array.isArray(previous) ? previous : [previous ?? '']), token.text]
      : token.text;
    joining = false;
  }
  return { cmdlet: first.text, parameters };
}

const headingsOf = (file: string) =>
  [...read(file).matchAll(/^#{1,4} (.+)$/gm)].map((m) =>
    (m[1] as string)
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-'),
  );

describe('the setup guide and the operations guide', () => {
  it('has shell and PowerShell blocks to check', () => {
    assert.ok(ofLanguage('sh').length >= 6, `${ofLanguage('sh').length} sh blocks`);
    assert.ok(ofLanguage('powershell').length >= 6, `${ofLanguage('powershell').length} powershell blocks`);
  });

  it('gives shell commands that bash can parse', () => {
    for (const block of ofLanguage('sh')) {
      const result = spawnSync('bash', ['-n'], { input: filled(block.code), encoding: 'utf8' });
      assert.equal(result.status, 0, `${block.file}:\n${block.code}\n${result.stderr}`);
    }
  });

  it('uses az commands and flags that exist, and npm scripts this package has', () => {
    const scripts = Object.keys(
      (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts,
    );
    let azCount = 0;
    for (const block of ofLanguage('sh')) {
      const statements = block.code
        .replace(/\\\n\s*/g, ' ')
        .split('\n')
        .flatMap((line) => line.replace(/#.*$/, '').split(/&&|;/))
        .map((s) => s.trim());
      for (const statement of statements) {
        const npm = /(?:^|\s)npm run (?:--silent )?([\w:-]+)/.exec(statement);
        if (npm) assert.ok(scripts.includes(npm[1] as string), `npm run ${npm[1]} in ${block.file}`);
        const words = statement.replace(/"\$\(.*?\)"/g, 'S').split(/\s+/);
        if (words[0] !== 'az') continue;
        azCount++;
        const end = words.findIndex((w, i) => i > 0 && !/^[a-z][a-z-]*$/.test(w));
        const command = words.slice(1, end === -1 ? undefined : end).join(' ');
        const flags = AZ[command];
        assert.ok(flags, `unknown az command "az ${command}" in ${block.file}`);
        const used = [...statement.replace(/"[^"]*"/g, 'S').matchAll(/\s(--?[a-z][a-z-]*)/g)].map(
          (m) => m[1],
        );
        for (const flag of used)
          assert.ok(flags.includes(flag as string), `az ${command} ${flag} in ${block.file}`);
      }
    }
    assert.ok(azCount >= 10, `${azCount} az commands checked`);
  });

  it('gives PowerShell that is balanced and calls cmdlets with parameters they have', () => {
    let calls = 0;
    for (const block of ofLanguage('powershell')) {
      assert.equal(balanced(block.code), null, `${block.file}:\n${block.code}`);
      for (const { cmdlet, parameters } of cmdletCalls(block.code)) {
        calls++;
        if (BUILT_IN_CMDLETS.includes(cmdlet)) continue;
        const known = GRAPH_CMDLETS[cmdlet] ?? cmdletParameters(cmdlet);
        assert.ok(known, `unknown cmdlet ${cmdlet} in ${block.file}`);
        for (const parameter of parameters) {
          assert.ok(
            [...known, ...COMMON_PARAMETERS].some((k) => k.toLowerCase() === parameter.toLowerCase()),
            `${cmdlet} has no -${parameter} (${block.file})`,
          );
        }
      }
    }
    assert.ok(calls >= 25, `${calls} cmdlet calls checked`);
  });

  it("writes tables whose rows all have the header's number of columns", () => {
    for (const file of DOCS) {
      const lines = read(file).split('\n');
      let columns = 0;
      lines.forEach((line, i) => {
        if (!line.startsWith('|')) {
          columns = 0;
          return;
        }
        const cells = line.replace(/`[^`]*`/g, 'c').split('|').length - 2;
        if (columns === 0) columns = cells;
        assert.equal(cells, columns, `${file}:${i + 1} has ${cells} columns, its header ${columns}`);
      });
    }
  });

  it('links only to headings that exist, in the guides and in what the doctor and the app print', () => {
    for (const file of DOCS) {
      for (const [, target, anchor] of read(file).matchAll(
        /\]\(((?:setup|security|operations)\.md)?#([^)]+)\)/g,
      )) {
        const heading = headingsOf(target ?? file);
        assert.ok(heading.includes(anchor as string), `${file} links to ${target ?? file}#${anchor}`);
      }
    }
    const sources = [
      'src/doctor/fixes.ts',
      'src/doctor/botToken.ts',
      'src/doctor/doctor.ts',
      'src/config.ts',
    ];
    for (const source of sources) {
      const text = readFileSync(path.join(ROOT, source), 'utf8');
      for (const [, file, title] of text.matchAll(/docs\/(\w+\.md), "([^"]+)"/g)) {
        const headings = [...read(file as string).matchAll(/^#{1,4} (.+)$/gm)].map((m) => m[1]);
        assert.ok(headings.includes(title), `${source} names "${title}" in docs/${file}`);
      }
    }
  });
});

describe('the setup guide followed against the simulator', function () {
  this.timeout(60_000);
  const ADMIN = 'a4b0a0ef-1d1e-4b59-9a0c-5d7d2f3c0c01';
  const BOT_IDENTITY = 'a4b0a0ef-1d1e-4b59-9a0c-5d7d2f3c0c02';
  let h: AuthorityHarness;

  before(async () => {
    h = await startAuthorityHarness();
    h.authority.register({
      clientId: ADMIN,
      roles: { [EXCHANGE_RESOURCE]: ['Exchange.ManageAsApp'] },
      wids: [ENTRA_ROLES.exchangeAdministrator.id],
    });
    // What section 4's Graph PowerShell grants: the application permissions and the scoped role setup.
    h.authority.register({
      clientId: BOT_IDENTITY,
      roles: { [GRAPH_RESOURCE]: GRAPH_ROLES, [EXCHANGE_RESOURCE]: ['Exchange.ManageAsApp'] },
      wids: [ENTRA_ROLES.userAdministrator.id],
    });
  });
  after(() => h.dispose());

  async function invoke(cmdlet: string, parameters: Record<string, unknown>) {
    const response = await fetch(`${h.httpSim.exoBaseUrl}/${SEED.tenantId}/InvokeCommand`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await h.authority.mint(ADMIN, EXCHANGE_RESOURCE)}`,
      },
      body: JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: parameters } }),
    });
    const body = (await response.json()) as { value?: Array<Record<string, unknown>>; error?: unknown };
    assert.equal(response.status, 200, `${cmdlet}: ${JSON.stringify(body)}`);
    return body.value ?? [];
  }

  it("creates the narrow Exchange role group with the guide's own commands, and the doctor passes with it", async () => {
    const setup = read('setup.md');
    const section = setup.slice(
      setup.indexOf('### Exchange Online: a role group with three cmdlets'),
      setup.indexOf('**Fallback: Exchange Administrator.**'),
    );
    const lines = [...section.matchAll(/^```powershell\n([\s\S]*?)^```$/gm)].flatMap((m) =>
      (m[1] as string).split('\n').filter((l) => l.trim() !== ''),
    );
    assert.ok(lines.length >= 9, `${lines.length} lines`);
    const lists: string[][] = [];
    const ordinal = ['first', 'second', 'third'];
    const values: Record<string, string> = {
      '<managedIdentityClientId>': BOT_IDENTITY,
      '<managedIdentityPrincipalId>': h.authority.servicePrincipalId(BOT_IDENTITY),
    };
    for (const line of lines) {
      const { cmdlet, parameters } = parseCommand(line);
      if (cmdlet === 'Connect-ExchangeOnline') continue;
      const resolved = JSON.parse(
        JSON.stringify(parameters).replace(
          /<role from the (\w+) list>|<[A-Za-z]+>/g,
          (placeholder, which) => {
            if (which) {
              const list = lists[ordinal.indexOf(which)];
              // "Pick one from each list, not one whose name starts with My."
              const role = list?.find((name) => !name.startsWith('My'));
              assert.ok(role, `no role in the ${which} list`);
              return role;
            }
            const value = values[placeholder];
            assert.ok(value, `no value for ${placeholder}`);
            return value;
          },
        ),
      ) as Record<string, unknown>;
      const rows = await invoke(cmdlet, resolved);
      if (cmdlet === 'Get-ManagementRole') lists.push(rows.map((r) => String(r.Name)));
    }
    assert.equal(lists.length, 3);

    const config = loadConfig({
      TENANT_MODE: 'live',
      AZURE_TENANT_ID: SEED.tenantId,
      AZURE_CLIENT_ID: BOT_IDENTITY,
      APPROVER_GROUP_ID: SEED.groups.approvers,
      HELPDESK_GROUP_ID: SEED.groups.helpdesk,
      GRAPH_BASE_URL: h.httpSim.graphBaseUrl,
      EXO_BASE_URL: h.httpSim.exoBaseUrl,
    });
    const output: string[] = [];
    const outcome = await runDoctor(config, {
      write: (l) => output.push(l),
      credential: h.authority.credentialFor(BOT_IDENTITY),
    });
    assert.equal(outcome.exitCode, 0, output.join('\n'));
    for (const cmdlet of ['Get-BlockedSenderAddress', 'Remove-BlockedSenderAddress', 'Get-Mailbox'])
      assert.match(output.join('\n'), new RegExp(`^✓ Exchange ${cmdlet} `, 'm'));
    assert.deepEqual(
      outcome.results.filter((r) => r.status === 'fail').map((r) => r.title),
      [],
      'nothing but the Bot Framework line (no MicrosoftAppId here) is left',
    );
  });
});
