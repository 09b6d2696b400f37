// DATA for the SES SMTP door: collect the message, hand it to the engine as SendRawEmail, word the reply.
// Owns: the onData hook — buffering within the size limit, the SendRequest built from the envelope and the
// session (MAIL FROM, every RCPT TO, caller facts, the session transcript so far) and the `250 Ok <MessageId>` / error reply.
// Must not: validate or store mail (the engine does: recipient count, identities, quotas), nor throw out of a
// hook — every failure becomes a reply and the server keeps serving.
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import type { SmtpTranscriptLine } from '../../contract/messages';
import type { Engine, SendRequest } from '../../core/engine-api';
import type { Ids } from '../../core/ids';
import { MAX_MESSAGE_BYTES_V2 } from '../../core/limits';
import { REPLIES, acceptedText, replyError, replyFor } from './replies';
import { sessionUser } from './session';
import { dataLine, type TranscriptRecorder } from './transcript';

/** Where unexpected failures (answered 451) are reported. */
export type SmtpLog = (message: string, err: unknown) => void;

type DataCallback = (err?: Error | null, message?: string) => void;
export type DataHook = (stream: SMTPServerDataStream, session: SMTPServerSession, callback: DataCallback) => void;

export interface DataHookDeps {
  engine: Engine;
  ids: Ids;
  log: SmtpLog;
  /** When given, the session's transcript so far is kept on the message. */
  transcript?: TranscriptRecorder;
}

/** SMTP and v2 share SES's 40 MB limit (ses-facts §A.10); smtp-server's `size` flags `stream.sizeExceeded`. */
const MAX_BYTES = MAX_MESSAGE_BYTES_V2;

/** The onData hook: read the whole stream, then submit once and answer once. */
export function createDataHook(deps: DataHookDeps): DataHook {
  return (stream, session, callback) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let answered = false;
    const answer: DataCallback = (err, message) => {
      if (answered) return;
      answered = true;
      callback(err, message);
    };
    stream.on('data', (chunk: Buffer) => {
      // Past the limit keep draining (the client is still sending) but stop holding bytes.
      if (kept + chunk.length > MAX_BYTES) {
        kept = MAX_BYTES + 1;
        chunks.length = 0;
        return;
      }
      kept += chunk.length;
      chunks.push(chunk);
    });
    stream.once('error', (err: Error & { code?: string }) => {
      // ECONNECTION: the client left mid-message. Nothing was accepted and nobody is there to answer.
      if (err.code !== 'ECONNECTION') deps.log('SMTP DATA stream failed', err);
      answer(replyError(REPLIES.temporaryFailure.code, REPLIES.temporaryFailure.text));
    });
    stream.once('end', () => {
      if (stream.sizeExceeded || kept > MAX_BYTES) {
        answer(replyError(REPLIES.tooLong.code, REPLIES.tooLong.text));
        return;
      }
      void submit(deps, session, Buffer.concat(chunks)).then(
        (messageId) => answer(null, acceptedText(messageId)),
        (err: unknown) => {
          const { error, unexpected } = replyFor(err);
          if (unexpected) deps.log('SMTP submission failed', err);
          answer(error);
        },
      );
    });
  };
}

async function submit(deps: DataHookDeps, session: SMTPServerSession, data: Buffer): Promise<string> {
  const transcript = deps.transcript ? [...deps.transcript.snapshot(session.id), dataLine(data.length)] : undefined;
  const result = await deps.engine.sending.send(buildSendRequest(session, data, deps.ids, transcript));
  return result.messageId;
}

/**
 * SendRawEmail as SMTP makes it: the envelope is the destination (Bcc recipients are the envelope
 * recipients absent from To/Cc), MAIL FROM is the source (`<>` leaves it to the From header).
 */
export function buildSendRequest(
  session: SMTPServerSession,
  data: Buffer,
  ids: Ids,
  transcript?: SmtpTranscriptLine[],
): SendRequest {
  const user = sessionUser(session);
  const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  return {
    caller: {
      door: 'smtp',
      operation: 'SendRawEmail',
      sourceIp: session.remoteAddress,
      accessKeyId: user ? user.username : null,
      requestId: ids.uuid(),
      smtp: {
        remoteAddress: session.remoteAddress,
        clientHostname: session.clientHostname,
        secure: session.secure,
        user: user ? user.username : null,
        authMethod: user ? user.method : null,
        authVerified: user ? user.verified : false,
        ...(transcript ? { transcript } : {}),
      },
    },
    from: mailFrom || undefined,
    destination: { to: session.envelope.rcptTo.map((r) => r.address) },
    content: { kind: 'raw', data },
    maxBytes: MAX_MESSAGE_BYTES_V2,
  };
}
