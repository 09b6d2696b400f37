// A tiny node:http client for tests that must control what fetch won't let them (Host, Origin, raw paths,
// no redirect following, one keep-alive agent).
// Owns: nothing but convenience. Must not: be imported by src-main.
import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json<T = any>(): T;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  agent?: http.Agent;
}

/** `url` may carry any raw path (`/a/../b`, `//x`); it is sent exactly as given. */
export function request(url: string, opts: RawRequest = {}): Promise<RawResponse> {
  const u = new URL(url);
  const rawPath = url.slice(url.indexOf('/', u.protocol.length + 2));
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname.replace(/^\[|\]$/g, ''), port: u.port, method: opts.method ?? 'GET', path: rawPath, headers: opts.headers, agent: opts.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json: () => JSON.parse(text) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
