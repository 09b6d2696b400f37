// The link check's sockets (core/inspect/link-check.ts LinkProbe, LinkResolve): one HTTP(S) request to an
// address the core already resolved and vetted — the socket connects to that IP (no second DNS lookup, so no
// DNS rebinding), while the URL's host goes in the Host header and TLS SNI. Redirects are never followed here
// (the core follows them hop by hop), each request has a hard timeout, and at most `maxBytes` of a GET body
// are read before the socket is destroyed.
// Owns: sockets and DNS lookups for link checks. Must not: decide which addresses are allowed (core does).
import { promises as dns } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { LinkProbe, LinkResolve } from '../../core/inspect/link-check';

const USER_AGENT = 'Sesame-LinkCheck/1 (local SES emulator)';

export const lookupAll: LinkResolve = async (hostname) => (await dns.lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export const httpProbe: LinkProbe = (req) =>
  new Promise((resolve, reject) => {
    const url = new URL(req.url);
    const https = url.protocol === 'https:';
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    const options = {
      host: req.address,
      family: isIP(req.address) || undefined,
      port: url.port ? Number(url.port) : https ? 443 : 80,
      method: req.method,
      path: `${url.pathname}${url.search}`,
      agent: false as const,
      headers: {
        host: url.host,
        'user-agent': USER_AGENT,
        accept: '*/*',
        ...(req.method === 'GET' ? { range: 'bytes=0-0' } : {}),
      },
      ...(https && !isIP(hostname) ? { servername: hostname } : {}),
    };
    let settled = false;
    const finish = (err: Error | null, value?: { status: number; location: string | null }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outgoing.destroy();
      if (err) reject(err);
      else resolve(value!);
    };
    const onResponse = (res: IncomingMessage) => {
      const answer = { status: res.statusCode ?? 0, location: typeof res.headers.location === 'string' ? res.headers.location : null };
      if (req.method === 'HEAD') return finish(null, answer);
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read >= req.maxBytes) finish(null, answer);
      });
      res.on('end', () => finish(null, answer));
      res.on('error', () => finish(null, answer)); // the status line arrived: that is the answer
    };
    const outgoing = https ? httpsRequest(options, onResponse) : httpRequest(options, onResponse);
    const timer = setTimeout(() => finish(new Error(`no response within ${req.timeoutMs} ms`)), req.timeoutMs);
    outgoing.on('error', (err: NodeJS.ErrnoException) => finish(new Error(err.code ? `${err.code}: ${err.message}` : err.message)));
    outgoing.end();
  });
