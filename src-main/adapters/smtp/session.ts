// SMTP AUTH for the SES SMTP door: who the client says it is, and whether we believe it.
// Owns: the onAuth hook and the user record kept on the smtp-server session. Mode `any` accepts every
// PLAIN/LOGIN credential and records it unverified; mode `strict` accepts only an access key id with its
// SES SMTP password for the configured region (ses-facts §A.7) and answers 235 / 535 as SES does.
// Must not: touch messages or the engine; MAIL-without-AUTH (530) is enforced by smtp-server's options.
import type { SMTPServerAuthentication, SMTPServerAuthenticationResponse, SMTPServerSession } from 'smtp-server';
import type { SesameConfig } from '../../core/config';
import { REPLIES } from './replies';
import { smtpPasswordMatches } from './smtp-password';

/** What a successful AUTH leaves on `session.user`. */
export interface SmtpUser {
  username: string;
  /** `PLAIN` or `LOGIN`. */
  method: string;
  /** true only when the password was checked against an SES SMTP password (mode `strict`). */
  verified: boolean;
}

/** Who the session says it is, for the engine's CallerContext; nulls before (or without) AUTH. */
export function sessionUser(session: SMTPServerSession): SmtpUser | null {
  const user: unknown = session.user;
  if (user && typeof user === 'object' && 'username' in user) return user as SmtpUser;
  return null;
}

type AuthCallback = (err: Error | null | undefined, response?: SMTPServerAuthenticationResponse) => void;
export type AuthHook = (auth: SMTPServerAuthentication, session: SMTPServerSession, callback: AuthCallback) => void;

/** The onAuth hook for `config.smtp.authMode`. */
export function createAuthHook(config: SesameConfig): AuthHook {
  return (auth, _session, callback) => {
    const username = auth.username ?? '';
    const password = auth.password ?? '';
    if (config.smtp.authMode === 'any') {
      callback(null, { user: { username, method: auth.method, verified: false } satisfies SmtpUser });
      return;
    }
    if (checkStrict(config, username, password)) {
      callback(null, { user: { username, method: auth.method, verified: true } satisfies SmtpUser });
      return;
    }
    callback(null, { message: REPLIES.authInvalid.text, responseCode: REPLIES.authInvalid.code });
  };
}

/** User = access key id; password = the SES SMTP password derived from its secret for our region. */
function checkStrict(config: SesameConfig, username: string, password: string): boolean {
  return config.credentials.some(
    (key) => key.accessKeyId === username && smtpPasswordMatches(password, key.secretAccessKey, config.region),
  );
}

/** smtp-server options that make AUTH behave as the mode says. */
export function authOptions(config: SesameConfig): {
  authMethods: string[];
  authOptional: boolean;
  authRequiredMessage: string;
  allowInsecureAuth: boolean;
} {
  return {
    authMethods: ['PLAIN', 'LOGIN'],
    // `any`: AUTH is offered but MAIL works without it. `strict`: MAIL/RCPT/DATA before AUTH get 530.
    authOptional: config.smtp.authMode !== 'strict',
    authRequiredMessage: REPLIES.authRequired.text,
    // Local development: AUTH over plaintext is allowed (SES itself demands TLS first).
    allowInsecureAuth: true,
  };
}
