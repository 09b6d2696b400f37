// The SNS signing identity: an RSA key and a self-signed certificate, made on first run and kept in
// `<dataDir>/sns/signing-key.pem` and `signing-cert.pem` (key 0600), so subscribers that cached the
// certificate from SigningCertURL keep verifying across restarts. Real SNS signs with a key whose
// certificate is served from `sns.<region>.amazonaws.com`; Sesame serves its own at
// `<aws-origin>/_sesame/sns/SimpleNotificationService.pem` (adapters/aws-endpoint/sns-cert.ts).
// Owns: where that pair lives and its name (adapters/tls/self-signed.ts loads, checks and (re)generates it).
// Must not: sign anything (core/sns does).
import { join } from 'node:path';
import { systemClock, type Clock } from '../../core/clock';
import { loadOrCreateSelfSignedPair } from '../tls/self-signed';

export interface SnsSigningPair {
  privateKeyPem: string;
  certificatePem: string;
}

export function snsSigningPaths(dataDir: string) {
  const dir = join(dataDir, 'sns');
  return { dir, keyPath: join(dir, 'signing-key.pem'), certPath: join(dir, 'signing-cert.pem') };
}

/** The stored pair, or a new one written to the data dir. */
export async function loadOrCreateSnsSigning(dataDir: string, clock: Clock = systemClock): Promise<SnsSigningPair> {
  const pair = await loadOrCreateSelfSignedPair({ ...snsSigningPaths(dataDir), commonName: 'sns.sesame.local' }, clock);
  return { privateKeyPem: pair.key, certificatePem: pair.cert };
}
