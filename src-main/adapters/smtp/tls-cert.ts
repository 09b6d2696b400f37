// The SMTP doors' TLS identity: a self-signed certificate for localhost / 127.0.0.1 / ::1, made on first run
// and kept in `<dataDir>/tls/cert.pem` and `key.pem` (key 0600) so clients that pin it keep working.
// Owns: loading, checking and (re)generating that pair. A pair is replaced only when a file is missing,
// unreadable, not PEM that parses, a key that does not belong to the certificate, or an expired certificate.
// Must not: start servers or read configuration beyond the data directory it is given.
import { X509Certificate, createPrivateKey, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { systemClock, type Clock } from '../../core/clock';

export interface TlsCert {
  cert: string;
  key: string;
  certPath: string;
  keyPath: string;
  /** SHA-256 fingerprint, `AB:CD:...` as Node prints it. */
  fingerprint256: string;
  /** true when this call generated the pair (first run or a broken pair). */
  generated: boolean;
}

/** Ten years: a local development certificate should not expire under a user's feet. */
const VALIDITY_MS = 10 * 365 * 24 * 60 * 60 * 1000;
const COMMON_NAME = 'localhost';

export function tlsPaths(dataDir: string): { dir: string; certPath: string; keyPath: string } {
  const dir = join(dataDir, 'tls');
  return { dir, certPath: join(dir, 'cert.pem'), keyPath: join(dir, 'key.pem') };
}

/** The stored pair, or a new one written to disk when the stored pair is missing or unusable. */
export async function loadOrCreateTlsCert(dataDir: string, clock: Clock = systemClock): Promise<TlsCert> {
  const now = clock.now();
  const { dir, certPath, keyPath } = tlsPaths(dataDir);
  const existing = await readUsablePair(certPath, keyPath, now);
  if (existing) return { ...existing, certPath, keyPath, generated: false };

  const fresh = await generatePair(now);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeAtomically(keyPath, fresh.key, 0o600);
  await writeAtomically(certPath, fresh.cert, 0o644);
  return { ...fresh, fingerprint256: fingerprintOf(fresh.cert), certPath, keyPath, generated: true };
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

async function generatePair(now: number): Promise<{ cert: string; key: string }> {
  const pems = await generate([{ name: 'commonName', value: COMMON_NAME }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + VALIDITY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
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
