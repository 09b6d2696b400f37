// The SMTP doors' TLS identity: a self-signed certificate for localhost / 127.0.0.1 / ::1, made on first run
// and kept in `<dataDir>/tls/cert.pem` and `key.pem` (key 0600) so clients that pin it keep working.
// Owns: where that pair lives, its name and extensions (adapters/tls/self-signed.ts loads, checks and
// (re)generates it: a pair is replaced only when a file is missing, unreadable, not PEM that parses, a key
// that does not belong to the certificate, or an expired certificate).
// Must not: start servers or read configuration beyond the data directory it is given.
import { join } from 'node:path';
import { systemClock, type Clock } from '../../core/clock';
import { loadOrCreateSelfSignedPair, type CertExtensions } from '../tls/self-signed';

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

const COMMON_NAME = 'localhost';
const EXTENSIONS: CertExtensions = [
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
];

export function tlsPaths(dataDir: string): { dir: string; certPath: string; keyPath: string } {
  const dir = join(dataDir, 'tls');
  return { dir, certPath: join(dir, 'cert.pem'), keyPath: join(dir, 'key.pem') };
}

/** The stored pair, or a new one written to disk when the stored pair is missing or unusable. */
export async function loadOrCreateTlsCert(dataDir: string, clock: Clock = systemClock): Promise<TlsCert> {
  const { dir, certPath, keyPath } = tlsPaths(dataDir);
  const pair = await loadOrCreateSelfSignedPair({ dir, keyPath, certPath, commonName: COMMON_NAME, extensions: EXTENSIONS }, clock);
  return { cert: pair.cert, key: pair.key, fingerprint256: pair.fingerprint256, certPath, keyPath, generated: pair.generated };
}
