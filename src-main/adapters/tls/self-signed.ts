// A self-signed RSA key and certificate kept on disk: loaded when the stored pair is usable, otherwise made
// afresh and written crash-safely (temporary sibling, then rename). Shared by the SMTP doors' TLS identity
// (adapters/smtp/tls-cert.ts) and the SNS signing identity (adapters/deliveries/signing-cert.ts).
// Owns: loading, checking and (re)generating one pair. A pair is replaced only when a file is missing,
// unreadable, not PEM that parses, a key that does not belong to the certificate, or an expired certificate.
// Must not: decide where pairs live or what they are called (callers pass the paths and the common name).
import { X509Certificate, createPrivateKey, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { generate } from 'selfsigned';
import type { Clock } from '../../core/clock';

/** Ten years: a local development certificate should not expire under a user's feet. */
const VALIDITY_MS = 10 * 365 * 24 * 60 * 60 * 1000;

/** selfsigned's certificate extensions (the `extensions` option of its generate call). */
export type CertExtensions = NonNullable<NonNullable<Parameters<typeof generate>[1]>['extensions']>;

export interface SelfSignedSpec {
  /** Created (0700) before a new pair is written. */
  dir: string;
  keyPath: string;
  certPath: string;
  commonName: string;
  extensions?: CertExtensions;
}

export interface SelfSignedPair {
  cert: string;
  key: string;
  /** SHA-256 fingerprint, `AB:CD:...` as Node prints it. */
  fingerprint256: string;
  /** true when this call generated the pair (first run or a broken pair). */
  generated: boolean;
}

/** The stored pair, or a new one written to disk (key 0600, certificate 0644) when it is missing or unusable. */
export async function loadOrCreateSelfSignedPair(spec: SelfSignedSpec, clock: Clock): Promise<SelfSignedPair> {
  const now = clock.now();
  const existing = await readUsablePair(spec.certPath, spec.keyPath, now);
  if (existing) return { ...existing, generated: false };

  const fresh = await generatePair(now, spec.commonName, spec.extensions);
  await mkdir(spec.dir, { recursive: true, mode: 0o700 });
  await writeAtomically(spec.keyPath, fresh.key, 0o600);
  await writeAtomically(spec.certPath, fresh.cert, 0o644);
  return { ...fresh, fingerprint256: fingerprintOf(fresh.cert), generated: true };
}

async function readUsablePair(
  certPath: string,
  keyPath: string,
  now: number,
): Promise<{ cert: string; key: string; fingerprint256: string } | null> {
  try {
    const [cert, key] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
    const x509 = new X509Certificate(cert);
    if (!x509.checkPrivateKey(createPrivateKey(key))) return null;
    if (Date.parse(x509.validTo) <= now) return null;
    return { cert, key, fingerprint256: x509.fingerprint256 };
  } catch {
    // Missing, unreadable or not a certificate/key: a new pair replaces it.
    return null;
  }
}

async function generatePair(now: number, commonName: string, extensions: CertExtensions | undefined): Promise<{ cert: string; key: string }> {
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + VALIDITY_MS),
    ...(extensions ? { extensions } : {}),
  });
  return { cert: pems.cert, key: pems.private };
}

const fingerprintOf = (cert: string): string => new X509Certificate(cert).fingerprint256;

/** Write to a temporary sibling then rename, so a crash never leaves half a PEM behind. */
async function writeAtomically(path: string, text: string, mode: number): Promise<void> {
  // Random, not the pid: adapters do not read `process`, and two writers in one process must not collide.
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, text, { mode });
  await chmod(tmp, mode); // writeFile's mode is filtered by the umask
  await rename(tmp, path);
}
