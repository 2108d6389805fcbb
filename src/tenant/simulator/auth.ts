// The 401s Graph and Exchange Online answer to a bad bearer token. Graph: its JSON error envelope with code
// InvalidAuthenticationToken and a WWW-Authenticate challenge naming its app id. Exchange admin REST: an
// empty body, the challenge in WWW-Authenticate and the reason in x-ms-diagnostics (the form Exchange's
// REST and EWS front ends use; the exact reason texts for /adminapi are UNCONFIRMED).
import type { ServerResponse } from 'node:http';
import type { FaultApi } from './faults.js';
import { type Sent, sendEmpty, sendGraphError } from './http.js';

/** Why a token was refused. */
export type TokenRejection =
  | 'missing'
  | 'malformed'
  | 'invalid-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'wrong-tenant'
  | 'refused';

/**
 * A validator's answer: valid (with what a real token says about its caller: app roles, tenant-wide Entra
 * roles from `wids`, and the service principal's object id from `oid`) or why not.
 */
export type TokenVerdict =
  | { valid: true; roles?: readonly string[]; wids?: readonly string[]; principalId?: string }
  | { valid: false; reason: TokenRejection };

/** Validators may answer a plain boolean; false reads as a token for another audience. */
export function toVerdict(result: boolean | TokenVerdict): TokenVerdict {
  if (typeof result !== 'boolean') return result;
  return result ? { valid: true } : { valid: false, reason: 'wrong-audience' };
}

const GRAPH_MESSAGES: Record<TokenRejection, string> = {
  missing: 'Access token is empty.',
  malformed: 'CompactToken parsing failed with error code: 80049217',
  'invalid-signature': 'Access token validation failure.',
  expired: 'Lifetime validation failed, the token is expired.',
  'not-yet-valid': 'Lifetime validation failed, the token is not yet valid.',
  'wrong-issuer': 'Access token validation failure. Invalid issuer.',
  'wrong-audience': 'Access token validation failure. Invalid audience.',
  'wrong-tenant': 'Access token validation failure. Invalid tenant.',
  refused: 'Access token validation failure.',
};

const EXCHANGE_DIAGNOSTICS: Record<Exclude<TokenRejection, 'missing'>, string> = {
  malformed: '2000001;reason="The token is malformed.";error_category="invalid_token"',
  'invalid-signature':
    '2000001;reason="The token has an invalid signature.";error_category="invalid_signature"',
  expired: '2000008;reason="The token has expired.";error_category="invalid_token"',
  'not-yet-valid': '2000008;reason="The token is not yet valid.";error_category="invalid_token"',
  'wrong-issuer': '2000002;reason="The issuer is not trusted.";error_category="invalid_token"',
  'wrong-audience': '2000003;reason="The audience claim value is invalid.";error_category="invalid_resource"',
  'wrong-tenant': '2000002;reason="The tenant of the token is not valid.";error_category="invalid_tenant"',
  refused: '2000001;reason="The token is not valid.";error_category="invalid_token"',
};

const GRAPH_CHALLENGE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';
const EXCHANGE_CHALLENGE =
  'Bearer client_id="00000002-0000-0ff1-ce00-000000000000", trusted_issuers="00000001-0000-0000-c000-000000000000@*", token_types="app_asserted_user_v1 service_asserted_app_v1", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token"';

export function sendUnauthorized(res: ServerResponse, api: FaultApi, reason: TokenRejection): Sent {
  if (api === 'graph') {
    return sendGraphError(res, 401, 'InvalidAuthenticationToken', GRAPH_MESSAGES[reason], {
      'www-authenticate': GRAPH_CHALLENGE,
    });
  }
  return sendEmpty(res, 401, {
    'www-authenticate': EXCHANGE_CHALLENGE,
    ...(reason === 'missing' ? {} : { 'x-ms-diagnostics': EXCHANGE_DIAGNOSTICS[reason] }),
  });
}
