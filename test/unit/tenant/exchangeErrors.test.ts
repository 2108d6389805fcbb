import { strict as assert } from 'node:assert';
import { exchangeTenantError, readExchangeError } from '../../../src/tenant/live/exchangeErrors.js';

const envelope = (inner: string | null, detail: string | null) =>
  JSON.stringify({
    error: {
      code: 'BadRequest',
      message: 'Invalid Operation',
      ...(detail === null ? {} : { details: [{ code: 'Client', target: '', message: detail }] }),
      innererror: {
        message: 'Invalid Operation',
        type: 'Microsoft.Exchange.Admin.OData.Core.ODataServiceException',
        ...(inner === null ? {} : { internalexception: { message: inner, type: 'Some.InnerType' } }),
      },
    },
  });

describe('Exchange error envelope', () => {
  it('prefers innererror.internalexception.message', () => {
    const d = readExchangeError(envelope('inner text', 'Ex1|T|detail text'));
    assert.deepEqual(d, { message: 'inner text', type: 'Some.InnerType' });
  });

  it('falls back to details[0].message, split as Code|Type|Message', () => {
    const d = readExchangeError(
      envelope(
        null,
        'Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|not there|really',
      ),
    );
    assert.deepEqual(d, {
      message: 'not there|really',
      type: 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException',
    });
  });

  it('falls back to error.message last', () => {
    assert.deepEqual(readExchangeError(envelope(null, null)), { message: 'Invalid Operation', type: null });
  });

  it('survives a 403 whose body is NUL bytes', () => {
    assert.equal(readExchangeError('\u0000\u0000\u0000'), null);
    const e = exchangeTenantError(403, '\u0000'.repeat(16), null, 'Get-BlockedSenderAddress');
    assert.equal(e.code, 'Forbidden');
    assert.equal(e.retryable, false);
    assert.match(e.message, /no readable body/);
  });

  it('keeps a plain-text body as the message', () => {
    assert.deepEqual(readExchangeError('Service Unavailable'), {
      message: 'Service Unavailable',
      type: null,
    });
  });

  it('maps object-not-found to NotFound', () => {
    const body = envelope(
      "The operation couldn't be performed because object 'rob@contoso.com' couldn't be found on 'X'.",
      'Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|…',
    );
    assert.equal(exchangeTenantError(400, body, null, 'Remove-BlockedSenderAddress').code, 'NotFound');
  });

  it('maps the unblock-limit error to a non-retryable UnblockLimitReached', () => {
    const body = envelope(
      "The unblock limit for 'rob@contoso.com' has been exceeded. Contact Microsoft Support to unblock the user.",
      null,
    );
    const e = exchangeTenantError(400, body, null, 'Remove-BlockedSenderAddress');
    assert.equal(e.code, 'UnblockLimitReached');
    assert.equal(e.retryable, false);
  });

  it('recognises throttling by status or by the concurrent-requests sentence', () => {
    const byStatus = exchangeTenantError(429, '', '7', 'Get-Mailbox');
    assert.equal(byStatus.code, 'Throttled');
    assert.equal(byStatus.retryAfterMs, 7000);
    assert.equal(byStatus.retryable, true);
    const byText = exchangeTenantError(
      400,
      'You have reached the maximum number of concurrent requests per tenant. Please wait and try again',
      null,
      'Get-Mailbox',
    );
    assert.equal(byText.code, 'Throttled');
  });

  it('treats 503/504 as retryable Unavailable', () => {
    for (const status of [503, 504]) {
      const e = exchangeTenantError(status, 'Service Unavailable', null, 'Get-Mailbox');
      assert.equal(e.code, 'Unavailable');
      assert.equal(e.retryable, true);
    }
  });

  it('never reports a bare 404 (wrong base URL) as a missing object', () => {
    assert.equal(exchangeTenantError(404, 'Not Found', null, 'Get-Mailbox').code, 'Unknown');
  });

  it('maps other 400s to BadRequest', () => {
    const body = envelope("A parameter cannot be found that matches parameter name 'Foo'.", null);
    assert.equal(exchangeTenantError(400, body, null, 'Get-Mailbox').code, 'BadRequest');
  });
});
