// SES's identity verification email as a test finds it in Sesame's inbox: the newest one to an address, and
// the link in it (to follow with fetch, as a user clicks it).
// Owns: finding the mail and reading its link. Must not: be imported by src-main.
import type { Engine } from '../../src-main/core/engine-api';

export interface VerificationMail {
  id: string;
  link: string;
  text: string;
  html: string | null;
}

/** The newest verification email to `address` (as the inbox shows it), or undefined. */
export async function verificationMail(engine: Engine, address: string): Promise<VerificationMail | undefined> {
  const rows = engine.messages.list({ limit: 200 }).items.filter(
    (m) => m.operation === 'VerificationEmail' && m.to.some((t) => t.address === address),
  );
  if (!rows.length) return undefined;
  const detail = (await engine.messages.get(rows[0].id))!;
  const link = /https?:\/\/\S+\/_sesame\/verify-email\?token=[\w-]+/.exec(detail.text ?? '')?.[0];
  if (!link) throw new Error(`verification email ${rows[0].id} has no link`);
  return { id: rows[0].id, link, text: detail.text ?? '', html: detail.html };
}

/** Follows the link in the newest verification email to `address`; returns the page's status and HTML. */
export async function followVerificationLink(engine: Engine, address: string): Promise<{ status: number; html: string }> {
  const mail = await verificationMail(engine, address);
  if (!mail) throw new Error(`no verification email to ${address}`);
  const res = await fetch(mail.link);
  return { status: res.status, html: await res.text() };
}
