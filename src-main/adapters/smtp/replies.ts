// SMTP replies of the SES SMTP door: the fixed texts (ses-facts §A.3) and the one translation of an
// engine failure into a reply, carried on the error as smtp-server expects (`err.responseCode`).
// Owns: reply codes and texts that are not engine errors (530, 535, 552, 553, 451) and SesError → reply.
// Must not: decide whether a message is acceptable; the engine does, this only words its answer.
import { isSesError } from '../../core/errors';

/** Texts SES's SMTP endpoint sends (docs: troubleshoot-smtp). */
export const REPLIES = {
  authRequired: { code: 530, text: 'Authentication required' },
  authInvalid: { code: 535, text: 'Authentication Credentials Invalid' },
  authOk: { code: 235, text: 'Authentication successful' },
  tooLong: { code: 552, text: 'Message is too long.' },
  /** MAIL FROM with an address SES refuses. */
  badSender: { code: 553, text: (address: string) => `<${address}> Invalid email address` },
  /** RCPT TO with an address SES refuses. */
  badRecipient: { code: 553, text: (address: string) => `<${address}> address unknown` },
  temporaryFailure: { code: 451, text: 'Temporary service failure' },
} as const;

/** An error smtp-server turns into `<responseCode> <message>`. */
export interface SmtpReplyError extends Error {
  responseCode: number;
}

export function replyError(code: number, text: string): SmtpReplyError {
  // A reply line must not break the protocol: engine texts echo user input (addresses, names).
  const err = new Error(text.replace(/[\r\n]+/g, ' ')) as SmtpReplyError;
  err.responseCode = code;
  return err;
}

/** The success reply after DATA; smtp-server prefixes `250 `. */
export const acceptedText = (messageId: string): string => `Ok ${messageId}`;

/**
 * The reply for a failed submission. A SesError answers with its SMTP code and prefix + message
 * (`554 Message rejected: ...`, `454 Throttling failure: ...`); SES's SMTP endpoint words every size
 * failure `552 Message is too long.`. Anything else (a plain Error, an InternalFailure) is our fault:
 * `451 Temporary service failure`, and `unexpected` is true so the caller logs it.
 */
export function replyFor(err: unknown): { error: SmtpReplyError; unexpected: boolean } {
  if (isSesError(err) && err.fault === 'client') {
    if (err.kind === 'MessageTooLarge') return { error: replyError(REPLIES.tooLong.code, REPLIES.tooLong.text), unexpected: false };
    const { code, prefix } = err.wire.smtp;
    return { error: replyError(code, prefix + err.message), unexpected: false };
  }
  return { error: replyError(REPLIES.temporaryFailure.code, REPLIES.temporaryFailure.text), unexpected: true };
}
