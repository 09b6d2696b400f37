// DKIM signing as SES signs outgoing mail (ses-facts §A.9; doc send-email-authentication-dkim-easy,
// send-email-authentication-dkim-bring-your-own): mail whose From domain — or a parent domain — is a domain
// identity with DKIM signing enabled and DKIM status SUCCESS gets a DKIM-Signature as its first header
// (below the Return-Path line Sesame stores for the receiver),
// made by mailauth's dkimSign: rsa-sha256, relaxed/relaxed [verify: real SES mail has been seen with
// c=relaxed/simple], d=<identity domain>, s=<Easy DKIM token | BYODKIM selector>, t=<acceptance time>.
// Real SES adds a second signature with d=amazonses.com (its own key, for feedback loops); Sesame signs only
// the customer's, since nobody can verify an amazonses.com key locally.
// Owns: choosing the identity and key and the header list. Must not: store anything or decide statuses.
import { dkimSign } from 'mailauth/lib/dkim/sign.js';
import type { IdentityService } from '../identities/api';
import { domainOf } from '../mime/addresses';

/**
 * The header fields SES's customer DKIM-Signature signs, in its `h=` order, as seen in real SES mail
 * [verify]: `h=From:To:Subject:MIME-Version:Content-Type:Content-Transfer-Encoding:Date:Message-ID:Feedback-ID`
 * (plus Cc and Reply-To when present). mailauth signs only those the message has.
 */
export const SES_DKIM_HEADERS = [
  'From',
  'Reply-To',
  'To',
  'Cc',
  'Subject',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'Date',
  'Message-ID',
  'Feedback-ID',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
];

/** The signing domain and key for mail from `fromAddress`: the nearest domain identity that signs, or null. */
export function signingIdentity(
  identities: Pick<IdentityService, 'get' | 'signingKeys'>,
  fromAddress: string | null,
): { domain: string; selector: string; privateKeyPem: string } | null {
  const from = fromAddress ? domainOf(fromAddress) : null;
  if (!from) return null;
  const labels = from.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const domain = labels.slice(i).join('.');
    const id = identities.get(domain);
    if (!id || id.type !== 'DOMAIN') continue;
    // The most specific domain identity decides, as SES attributes the send to it.
    if (!id.dkim.signingEnabled || id.dkim.status !== 'SUCCESS') return null;
    const [key] = identities.signingKeys(domain);
    return key ? { domain, selector: key.selector, privateKeyPem: key.privateKeyPem } : null;
  }
  return null;
}

/** `mime` with SES's DKIM-Signature as its first header (below the receiver's Return-Path), or `mime` unchanged when the sender's domain does not sign. */
export async function signOutgoing(
  identities: Pick<IdentityService, 'get' | 'signingKeys'>,
  mime: Buffer,
  fromAddress: string | null,
  at: number,
): Promise<Buffer> {
  const signer = signingIdentity(identities, fromAddress);
  if (!signer) return mime;
  const key = { signingDomain: signer.domain, selector: signer.selector, privateKey: signer.privateKeyPem };
  // mailauth's typings ask for the key at the top level, but its signer reads only `signatureData`.
  const result = await dkimSign(mime, {
    canonicalization: 'relaxed/relaxed',
    algorithm: 'rsa-sha256',
    signTime: new Date(at),
    headerList: SES_DKIM_HEADERS,
    ...key,
    signatureData: [key],
  });
  if (result.errors.length) throw result.errors[0].err;
  if (!result.signatures) return mime;
  const sig = Buffer.from(result.signatures.replace(/\r?\n/g, '\r\n'), 'utf8');
  // First header of the message as sent; the Return-Path line Sesame stores above it is the receiver's.
  const at0 = /^Return-Path:/i.test(mime.subarray(0, 12).toString('latin1')) ? mime.indexOf('\n') + 1 : 0;
  return Buffer.concat([mime.subarray(0, at0), sig, mime.subarray(at0)]);
}
