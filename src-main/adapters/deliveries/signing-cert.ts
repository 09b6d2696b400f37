// The SNS signing identity: an RSA key and a self-signed certificate, made on first run and kept in
// `<dataDir>/sns/signing-key.pem` and `signing-cert.pem` (key 0600), so subscribers that cached the
// certificate from SigningCertURL keep verifying across restarts. Real SNS signs with a key whose
// certificate is served from `sns.<region>.amazonaws.com`; Sesame serves its own at
// `<aws-origin>/_sesame/sns/SimpleNotificationService.pem` (adapters/aws-endpoint/sns-cert.ts).
// Owns: loading, checking and (re)generating that pair. Must not: sign anything (core/sns does).
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { systemClock, type Clock } from '../../core/clock';

export interface SnsSigningPair {
  privateKeyPem: string;
  certificatePem: string;
}

const VALIDITY_MS = 10 * 365 * 24 * 60 * 60 * 1000;

export function snsSigningPaths(dataDir: string) {
  const dir = join(dataDir, 'sns');
  return { dir, keyPath: join(dir, 'signing-key.pem'), certPath: join(dir, 'signing-cert.pem') };
}

async function readPair(keyPath: string, certPath: string, now: number): Promise<SnsSigningPair | null> {
  try {
    const [privateKeyPem, certificatePem] = await Promise.all([readFile(keyPath, 'utf8'), readFile(certPath, 'utf8')]);
    const x509 = new X509Certificate(certificatePem);
    if (!x509.checkPrivateKey(createPrivateKey(privateKeyPem))) return null;
    if (Date.parse(x509.validTo) <= now) return null;
    return { privateKeyPem, certificatePem };
  } catch {
    return null;
  }
}

/** The stored pair, or a new one written to the data dir. */
export async function loadOrCreateSnsSigning(dataDir: string, clock: Clock = systemClock): Promise<SnsSigningPair> {
  const now = clock.now();
  const { dir, keyPath, certPath } = snsSigningPaths(dataDir);
  const existing = await readPair(keyPath, certPath, now);
  if (existing) return existing;
  const pems = await generate([{ name: 'commonName', value: 'sns.sesame.local' }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + VALIDITY_MS),
  });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(keyPath, pems.private, { mode: 0o600 });
  await chmod(keyPath, 0o600);
  await writeFile(certPath, pems.cert, { mode: 0o644 });
  return { privateKeyPem: pems.private, certificatePem: pems.cert };
}
