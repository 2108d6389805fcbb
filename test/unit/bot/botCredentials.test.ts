// Which credentials the bot's replies use, per app type and login authority (src/bot/botCredentials.ts):
// in the public and US Government clouds botbuilder's own, which asks a SingleTenant app's own tenant; a
// managed identity never the environment's app. The configured-authority shapes run end to end in
// test/integration/security/botCredentials.test.ts.
import { strict as assert } from 'node:assert';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import {
  ManagedIdentityAppCredentials,
  type PasswordServiceClientCredentialFactory,
} from 'botframework-connector';
import { botCredentialsFactory } from '../../../src/bot/botCredentials.js';

const APP = '5b1e9f3c-7d2a-4c6e-8f10-2a3b4c5d6e7f';
const TENANT = '77ba9c8f-8432-4421-935c-e5c7e1fccbcf';
const PUBLIC = 'https://login.microsoftonline.com/botframework.com';
const USGOV = 'https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us';
const SCOPE = 'https://api.botframework.com';

/** botbuilder's default, as ConfigurationBotFrameworkAuthentication builds it when given none. */
function botbuilderDefault(appType: string) {
  return new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: APP,
    MicrosoftAppPassword: 'secret',
    MicrosoftAppType: appType,
    MicrosoftAppTenantId: TENANT,
  });
}

async function endpointOf(factory: PasswordServiceClientCredentialFactory, loginUrl: string) {
  const credentials = (await factory.createCredentials(APP, SCOPE, loginUrl, true)) as unknown as {
    oAuthEndpoint: string;
  };
  return credentials.oAuthEndpoint;
}

describe("the bot's credentials", () => {
  it("leaves the public and US Government clouds to botbuilder, which asks a SingleTenant app's own tenant", async () => {
    for (const loginUrl of [PUBLIC, USGOV]) {
      for (const appType of ['SingleTenant', 'MultiTenant'] as const) {
        const settings = { appId: APP, appPassword: 'secret', appType, appTenantId: TENANT, loginUrl };
        assert.equal(botCredentialsFactory(settings), undefined, `${appType} at ${loginUrl}`);
      }
    }
    assert.equal(
      await endpointOf(botbuilderDefault('SingleTenant'), PUBLIC),
      `https://login.microsoftonline.com/${TENANT}`,
    );
    assert.equal(await endpointOf(botbuilderDefault('MultiTenant'), PUBLIC), PUBLIC);
    assert.equal(
      await endpointOf(botbuilderDefault('SingleTenant'), USGOV),
      `https://login.microsoftonline.us/${TENANT}`,
    );
  });

  it('gives a managed identity credentials of its own in every cloud', async () => {
    for (const loginUrl of [PUBLIC, USGOV, 'https://login.example/botframework.com']) {
      const factory = botCredentialsFactory({
        appId: APP,
        appPassword: undefined,
        appType: 'UserAssignedMSI',
        appTenantId: TENANT,
        loginUrl,
      });
      assert.ok(factory, loginUrl);
      assert.ok(
        (await factory.createCredentials(APP, SCOPE, loginUrl, true)) instanceof
          ManagedIdentityAppCredentials,
      );
    }
  });

  it('uses its own MSAL client for any other login authority', () => {
    const factory = botCredentialsFactory({
      appId: APP,
      appPassword: 'secret',
      appType: 'SingleTenant',
      appTenantId: TENANT,
      loginUrl: 'https://login.example/botframework.com',
    });
    assert.ok(factory);
    assert.equal(
      botCredentialsFactory({
        appId: undefined,
        appPassword: undefined,
        appType: 'SingleTenant',
        appTenantId: undefined,
        loginUrl: PUBLIC,
      }),
      undefined,
    );
  });
});
