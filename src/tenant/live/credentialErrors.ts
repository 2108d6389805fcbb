// Turns a failed token request into one sentence that says what to fix, keyed on Entra's AADSTS error codes
// (https://learn.microsoft.com/entra/identity-platform/reference-error-codes). @azure/identity wraps MSAL's
// errors in several shapes (AuthenticationError, AuthenticationRequiredError, CredentialUnavailableError),
// so the code is read from every message in the cause chain. Only codes and our own words are returned,
// never Entra's description or anything the credential holds.

const HINTS: Record<string, string> = {
  '7000215':
    "the client secret was refused (AADSTS7000215): set AZURE_CLIENT_SECRET to the secret's Value (not its Secret ID) from the app registration's Certificates & secrets",
  '7000222':
    'the client secret has expired (AADSTS7000222): create a new one in the app registration and set AZURE_CLIENT_SECRET',
  '7000218':
    'no client credential was sent (AADSTS7000218): set AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH',
  '700016':
    "the application was not found in the tenant (AADSTS700016): check AZURE_CLIENT_ID (the app registration's Application (client) ID) and AZURE_TENANT_ID, and that the app is consented in that tenant",
  '90002': 'the tenant was not found (AADSTS90002): check AZURE_TENANT_ID',
  '900023': 'the tenant id is not valid (AADSTS900023): check AZURE_TENANT_ID',
  '700027':
    "the client certificate was refused (AADSTS700027): upload the certificate in AZURE_CLIENT_CERTIFICATE_PATH to the app registration's Certificates & secrets, and make sure the PEM holds its private key",
  '700024': "the client assertion is outside its validity window (AADSTS700024): check this machine's clock",
  '500011':
    "the API's service principal is not in the tenant (AADSTS500011): add the API permission in the app registration and grant admin consent",
  '1002012':
    'the scope was refused (AADSTS1002012): check GRAPH_BASE_URL and EXO_BASE_URL name Microsoft 365 hosts',
  '70011':
    'the scope was refused (AADSTS70011): check GRAPH_BASE_URL and EXO_BASE_URL name Microsoft 365 hosts',
};

const OAUTH_ERROR =
  /\b(invalid_client|unauthorized_client|invalid_request|invalid_scope|invalid_resource|invalid_grant|unsupported_grant_type)\b/;
const NETWORK_ERROR =
  /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|endpoints_resolution_error)\b/;
const TLS_ERROR =
  /\b(SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_HAS_EXPIRED|ERR_TLS_CERT_ALTNAME_INVALID|unable to verify the first certificate|self[- ]signed certificate)\b/i;
const CERTIFICATE_FILE = /\b(ENOENT|EACCES|EISDIR)\b|certificate.*(PEM|private key)|private key.*PEM/i;

/**
 * True when the authority could not be reached at all (network), as opposed to refusing the credential:
 * an Entra outage is worth retrying, a wrong secret is not.
 */
export function isCredentialOutage(error: unknown): boolean {
  const text = messagesOf(error).join('\n');
  return !/AADSTS\d{4,8}/.test(text) && !TLS_ERROR.test(text) && NETWORK_ERROR.test(text);
}

/** What to fix, in one line, for a credential's failure to get a token. */
export function describeCredentialFailure(error: unknown): string {
  const text = messagesOf(error).join('\n');
  const aadsts = /AADSTS(\d{4,8})/.exec(text)?.[1];
  if (aadsts !== undefined) {
    const hint = HINTS[aadsts];
    if (hint) return hint;
    const oauth = OAUTH_ERROR.exec(text)?.[1];
    return `Entra ID refused the request with AADSTS${aadsts}${oauth ? ` (${oauth})` : ''}: look the code up at https://login.microsoftonline.com/error?code=${aadsts}`;
  }
  if (TLS_ERROR.test(text))
    return 'the TLS certificate of the authority (AZURE_AUTHORITY_HOST) is not trusted by this machine';
  if (NETWORK_ERROR.test(text)) {
    return 'the authority could not be reached, did not answer like Entra ID, or its TLS certificate is not trusted: check AZURE_AUTHORITY_HOST (unset means https://login.microsoftonline.com) and outbound network access';
  }
  if (CERTIFICATE_FILE.test(text)) {
    return 'the client certificate could not be read: AZURE_CLIENT_CERTIFICATE_PATH must name a PEM file holding the private key and the certificate';
  }
  if (/CredentialUnavailableError/.test(text)) {
    return 'no credential is available: set AZURE_CLIENT_ID with AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH, or run with a managed identity';
  }
  const oauth = OAUTH_ERROR.exec(text)?.[1];
  return oauth
    ? `Entra ID refused the request (${oauth}): check AZURE_TENANT_ID, AZURE_CLIENT_ID and the client credential`
    : 'the credential failed without an Entra ID error code: check AZURE_TENANT_ID, AZURE_CLIENT_ID and the client credential';
}

/** Names, messages, error codes and OAuth error fields along the cause chain (not values the caller sent). */
function messagesOf(error: unknown, depth = 0): string[] {
  if (depth > 4 || typeof error !== 'object' || error === null) return [];
  const e = error as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    errorCode?: unknown;
    errorResponse?: { error?: unknown; errorDescription?: unknown };
    errors?: unknown;
    cause?: unknown;
  };
  const own = [
    e.name,
    e.message,
    e.code,
    e.errorCode,
    e.errorResponse?.error,
    e.errorResponse?.errorDescription,
  ].filter((v): v is string => typeof v === 'string');
  const nested = Array.isArray(e.errors) ? e.errors.flatMap((inner) => messagesOf(inner, depth + 1)) : [];
  return [...own, ...nested, ...messagesOf(e.cause, depth + 1)];
}
