// DKIM material for identities (ses-facts §A.9, §D.9): Easy DKIM's three tokens (32 lower-case letters and
// digits, each also the selector and the name of an RSA key pair SES keeps), and BYODKIM's caller-supplied
// private key, whose public half is published as `<selector>._domainkey.<domain>`.
// Owns: making tokens from the injected id source, generating key pairs off the event loop
// (crypto.generateKeyPair), reading a caller's key. Must not: store anything or decide statuses.
import { createHash, createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { identityErrors } from '../errors';
import type { Ids } from '../ids';
import type { DkimKeyLength, DkimSigningKey, DkimSigningOrigin } from './api';
import type { DkimState } from './record';

const generate = promisify(generateKeyPair);

/** Easy DKIM makes three keys (CNAMEs `<token>._domainkey.<domain>`). */
export const EASY_DKIM_TOKEN_COUNT = 3;
/** The key length SES picks when none is asked for: RSA_2048_BIT [verify] (§D.9: 1024 vs 2048). */
export const DEFAULT_DKIM_KEY_LENGTH: DkimKeyLength = 'RSA_2048_BIT';
export const DKIM_KEY_LENGTHS: readonly DkimKeyLength[] = ['RSA_1024_BIT', 'RSA_2048_BIT'];

const bitsOf = (length: DkimKeyLength) => (length === 'RSA_1024_BIT' ? 1024 : 2048);
const TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A 32-character token like SES's (`[a-z0-9]{32}`), from the injected id source. */
export function dkimToken(ids: Ids): string {
  const bytes = createHash('sha256').update(`dkim:${ids.uuid()}`).digest();
  let out = '';
  for (let i = 0; i < 32; i++) out += TOKEN_ALPHABET[bytes[i] % TOKEN_ALPHABET.length];
  return out;
}

/** Base64 SubjectPublicKeyInfo: the `p=` value of a DKIM key record. */
export const publicKeyBase64 = (key: KeyObject): string => key.export({ type: 'spki', format: 'der' }).toString('base64');

/** Three tokens, each with a fresh key pair (generated in parallel, off the event loop). */
export async function easyDkimKeys(ids: Ids, length: DkimKeyLength): Promise<DkimSigningKey[]> {
  const tokens = Array.from({ length: EASY_DKIM_TOKEN_COUNT }, () => dkimToken(ids));
  return Promise.all(
    tokens.map(async (selector) => {
      const { privateKey, publicKey } = await generate('rsa', { modulusLength: bitsOf(length) });
      return {
        selector,
        privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        publicKey: publicKeyBase64(publicKey),
      };
    }),
  );
}

/**
 * BYODKIM: the caller's private key — base64 DER as the API documents it (PKCS#1 or PKCS#8), or PEM — must be
 * RSA of 1024 or 2048 bits. Returns the key as SES keeps it; throws InvalidParameterValue otherwise.
 */
export function readExternalKey(selector: string, privateKey: string): DkimSigningKey & { length: DkimKeyLength } {
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/.test(selector)) throw identityErrors.invalidSelector(selector);
  const key = parsePrivateKey(privateKey);
  const bits = key?.asymmetricKeyType === 'rsa' ? key.asymmetricKeyDetails?.modulusLength : undefined;
  if (!key || (bits !== 1024 && bits !== 2048)) throw identityErrors.invalidPrivateKey();
  return {
    selector,
    privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKeyBase64(createPublicKey(key)),
    length: bits === 1024 ? 'RSA_1024_BIT' : 'RSA_2048_BIT',
  };
}

function parsePrivateKey(text: string): KeyObject | null {
  const attempts: (() => KeyObject)[] = text.includes('-----BEGIN')
    ? [() => createPrivateKey(text)]
    : (['pkcs8', 'pkcs1'] as const).map((type) => () => createPrivateKey({ key: Buffer.from(text.replace(/\s+/g, ''), 'base64'), format: 'der', type }));
  for (const attempt of attempts) {
    try {
      return attempt();
    } catch {
      // try the next form
    }
  }
  return null;
}

/** A freshly set up DKIM state: signing on, PENDING until the records are found (SUCCESS under auto-verify). */
export function dkimState(
  origin: DkimSigningOrigin,
  keys: DkimSigningKey[],
  current: DkimKeyLength,
  next: DkimKeyLength | null,
  at: number,
  verified: boolean,
): DkimState {
  return { signingEnabled: true, status: verified ? 'SUCCESS' : 'PENDING', origin, keys, currentKeyLength: current, nextKeyLength: next, lastKeyGenerationAt: at };
}
