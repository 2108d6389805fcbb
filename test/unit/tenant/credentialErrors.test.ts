import { strict as assert } from 'node:assert';
import {
  AuthenticationError,
  AuthenticationRequiredError,
  CredentialUnavailableError,
} from '@azure/identity';
import { describeCredentialFailure, isCredentialOutage } from '../../../src/tenant/live/credentialErrors.js';

describe('describeCredentialFailure', () => {
  const secret = 'pa55~word.THAT_must_not_leak';

  it('reads the AADSTS code from MSAL text wrapped by @azure/identity and names the variable to fix', () => {
    const error = new AuthenticationRequiredError({
      scopes: ['https://graph.microsoft.com/.default'],
      message: `invalid_client: Error(s): 7000215 - Timestamp: 2026-11-23 - Description: AADSTS7000215: Invalid client secret provided. - Trace ID: x`,
    });
    const text = describeCredentialFailure(error);
    assert.match(text, /AADSTS7000215/);
    assert.match(text, /AZURE_CLIENT_SECRET/);
  });

  it('reads an AuthenticationError body and a cause chain', () => {
    const inner = new AuthenticationError(401, {
      error: 'invalid_client',
      error_description: 'AADSTS700027: Client assertion failed signature validation.',
    });
    const outer = new Error('token request failed', { cause: inner });
    assert.match(describeCredentialFailure(outer), /AADSTS700027.*AZURE_CLIENT_CERTIFICATE_PATH/);
  });

  it('points unknown AADSTS codes at the error lookup, with the OAuth error, and nothing else', () => {
    const text = describeCredentialFailure(new Error(`invalid_grant: AADSTS50000: ${secret}`));
    assert.equal(
      text,
      'Entra ID refused the request with AADSTS50000 (invalid_grant): look the code up at https://login.microsoftonline.com/error?code=50000',
    );
  });

  it('explains an unreachable authority, an unreadable certificate and a missing credential', () => {
    assert.match(
      describeCredentialFailure(new Error('endpoints_resolution_error: Endpoints cannot be resolved')),
      /AZURE_AUTHORITY_HOST/,
    );
    assert.match(
      describeCredentialFailure(
        Object.assign(new Error(`ENOENT: open '/etc/${secret}.pem'`), { code: 'ENOENT' }),
      ),
      /AZURE_CLIENT_CERTIFICATE_PATH must name a PEM file/,
    );
    assert.match(describeCredentialFailure(new CredentialUnavailableError('nothing')), /managed identity/);
  });

  it('never repeats what the error said', () => {
    for (const message of [secret, `AADSTS7000215 ${secret}`, `ECONNREFUSED ${secret}`])
      assert.ok(!describeCredentialFailure(new Error(message)).includes(secret));
  });
});

describe('isCredentialOutage', () => {
  it('treats an unreachable authority as an outage worth retrying', () => {
    assert.equal(isCredentialOutage(new Error('connect ECONNREFUSED 127.0.0.1:443')), true);
    assert.equal(isCredentialOutage(new Error('getaddrinfo ENOTFOUND login.microsoftonline.com')), true);
  });

  it('treats a refused credential or an untrusted certificate as a configuration problem', () => {
    assert.equal(
      isCredentialOutage(new Error('invalid_client: AADSTS7000215: Invalid client secret')),
      false,
    );
    assert.equal(isCredentialOutage(new Error('self-signed certificate in certificate chain')), false);
  });
});
