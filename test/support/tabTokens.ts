// Single sign-on tokens for the Requests tab in tests: real ones from the simulated tenant's sign-in
// authority (as Teams would hand the tab), and the bad ones an attacker or a misconfiguration produces.
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { LOCAL_TAB_APP_ID, LOCAL_TAB_DOMAIN } from '../../src/tab/index.js';
import { SEED } from '../../src/tenant/index.js';
import type { TestApp } from './testApp.js';

export const TAB_AUDIENCE = `api://${LOCAL_TAB_DOMAIN}/${LOCAL_TAB_APP_ID}`;

/** A valid token for a seeded person; `claims` replace any claim (an expired exp, another aud …). */
export function tabToken(t: TestApp, userId: string, claims: Record<string, unknown> = {}): string {
  const token = t.app.simulator?.userToken(userId, { audience: TAB_AUDIENCE, claims });
  if (!token) throw new Error(`no seeded person ${userId}`);
  return token;
}

/** A token with every right claim, signed by a key the authority never published (same kid). */
export async function forgedTabToken(t: TestApp, userId: string): Promise<string> {
  const genuine = tabToken(t, userId);
  const [header, payload] = genuine.split('.') as [string, string];
  const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string };
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(privateKey);
}

/** The same claims, unsigned (alg "none"). */
export function unsignedTabToken(t: TestApp, userId: string): string {
  const payload = tabToken(t, userId).split('.')[1] ?? '';
  const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  return `${header}.${payload}.`;
}

export const people = SEED.users;
