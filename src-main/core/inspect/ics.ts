// A summary of a text/calendar (iCalendar, RFC 5545) part: METHOD, SUMMARY, DTSTART/DTEND, LOCATION, ORGANIZER,
// ATTENDEEs, UID. A tiny tolerant reader: unfolds lines, splits `NAME;PARAMS:VALUE`, unescapes text values.
// Owns: those few fields. Must not: throw on malformed calendars (missing fields are null), interpret time
// zones or recurrence (dates are returned as written), or read beyond the first VEVENT for the summary fields.
import type { IcsAttendee, IcsSummary } from '../../contract/mime-tree';

interface IcsLine {
  name: string;
  params: Record<string, string>;
  value: string;
}

export function summarizeIcs(text: string): IcsSummary {
  const lines = parseLines(text);
  const summary: IcsSummary = {
    method: null,
    summary: null,
    dtstart: null,
    dtend: null,
    location: null,
    organizer: null,
    attendees: [],
    uid: null,
    eventCount: 0,
  };
  let inEvent = false;
  for (const line of lines) {
    if (line.name === 'BEGIN' && line.value.toUpperCase() === 'VEVENT') {
      summary.eventCount += 1;
      inEvent = summary.eventCount === 1;
      continue;
    }
    if (line.name === 'END' && line.value.toUpperCase() === 'VEVENT') {
      inEvent = false;
      continue;
    }
    if (line.name === 'METHOD' && summary.method === null) summary.method = line.value.trim();
    if (!inEvent) continue;
    switch (line.name) {
      case 'SUMMARY':
        summary.summary = unescapeText(line.value);
        break;
      case 'DTSTART':
        summary.dtstart = line.value.trim();
        break;
      case 'DTEND':
        summary.dtend = line.value.trim();
        break;
      case 'LOCATION':
        summary.location = unescapeText(line.value);
        break;
      case 'UID':
        summary.uid = line.value.trim();
        break;
      case 'ORGANIZER':
        summary.organizer = { address: mailto(line.value), name: line.params.CN ?? null };
        break;
      case 'ATTENDEE':
        summary.attendees.push(attendee(line));
        break;
      default:
        break;
    }
  }
  return summary;
}

function attendee(line: IcsLine): IcsAttendee {
  return {
    address: mailto(line.value),
    name: line.params.CN ?? null,
    role: line.params.ROLE ?? null,
    partstat: line.params.PARTSTAT ?? null,
  };
}

/** Unfold (CRLF + space/tab continues a line), then split each content line. */
function parseLines(text: string): IcsLine[] {
  const unfolded = text.replace(/\r?\n[ \t]/g, '');
  const out: IcsLine[] = [];
  for (const raw of unfolded.split(/\r?\n/)) {
    const parsed = parseLine(raw);
    if (parsed) out.push(parsed);
  }
  return out;
}

/** `NAME;P1=V1;P2="V:2":VALUE` — the first colon outside quotes ends the name and parameters. */
function parseLine(raw: string): IcsLine | null {
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < raw.length; i += 1) {
    if (raw[i] === '"') quoted = !quoted;
    else if (raw[i] === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return null;
  const [name, ...paramParts] = splitOutsideQuotes(raw.slice(0, colon), ';');
  const params: Record<string, string> = {};
  for (const p of paramParts) {
    const eq = p.indexOf('=');
    if (eq > 0) params[p.slice(0, eq).trim().toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
  }
  return { name: name.trim().toUpperCase(), params, value: raw.slice(colon + 1) };
}

function splitOutsideQuotes(text: string, sep: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === sep && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

function mailto(value: string): string {
  return value.trim().replace(/^mailto:/i, '');
}

/** RFC 5545 §3.3.11 TEXT escapes. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch)).trim();
}
