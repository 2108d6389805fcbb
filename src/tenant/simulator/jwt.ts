// Compact JWS (RFC 7515) reading and RS256/PS256 signature checks with node:crypto only: enough to validate
// Entra-style access tokens in the simulator and client assertions in the test token authority.
import { constants, createPublicKey, type JsonWebKey, KeyObject, verify } from 'node:crypto';

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** The bytes the signature covers: "<header>.<payload>". */
  signingInput: string;
  signature: Buffer;
}

/** The three parts of a compact JWT, parsed; null when it is not one. */
export function decodeJwt(token: string): DecodedJwt | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  try {
    const decoded = {
      header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as unknown,
      payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown,
    };
    if (!isObject(decoded.header) || !isObject(decoded.payload)) return null;
    return {
      header: decoded.header,
      payload: decoded.payload,
      signingInput: `${header}.${payload}`,
      signature: Buffer.from(signature, 'base64url'),
    };
  } catch {
    return null;
  }
}

/** Whether `jwt` is signed with `key` using the algorithm its header names (RS256 or PS256 only). */
export function verifyJwtSignature(jwt: DecodedJwt, key: KeyObject | JsonWebKey): boolean {
  const alg = jwt.header.alg;
  if (alg !== 'RS256' && alg !== 'PS256') return false;
  const publicKey = key instanceof KeyObject ? key : createPublicKey({ key, format: 'jwk' });
  if (publicKey.asymmetricKeyType !== 'rsa') return false;
  const data = Buffer.from(jwt.signingInput);
  if (alg === 'RS256') return verify('sha256', data, publicKey, jwt.signature);
  return verify(
    'sha256',
    data,
    {
      key: publicKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
    },
    jwt.signature,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
