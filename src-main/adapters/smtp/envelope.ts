// MAIL FROM and RCPT TO for the SES SMTP door, answered in SES's words (ses-facts §A.3) rather than
// smtp-server's: a declared `SIZE=` over the limit → `552 Message is too long.`; a sender address SES would
// refuse → `553 <addr> Invalid email address`; a recipient → `553 <addr> address unknown`.
// smtp-server checks some things itself before any hook runs, with its own texts, so the listener options
// (server.ts) hand over what they can: `hideSize` (its SIZE= check only runs when the limit is advertised, so
// EHLO says `SIZE` without the number) and `lenientAddressParsing` (it then refuses only the grossest
// syntax, and the checks it would have made in its strict mode are made here, so the same addresses pass).
// What still gets the library's text — a path without <…>, no `@` or several, an empty side of the `@`,
// control characters, an empty RCPT TO — is `501 Error: Bad sender/recipient address syntax`: changing it
// would mean patching smtp-server (lib/smtp-connection.js `_parseAddressCommand`, called before the hooks).
// Owns: these two hooks. Must not: decide whether a sender is verified or recipients are allowed (the engine
// does, at DATA, where SES answers too).
import { isIPv4, isIPv6 } from 'node:net';
import type { SMTPServerAddress, SMTPServerSession } from 'smtp-server';
import { MAX_MESSAGE_BYTES_V2 } from '../../core/limits';
import { REPLIES, replyError } from './replies';

type HookCallback = (err?: Error | null) => void;
export type AddressHook = (address: SMTPServerAddress, session: SMTPServerSession, callback: HookCallback) => void;

/**
 * smtp-server's strict-mode address rules (v3.21, `_parseAddressCommand`), applied after its lenient parse
 * has already made sure of `<…>`, exactly one `@` with both sides non-empty, and no control characters.
 */
export function addressSyntaxOk(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at <= 0) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  // RFC 5321 §4.5.3.1.3: a path is at most 256 octets including `<`, `>`.
  if (local.length + 1 + domain.length > 253) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  if (domain.startsWith('[') && domain.endsWith(']')) {
    const literal = domain.slice(1, -1);
    return /^ipv6:/i.test(literal) ? isIPv6(literal.slice(5)) : isIPv4(literal);
  }
  return (
    domain !== '' &&
    !domain.startsWith('.') &&
    !domain.endsWith('.') &&
    !/\.\.|\.-|-\./.test(domain) &&
    /^[a-zA-Z0-9\u0080-\uFFFF.-]+$/.test(domain)
  );
}

/** `SIZE=` as declared on MAIL FROM (smtp-server has checked it is 1–20 digits), or null. */
function declaredSize(address: SMTPServerAddress): number | null {
  const size = address.args ? address.args.SIZE : undefined;
  return typeof size === 'string' ? Number(size) : null;
}

export const onMailFrom: AddressHook = (address, _session, callback) => {
  const size = declaredSize(address);
  if (size !== null && size > MAX_MESSAGE_BYTES_V2) {
    callback(replyError(REPLIES.tooLong.code, REPLIES.tooLong.text));
    return;
  }
  // `<>` (the null sender) is allowed: the From header then names the source.
  if (address.address !== '' && !addressSyntaxOk(address.address)) {
    callback(replyError(REPLIES.badSender.code, REPLIES.badSender.text(address.address)));
    return;
  }
  callback();
};

export const onRcptTo: AddressHook = (address, _session, callback) => {
  // RFC 5321 §4.1.1.3: the domainless `postmaster` recipient must be accepted (smtp-server does too).
  if (address.address.toLowerCase() !== 'postmaster' && !addressSyntaxOk(address.address)) {
    callback(replyError(REPLIES.badRecipient.code, REPLIES.badRecipient.text(address.address)));
    return;
  }
  callback();
};
