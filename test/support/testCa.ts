// A throwaway PKI for one test run, made with the openssl CLI in a temp directory: a CA, server
// certificates it signs for 127.0.0.1 (the token authority, the HTTPS simulator), and self-signed client
// certificates for app authentication (AZURE_CLIENT_CERTIFICATE_PATH wants key + certificate in one PEM).
// A child process trusts the CA through NODE_EXTRA_CA_CERTS=caCertPath, which Node reads only at start.
import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface KeyAndCertificate {
  keyPem: string;
  certPem: string;
}

export interface ClientCertificate extends KeyAndCertificate {
  /** One PEM file with the private key and the certificate. */
  pemPath: string;
  /** base64url SHA-1 and SHA-256 of the DER certificate: the x5t and x5t#S256 JOSE header values. */
  x5t: string;
  x5tS256: string;
}

export interface TestCa {
  dir: string;
  /** For NODE_EXTRA_CA_CERTS. */
  caCertPath: string;
  caCertPem: string;
  /** A server certificate for 127.0.0.1 and localhost, signed by the CA. */
  issueServerCertificate(name: string): Promise<KeyAndCertificate>;
  /** A self-signed certificate as an app registration holds it (not signed by the CA). */
  issueClientCertificate(name: string): Promise<ClientCertificate>;
  /** Removes the directory and every key in it. */
  dispose(): Promise<void>;
}

export async function createTestCa(): Promise<TestCa> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'unblock-test-ca-'));
  const file = (name: string) => path.join(dir, name);
  const caKey = file('ca.key');
  const caCertPath = file('ca.crt');
  await openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    caKey,
    '-out',
    caCertPath,
    '-days',
    '2',
    '-subj',
    '/CN=unblock-assistant throwaway test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  let serial = 1;

  return {
    dir,
    caCertPath,
    caCertPem: await readFile(caCertPath, 'utf8'),
    async issueServerCertificate(name) {
      const key = file(`${name}.key`);
      const csr = file(`${name}.csr`);
      const cert = file(`${name}.crt`);
      const extensions = file(`${name}.ext`);
      await writeFile(
        extensions,
        [
          'basicConstraints=critical,CA:FALSE',
          'keyUsage=critical,digitalSignature,keyEncipherment',
          'extendedKeyUsage=serverAuth',
          'subjectAltName=IP:127.0.0.1,DNS:localhost',
          'subjectKeyIdentifier=hash',
          'authorityKeyIdentifier=keyid,issuer',
        ].join('\n'),
      );
      await openssl([
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        csr,
        '-subj',
        `/CN=${name}`,
      ]);
      await openssl([
        'x509',
        '-req',
        '-in',
        csr,
        '-CA',
        caCertPath,
        '-CAkey',
        caKey,
        '-set_serial',
        String(++serial),
        '-days',
        '2',
        '-extfile',
        extensions,
        '-out',
        cert,
      ]);
      return { keyPem: await readFile(key, 'utf8'), certPem: await readFile(cert, 'utf8') };
    },
    async issueClientCertificate(name) {
      const key = file(`${name}.key`);
      const cert = file(`${name}.crt`);
      await openssl([
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '2',
        '-subj',
        `/CN=${name}`,
      ]);
      const keyPem = await readFile(key, 'utf8');
      const certPem = await readFile(cert, 'utf8');
      const pemPath = file(`${name}.pem`);
      await writeFile(pemPath, `${keyPem}${certPem}`, { mode: 0o600 });
      const der = new X509Certificate(certPem).raw;
      return {
        keyPem,
        certPem,
        pemPath,
        x5t: createHash('sha1').update(der).digest('base64url'),
        x5tS256: createHash('sha256').update(der).digest('base64url'),
      };
    },
    async dispose() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function openssl(args: string[]): Promise<void> {
  await run('openssl', args, { timeout: 30_000 });
}
