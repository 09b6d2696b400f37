// CSV in the shape of SES's bulk suppression files (suppression-list doc, "Adding email addresses in bulk":
// `recipient1@example.com,BOUNCE` one per line, spaces after the comma allowed), with an
// `EmailAddress,Reason` header row on export. Quoting per RFC 4180 (fields with a comma, quote or line break
// are quoted; `""` is a quote inside a quoted field).
// Owns: reading and writing that text. Must not: touch the list (suppression.ts does).

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  fields: string[];
}

/** Every record of `text` (CRLF or LF); blank lines are skipped. */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let touched = false;
  const endRecord = () => {
    fields.push(field);
    if (touched) records.push({ line: startLine, fields });
    fields = [];
    field = '';
    touched = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      quoted = true;
      touched = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      touched = true;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      continue;
    } else if (ch === '\n') {
      endRecord();
      line++;
      startLine = line;
    } else {
      if (!touched && ch.trim() !== '') touched = true;
      field += ch;
    }
  }
  endRecord();
  return records;
}

const quote = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Rows as CSV text, CRLF line ends, a trailing line break. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quote).join(',') + '\r\n').join('');
}
