// Opaque list paging tokens: an offset in the list, wrapped as base64("sesame:<offset>") so callers treat it as opaque.
// Owns: the token format, shared by the SES identity lists and the SNS lists.
// Must not: choose the error for a bad token (each caller throws its own service's).

/** The token that resumes a list at `offset`. */
export const encodePageToken = (offset: number): string => Buffer.from(`sesame:${offset}`).toString('base64');

/** The offset a token names, or undefined when the token is not one of ours. */
export function decodePageToken(token: string): number | undefined {
  const m = /^sesame:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  return m ? Number(m[1]) : undefined;
}
