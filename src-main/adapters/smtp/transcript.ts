// The SMTP session transcript: every command the client sent and every reply we gave, per session, kept
// so the message submitted in that session carries the dialogue (MessageDetail.smtp.transcript).
// Owns: a bunyan-style logger handed to smtp-server (its `C:`/`S:` debug entries are the dialogue, keyed by
// session id), masking AUTH credentials, eliding DATA content, bounding what is kept, forgetting closed sessions.
// Must not: log to the console, keep message content or credentials, or grow without bound.
import type { SMTPServerOptions } from 'smtp-server';
import type { SmtpTranscriptLine } from '../../contract/messages';

/** A session's transcript is cut after this many lines (a client looping RSET/NOOP must not grow memory). */
export const TRANSCRIPT_MAX_LINES = 500;
/** Each line is cut to this many characters. */
export const TRANSCRIPT_MAX_LINE = 1000;
export const MASK = '********';

type Logger = Exclude<SMTPServerOptions['logger'], boolean | undefined>;

interface Entry {
  tnx?: string;
  cid?: string;
  command?: string;
}

export interface TranscriptRecorder {
  /** Pass as smtp-server's `logger` option. */
  logger: Logger;
  /** The transcript of session `sessionId` so far (a copy). */
  snapshot(sessionId: string): SmtpTranscriptLine[];
  /** Sessions currently held (for tests: closed sessions are forgotten). */
  size(): number;
}

export function createTranscriptRecorder(): TranscriptRecorder {
  const sessions = new Map<string, SmtpTranscriptLine[]>();
  const push = (cid: string, line: SmtpTranscriptLine) => {
    let lines = sessions.get(cid);
    if (!lines) sessions.set(cid, (lines = []));
    if (lines.length > TRANSCRIPT_MAX_LINES) return;
    if (lines.length === TRANSCRIPT_MAX_LINES) {
      lines.push({ from: 'note', text: `transcript cut after ${TRANSCRIPT_MAX_LINES} lines` });
      return;
    }
    lines.push({ from: line.from, text: line.text.length > TRANSCRIPT_MAX_LINE ? `${line.text.slice(0, TRANSCRIPT_MAX_LINE)}…` : line.text });
  };
  const record = (entry: unknown, _message?: unknown, ...args: unknown[]) => {
    if (!entry || typeof entry !== 'object') return;
    const { tnx, cid, command } = entry as Entry;
    if (typeof cid !== 'string') return;
    if (tnx === 'command' && typeof args[0] === 'string') push(cid, { from: 'client', text: maskCommand(command, args[0]) });
    else if (tnx === 'send' && typeof args[0] === 'string') for (const l of args[0].split(/\r?\n/)) push(cid, { from: 'server', text: l });
    else if (tnx === 'starttls') push(cid, { from: 'note', text: 'TLS negotiated (STARTTLS)' });
    else if (tnx === 'close') sessions.delete(cid);
  };
  return {
    logger: { debug: record, info: record },
    snapshot: (sessionId) => [...(sessions.get(sessionId) ?? [])],
    size: () => sessions.size,
  };
}

/**
 * smtp-server already replaces AUTH initial responses and continuation lines with `/* secured *\/`; we mask
 * again on our own terms so nothing after the mechanism name of an AUTH line is ever kept.
 */
function maskCommand(command: string | undefined, line: string): string {
  if ((command ?? '').toUpperCase() !== 'AUTH') return line;
  const parts = line.trim().split(/\s+/);
  if (parts[0]?.toUpperCase() !== 'AUTH') return MASK; // a continuation line: credentials
  return parts.length > 2 ? `${parts[0]} ${parts[1]} ${MASK}` : line;
}

/** The line data.ts adds where the message content was: its size only. */
export function dataLine(bytes: number): SmtpTranscriptLine {
  return { from: 'client', text: `<message content elided: ${bytes} bytes>` };
}
