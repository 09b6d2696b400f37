// Outbound HTTP for the engine (core/sns/api.ts OutboundHttp): SNS HTTP/HTTPS deliveries and event sinks go
// out through this one function, built on Node's fetch. Redirects are not followed (SNS does not follow them
// either; a 3xx is logged as the answer), each request has its own timeout, and only the first
// MAX_READ_BYTES of a response are read (the delivery log keeps 1 KB).
// HTTPS endpoints must present a certificate Node trusts (NODE_EXTRA_CA_CERTS adds a local CA).
// Owns: sockets for outbound requests. Must not: decide retries or log attempts (core/sns does).
import type { OutboundHttp, OutboundResponse } from '../../core/sns/api';

const MAX_READ_BYTES = 64 * 1024;

async function readCapped(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_READ_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, MAX_READ_BYTES).toString('utf8');
}

function describe(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return `no response within ${timeoutMs} ms`;
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ''}`;
  return err instanceof Error ? err.message : String(err);
}

export const fetchOutboundHttp: OutboundHttp = async (req): Promise<OutboundResponse> => {
  let res: Response;
  try {
    res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(req.timeoutMs),
    });
  } catch (err) {
    throw new Error(describe(err, req.timeoutMs), { cause: err });
  }
  let body = '';
  try {
    body = await readCapped(res);
  } catch {
    // The status arrived; a body cut short does not change the outcome.
  }
  return { status: res.status, body };
};
