// The app package declares the Requests tab as the server serves it: a personal tab at /tab, a channel tab
// configured at /tab/config, and the single sign-on registration (webApplicationInfo, validDomains) whose
// Application ID URI is the audience the tab's API accepts.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildAppPackage } from '../../../scripts/package.js';
import { tabAudiences } from '../../../src/tab/index.js';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const DOMAIN = 'unblock-demo.azurewebsites.net';

describe('app package: the Requests tab', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'tab-package-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('declares the personal and channel tabs and the single sign-on the API verifies', async () => {
    const { manifest } = await buildAppPackage({
      env: { MicrosoftAppId: APP_ID, BOT_DOMAIN: DOMAIN },
      outFile: path.join(work, 'app.zip'),
    });
    const m = manifest as {
      staticTabs: { entityId: string; contentUrl?: string }[];
      configurableTabs: { configurationUrl: string; scopes: string[]; context: string[] }[];
      webApplicationInfo: { id: string; resource: string };
      validDomains: string[];
      developer: { privacyUrl: string; termsOfUseUrl: string };
    };
    assert.equal(
      m.staticTabs.find((tab) => tab.entityId === 'requests')?.contentUrl,
      `https://${DOMAIN}/tab`,
    );
    assert.deepEqual(m.configurableTabs, [
      {
        configurationUrl: `https://${DOMAIN}/tab/config`,
        canUpdateConfiguration: true,
        scopes: ['team'],
        context: ['channelTab'],
      },
    ]);
    assert.equal(m.webApplicationInfo.id, APP_ID);
    assert.ok(tabAudiences({ appId: APP_ID, domain: DOMAIN }).includes(m.webApplicationInfo.resource));
    assert.deepEqual(m.validDomains, [DOMAIN]);
    assert.equal(m.developer.privacyUrl, `https://${DOMAIN}/privacy`);
    assert.equal(m.developer.termsOfUseUrl, `https://${DOMAIN}/terms`);
  });
});
