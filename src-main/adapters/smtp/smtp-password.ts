// SES SMTP passwords: the SigV4-derived password SES expects for an IAM access key in a region.
// Owns: the derivation (ses-facts §A.7, https://docs.aws.amazon.com/ses/latest/dg/smtp-credentials.html)
// and a constant-time comparison of a presented password against it.
// Must not: know about sockets, sessions or configuration; the session module decides who is checked.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Fixed inputs of the derivation, as the SES developer guide gives them. */
const DATE = '11111111';
const SERVICE = 'ses';
const TERMINAL = 'aws4_request';
const MESSAGE = 'SendRawEmail';
/** Version byte of SigV4 SMTP passwords (SigV2-era passwords used 0x02; not supported). */
const VERSION = 0x04;

const hmac = (key: Buffer | string, msg: string): Buffer => createHmac('sha256', key).update(msg, 'utf8').digest();

/** The SES SMTP password for `secretAccessKey` in `region` (44 base64 characters starting with `B`). */
export function sesSmtpPassword(secretAccessKey: string, region: string): string {
  let signature = hmac(`AWS4${secretAccessKey}`, DATE);
  for (const part of [region, SERVICE, TERMINAL, MESSAGE]) signature = hmac(signature, part);
  return Buffer.concat([Buffer.from([VERSION]), signature]).toString('base64');
}

/** True when `presented` is the SES SMTP password of `secretAccessKey` in `region` (constant time). */
export function smtpPasswordMatches(presented: string, secretAccessKey: string, region: string): boolean {
  const expected = Buffer.from(sesSmtpPassword(secretAccessKey, region), 'utf8');
  const given = Buffer.from(presented, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
