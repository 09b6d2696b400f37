// Message-structure DTOs (issue 5): the MIME tree of a stored message, the ICS summary of a
// calendar part and the links found in the HTML parts. Shared by the engine (core/inspect) and the UI.
// Owns: the shapes only. Must not: import anything, hold behaviour or use Node types (the renderer reads it;
// a part's bytes are core/inspect/api.ts MimePartContent).

/** One MIME node. `path` is the IMAP-style part number mailsplit gives (`TEXT` = the whole message, then 1, 1.2…). */
export interface MimePartInfo {
  path: string;
  /** Lower-case `type/subtype`; `text/plain` when the header is absent (RFC 2045 default). */
  contentType: string;
  charset: string | null;
  /** Content-Transfer-Encoding, lower case; null when absent (7bit). */
  transferEncoding: string | null;
  disposition: 'inline' | 'attachment' | string | null;
  filename: string | null;
  /** Content-ID without the angle brackets. */
  contentId: string | null;
  /** Leaf parts: body bytes as they stand in the message (transfer-encoded); multiparts: 0. */
  encodedSize: number;
  /** Leaf parts: bytes after transfer decoding; multiparts: 0. */
  decodedSize: number;
  /** Hex SHA-256 / MD5 of the decoded content; null for multiparts. */
  sha256: string | null;
  md5: string | null;
  /** Present for text/calendar and application/ics leaves. */
  ics?: IcsSummary;
  children: MimePartInfo[];
}

export interface MimeTree {
  messageId: string;
  root: MimePartInfo;
  /** Number of nodes, root included. */
  partCount: number;
}

export interface IcsAttendee {
  address: string;
  name: string | null;
  role: string | null;
  partstat: string | null;
}

/** The few iCalendar fields a reader needs; values unescaped, dates as written (e.g. `20261201T100000Z`). */
export interface IcsSummary {
  method: string | null;
  summary: string | null;
  dtstart: string | null;
  dtend: string | null;
  location: string | null;
  organizer: { address: string; name: string | null } | null;
  attendees: IcsAttendee[];
  uid: string | null;
  /** Number of VEVENT components. */
  eventCount: number;
}

/** One URL found in an HTML part: `<a href>` or `<img src>`. */
export interface MessageLink {
  kind: 'a' | 'img';
  url: string;
  /** Link text (for `a`) or alt text (for `img`), whitespace collapsed; null when empty. */
  text: string | null;
  /** The HTML part it came from. */
  partPath: string;
}
