import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppManifestUtils, type TeamsManifest, type TeamsManifestLatest } from '@microsoft/app-manifest';
import { unzipSync } from 'fflate';
import {
  AppPackageError,
  buildAppPackage,
  fillTemplate,
  readPackageConfig,
  validateAgainstBundledSchema,
} from '../../../scripts/package.js';

const ROOT = path.join(__dirname, '..', '..', '..');
const TEMPLATE_DIR = path.join(ROOT, 'manifest');
const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const DOMAIN = 'unblock-demo.azurewebsites.net';
const validEnv = { MicrosoftAppId: APP_ID, BOT_DOMAIN: DOMAIN };
const packageVersion = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

type Json = Record<string, unknown>;

/** The entries of a zip file, read back as unzip would. */
function readZip(file: string): Map<string, Buffer> {
  return new Map(
    Object.entries(unzipSync(readFileSync(file))).map(([name, data]) => [name, Buffer.from(data)]),
  );
}

async function rejectsWith(promise: Promise<unknown>, code: string, ...expected: RegExp[]): Promise<string> {
  let message = '';
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppPackageError, `not an AppPackageError: ${String(error)}`);
    assert.equal(error.code, code, error.message);
    message = error.message;
    return true;
  });
  for (const pattern of expected) assert.match(message, pattern);
  return message;
}

describe('npm run package (scripts/package.ts)', () => {
  let work: string;
  let outFile: string;

  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'unblock-package-'));
    outFile = path.join(work, 'out', 'appPackage.zip');
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  /** A copy of manifest/ whose JSON files the test may edit. */
  function editableTemplate(edit: (files: Record<string, Json>) => void): string {
    const dir = path.join(work, 'template');
    cpSync(TEMPLATE_DIR, dir, { recursive: true });
    const files: Record<string, Json> = {};
    for (const file of ['manifest.json', 'da.json', 'sv.json', 'sl.json', 'nl.json']) {
      files[file] = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Json;
    }
    edit(files);
    for (const [file, json] of Object.entries(files))
      writeFileSync(path.join(dir, file), JSON.stringify(json));
    return dir;
  }

  describe('with a valid configuration', () => {
    it('writes a zip with the manifest, the four localization files and both icons at its root', async () => {
      const built = await buildAppPackage({ env: validEnv, outFile });
      assert.equal(built.outFile, outFile);
      assert.ok(existsSync(outFile));
      const entries = readZip(outFile);
      assert.deepEqual([...entries.keys()].sort(), [
        'color.png',
        'da.json',
        'manifest.json',
        'nl.json',
        'outline.png',
        'sl.json',
        'sv.json',
      ]);
      assert.ok(entries.get('color.png')?.equals(readFileSync(path.join(TEMPLATE_DIR, 'color.png'))));
      assert.ok(entries.get('outline.png')?.equals(readFileSync(path.join(TEMPLATE_DIR, 'outline.png'))));
    });

    it('gives the same bytes for the same input (fixed entry times)', async () => {
      await buildAppPackage({ env: validEnv, outFile });
      const first = readFileSync(outFile);
      await buildAppPackage({ env: validEnv, outFile });
      assert.ok(readFileSync(outFile).equals(first));
    });

    it('packs a manifest that the official schema accepts, read back from the zip', async () => {
      await buildAppPackage({ env: validEnv, outFile });
      const manifest = JSON.parse(readZip(outFile).get('manifest.json')?.toString() ?? '') as Json;
      // The library's own lookup (bundled schema by $schema URL), independent of scripts/package.ts.
      assert.deepEqual(
        await AppManifestUtils.validateAgainstSchema(manifest as unknown as TeamsManifest),
        [],
      );
      assert.match(String(manifest.$schema), /\/teams\/v1\.30\/MicrosoftTeams\.schema\.json$/);
      assert.equal(manifest.manifestVersion, '1.30');
    });

    it('is at the newest manifest version Microsoft documents as generally available, which the library bundles', () => {
      // Microsoft 365 app manifest schema reference (learn.microsoft.com/microsoft-365/extensibility/schema,
      // where the Teams manifest page now redirects, ?view=m365-app-1.30): 1.30, August 2026, is the current
      // version; nothing this app declares needs a newer one. When @microsoft/app-manifest bundles a newer
      // numbered schema, check that page before moving manifest/manifest.json to it.
      const template = JSON.parse(readFileSync(path.join(TEMPLATE_DIR, 'manifest.json'), 'utf8')) as Json;
      assert.equal(template.manifestVersion, '1.30');
      const bundled = readdirSync(
        path.join(require.resolve('@microsoft/app-manifest'), '..', 'json-schemas', 'teams'),
      )
        .map((dir) => /^v1\.(\d+)$/.exec(dir)?.[1])
        .filter((minor): minor is string => minor !== undefined)
        .map(Number);
      assert.equal(Math.max(...bundled), 30, 'the newest numbered schema @microsoft/app-manifest bundles');
    });

    it('fills the app id, the domain and the version everywhere the template names them', async () => {
      const { manifest } = await buildAppPackage({ env: validEnv, outFile });
      const typed = manifest as unknown as TeamsManifestLatest;
      assert.doesNotMatch(JSON.stringify(manifest), /\{\{\w+\}\}/);
      assert.equal(typed.id, APP_ID);
      assert.equal(typed.version, packageVersion);
      assert.equal(typed.bots?.[0]?.botId, APP_ID);
      assert.deepEqual(typed.webApplicationInfo, { id: APP_ID, resource: `api://${DOMAIN}/${APP_ID}` });
      assert.deepEqual(typed.validDomains, [DOMAIN]);
      const tab = typed.staticTabs?.find((t) => t.entityId === 'requests');
      assert.equal(tab?.contentUrl, `https://${DOMAIN}/tab`);
      assert.equal(typed.developer.privacyUrl, `https://${DOMAIN}/privacy`);
      assert.equal(typed.developer.termsOfUseUrl, `https://${DOMAIN}/terms`);
    });

    it('declares the bot in personal, team and group chat with unblock, status and help commands', async () => {
      const { manifest } = await buildAppPackage({ env: validEnv, outFile });
      const bot = (manifest as unknown as TeamsManifestLatest).bots?.[0];
      assert.deepEqual([...(bot?.scopes ?? [])].sort(), ['groupChat', 'personal', 'team']);
      const listed = new Set(bot?.commandLists?.flatMap((list) => list.scopes) ?? []);
      assert.deepEqual([...listed].sort(), ['groupChat', 'personal', 'team']);
      for (const list of bot?.commandLists ?? []) {
        assert.deepEqual(
          list.commands.map((c) => c.title),
          ['unblock', 'status', 'help'],
        );
        for (const command of list.commands) assert.ok((command.description ?? '').length > 10);
      }
    });

    it('localizes name and description in da-dk, sv-se, sl-si and nl-nl, each valid for its schema', async () => {
      const { manifest } = await buildAppPackage({ env: validEnv, outFile });
      const info = (manifest as unknown as TeamsManifestLatest).localizationInfo;
      assert.equal(info?.defaultLanguageTag, 'en-us');
      assert.deepEqual(
        info?.additionalLanguages?.map((l) => `${l.languageTag}=${l.file}`),
        ['da-dk=da.json', 'sv-se=sv.json', 'sl-si=sl.json', 'nl-nl=nl.json'],
      );
      const entries = readZip(outFile);
      const english = manifest as { description: { short: string; full: string } };
      const seedTitles: Record<string, string> = {
        'da.json': 'Fjern blokering af mail',
        'sv.json': 'Avblockera e-post',
        'sl.json': 'Deblokiraj e-pošto',
        'nl.json': 'De blokkering van e-mail opheffen',
      };
      for (const [file, title] of Object.entries(seedTitles)) {
        const localized = JSON.parse(entries.get(file)?.toString() ?? '') as Record<string, string>;
        await validateAgainstBundledSchema(localized, 'localization', file);
        assert.equal(localized['name.short'], 'Unblock assistant', file);
        assert.ok(localized['description.full']?.includes(title), `${file} quotes "${title}"`);
        assert.notEqual(localized['description.short'], english.description.short, file);
      }
    });

    it('takes the version from APP_VERSION when it is set', async () => {
      const { manifest } = await buildAppPackage({ env: { ...validEnv, APP_VERSION: '2.3.4' }, outFile });
      assert.equal(manifest.version, '2.3.4');
    });
  });

  describe('with invalid input', () => {
    it('refuses an app id that is not a GUID, naming MicrosoftAppId, and writes nothing', async () => {
      await rejectsWith(
        buildAppPackage({ env: { ...validEnv, MicrosoftAppId: 'my-bot' }, outFile }),
        'PKG_CONFIG',
        /MicrosoftAppId must be a GUID/,
      );
      assert.equal(existsSync(outFile), false);
    });

    it('and the schema itself rejects a manifest whose app id is not a GUID', async () => {
      const config = readPackageConfig(validEnv, { version: '1.0.0' });
      const template = JSON.parse(readFileSync(path.join(TEMPLATE_DIR, 'manifest.json'), 'utf8')) as Json;
      const manifest = fillTemplate(template, { ...config, appId: 'my-bot' }) as Json;
      await rejectsWith(
        validateAgainstBundledSchema(manifest, 'manifest', 'manifest.json'),
        'PKG_SCHEMA',
        /manifest\.json does not match its Teams schema/,
        /- \/id must match pattern/,
        /- \/bots\/0\/botId must match pattern/,
      );
    });

    it('refuses a missing domain, and a domain given as a URL', async () => {
      await rejectsWith(
        buildAppPackage({ env: { MicrosoftAppId: APP_ID }, outFile }),
        'PKG_CONFIG',
        /BOT_DOMAIN is required/,
      );
      await rejectsWith(
        buildAppPackage({ env: { ...validEnv, BOT_DOMAIN: `https://${DOMAIN}` }, outFile }),
        'PKG_CONFIG',
        /BOT_DOMAIN must be a host name without https:\/\//,
      );
      await rejectsWith(
        buildAppPackage({ env: { ...validEnv, BOT_DOMAIN: `${DOMAIN}/api` }, outFile }),
        'PKG_CONFIG',
        /BOT_DOMAIN must be a public host name/,
      );
      assert.equal(existsSync(outFile), false);
    });

    it('refuses a version that is not major.minor.patch', async () => {
      await rejectsWith(
        buildAppPackage({ env: { ...validEnv, APP_VERSION: '1.0.0-beta' }, outFile }),
        'PKG_CONFIG',
        /APP_VERSION must be a version like 1\.2\.3/,
      );
    });

    it('fails with the schema errors when the manifest is edited to violate the schema', async () => {
      const templateDir = editableTemplate((files) => {
        const manifest = files['manifest.json'] as Json;
        manifest.name = { short: 'Unblock assistant for the whole helpdesk', full: 'x' };
        manifest.accentColor = 'blue';
        manifest.botsAndMore = true;
      });
      await rejectsWith(
        buildAppPackage({ env: validEnv, templateDir, outFile }),
        'PKG_SCHEMA',
        /\/name\/short must NOT have more than 30 characters/,
        /\/accentColor must match pattern/,
        /must NOT have additional properties\. Details: \{"additionalProperty":"botsAndMore"\}/,
      );
      assert.equal(existsSync(outFile), false);
    });

    it('fails with the localization schema error when a translation is too long', async () => {
      const templateDir = editableTemplate((files) => {
        (files['nl.json'] as Json)['description.short'] = 'x'.repeat(81);
      });
      await rejectsWith(
        buildAppPackage({ env: validEnv, templateDir, outFile }),
        'PKG_SCHEMA',
        /nl\.json does not match its Teams schema/,
        /description\.short must NOT have more than 80 characters/,
      );
    });

    it('refuses a schema version that is not bundled rather than fetching it', async () => {
      const templateDir = editableTemplate((files) => {
        (files['manifest.json'] as Json).$schema =
          'https://developer.microsoft.com/json-schemas/teams/v1.99/MicrosoftTeams.schema.json';
      });
      await rejectsWith(
        buildAppPackage({ env: validEnv, templateDir, outFile }),
        'PKG_SCHEMA',
        /v1\.99.*is not a Teams schema bundled/,
      );
    });

    it('refuses an icon of the wrong size', async () => {
      const templateDir = editableTemplate(() => {});
      cpSync(path.join(TEMPLATE_DIR, 'outline.png'), path.join(templateDir, 'color.png'));
      await rejectsWith(
        buildAppPackage({ env: validEnv, templateDir, outFile }),
        'PKG_ICON',
        /color\.png must be a 192×192 PNG \(it is 32×32\)/,
      );
    });
  });

  describe('as a command', () => {
    const run = (args: string[], env: Record<string, string>) =>
      spawnSync(
        process.execPath,
        [require.resolve('tsx/cli'), path.join(ROOT, 'scripts', 'package.ts'), ...args],
        // A clean environment and a working directory without a .env file.
        { cwd: work, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 60_000 },
      );

    it('writes the package and exits 0', () => {
      const result = run(['--out', outFile], validEnv);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /Wrote .*appPackage\.zip \(manifest\.json, da\.json/);
      assert.ok(existsSync(outFile));
    });

    it('prints the schema error and exits 1 for an invalid manifest', () => {
      const templateDir = editableTemplate((files) => {
        (files['manifest.json'] as Json).accentColor = 'blue';
      });
      const result = run(['--template', templateDir, '--out', outFile], validEnv);
      assert.equal(result.status, 1);
      assert.match(
        result.stderr,
        /manifest\.json does not match its Teams schema\.\n {2}- \/accentColor must match/,
      );
      assert.equal(existsSync(outFile), false);
    });

    it('prints the configuration problem and exits 1 without MicrosoftAppId', () => {
      const result = run(['--out', outFile], { BOT_DOMAIN: DOMAIN });
      assert.equal(result.status, 1);
      assert.match(result.stderr, /MicrosoftAppId is required/);
    });
  });
});
