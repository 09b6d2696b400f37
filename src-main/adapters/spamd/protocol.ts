// The SPAMC/SPAMD wire format (SpamAssassin's spamd manual, "PROTOCOL"): building a request and reading
// spamd's answer to CHECK / SYMBOLS / REPORT.
//   request:  `<COMMAND> SPAMC/1.5\r\n` `Content-length: <n>\r\n` `\r\n` <message bytes>
//   response: `SPAMD/1.1 <code> <message>\r\n` headers (`Spam: True ; 7.2 / 5.0`, `Content-length: n`)
//             `\r\n` body (SYMBOLS: `RULE_A,RULE_B`; REPORT: the human report with its rule table)
// Owns: encoding and parsing only. Must not: open sockets (spamc-client.ts does) or know about messages.
import type { SpamRule } from '../../contract/spam';

export type SpamcCommand = 'CHECK' | 'SYMBOLS' | 'REPORT';

export interface SpamdResponse {
  code: number;
  message: string;
  headers: Record<string, string>;
  isSpam: boolean;
  score: number;
  threshold: number;
  body: string;
}

/** Thrown for an answer that is not the SPAMD protocol or reports a failure (EX_* code other than 0). */
export class SpamdProtocolError extends Error {}

export function encodeRequest(command: SpamcCommand, raw: Buffer): Buffer {
  const head = `${command} SPAMC/1.5\r\nContent-length: ${raw.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), raw]);
}

const STATUS = /^SPAMD\/(\d+\.\d+)\s+(\d+)\s*(.*)$/;
const SPAM_HEADER = /^(true|false|yes|no)\s*;\s*(-?\d+(?:\.\d+)?)\s*\/\s*(-?\d+(?:\.\d+)?)\s*$/i;

/** Parses a complete response (spamd closes the connection after answering). */
export function parseResponse(data: Buffer): SpamdResponse {
  const text = data.toString('utf8');
  const end = text.indexOf('\r\n\r\n');
  const headEnd = end === -1 ? text.length : end;
  const lines = text.slice(0, headEnd).split('\r\n');
  const status = STATUS.exec(lines[0] ?? '');
  if (!status) throw new SpamdProtocolError(`Not a spamd answer: ${JSON.stringify((lines[0] ?? '').slice(0, 80))}`);
  const code = Number(status[2]);
  const message = status[3].trim();
  if (code !== 0) throw new SpamdProtocolError(`spamd refused the request: ${code} ${message}`);
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const spam = SPAM_HEADER.exec(headers['spam'] ?? '');
  if (!spam) throw new SpamdProtocolError(`spamd answered without a readable Spam header: ${JSON.stringify(headers['spam'] ?? null)}`);
  const body = end === -1 ? '' : text.slice(end + 4);
  return {
    code,
    message,
    headers,
    isSpam: /^(true|yes)$/i.test(spam[1]),
    score: Number(spam[2]),
    threshold: Number(spam[3]),
    body,
  };
}

/** The rule names of a SYMBOLS body (`GTUBE,NO_RECEIVED,…`). */
export function parseSymbols(body: string): string[] {
  return body
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

// A rule row of the REPORT table: ` pts rule name  description`, e.g. `1000 GTUBE   BODY: Generic Test …`
// or `-0.0 NO_RELAYS   Informational: …`; descriptions may continue on indented lines.
const RULE_ROW = /^\s*(-?\d+(?:\.\d+)?)\s+([A-Z0-9_][A-Za-z0-9_.]*)\s+(.*)$/;
const CONTINUATION = /^\s{8,}(\S.*)$/;

/** The rules in a REPORT body's table (after the `---- ----` ruler), with score and description. */
export function parseReportRules(body: string): SpamRule[] {
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  const ruler = lines.findIndex((l) => /^\s*-{3,}\s+-{3,}/.test(l));
  if (ruler === -1) return [];
  const rules: SpamRule[] = [];
  for (const line of lines.slice(ruler + 1)) {
    if (line.trim() === '') {
      if (rules.length > 0) break;
      continue;
    }
    const row = RULE_ROW.exec(line);
    if (row) {
      rules.push({ score: Number(row[1]), name: row[2], description: row[3].trim() });
      continue;
    }
    const more = CONTINUATION.exec(line);
    if (more && rules.length > 0) {
      const last = rules[rules.length - 1];
      last.description = `${last.description} ${more[1].trim()}`.trim();
      continue;
    }
    break;
  }
  return rules;
}
