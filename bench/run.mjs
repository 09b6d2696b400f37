// `npm run bench`: Sesame's throughput and latency figures on this machine, printed as a table.
// The server is the real built CLI in its own process; this process is the load generator (same cores).
// Server CPU per message = (utime+stime delta of the server process from /proc) / messages.
// Phases: SMTP ingest (10 pooled connections, ~4 KB multipart), SES v2 SendEmail (concurrency 20),
// fill to 100,000 stored, inbox page + search latency through the UI API, RSS, restart-to-serving.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import nodemailer from 'nodemailer';
import { buildMultipart4k, percentile, table } from './lib.mjs';

const N_SMTP = Number(process.env.BENCH_SMTP ?? 20_000);
const N_V2 = Number(process.env.BENCH_V2 ?? 20_000);
const TARGET_STORED = Number(process.env.BENCH_STORED ?? 100_000);
const TOKEN = 'bench-token';
const dataDir = mkdtempSync(join(tmpdir(), 'sesame-bench-'));
const TICKS = 100; // USER_HZ on Linux

function start() {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/sesame.mjs', 'serve', '--data-dir', dataDir, '--aws-port', '0', '--smtp-port', '0',
    '--smtp-tls-port', 'off', '--ui-port', '0', '--ui-token', TOKEN, '--max-messages', String(TARGET_STORED * 2), '--auto-verify', '--production', '--max-24-hour-send=-1', '--max-send-rate', '1000000', '--ready-json'],
  { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const line = buf.split('\n').find((l) => l.startsWith('{"ready"'));
      if (line) resolve({ child, ready: JSON.parse(line).ready, startMs: performance.now() - t0 });
    });
    child.once('exit', (c) => reject(new Error(`server exited (${c}): ${buf}`)));
  });
}

const cpuMs = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / TICKS;
};
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function smtpIngest(port, n) {
  const raw = buildMultipart4k();
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, pool: true, maxConnections: 10, maxMessages: Infinity, secure: false, ignoreTLS: true });
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      await transport.sendMail({ envelope: { from: 'bench@example.com', to: ['rcpt@example.com'] }, raw });
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
  transport.close();
}

async function v2Send(awsUrl, n, concurrency = 20) {
  const url = new URL('/v2/email/outbound-emails', awsUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const one = (i) => new Promise((resolve, reject) => {
    const body = JSON.stringify({
      FromEmailAddress: 'bench@example.com',
      Destination: { ToAddresses: ['rcpt@example.com'] },
      Content: { Simple: { Subject: { Data: `Bench message ${i} invoice ${i % 977}` }, Body: { Text: { Data: `Hello ${i}, this is a benchmark message.` }, Html: { Data: `<p>Hello <b>${i}</b></p>` } } } },
    });
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: 'AWS4-HMAC-SHA256 Credential=AKIABENCH/20260101/us-east-1/ses/aws4_request, SignedHeaders=host, Signature=0' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
  const worker = async () => {
    while (next < n) await one(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
}

async function timeGet(url, n) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await new Promise((resolve, reject) => {
      http.get(url(i), { agent, headers: { 'x-sesame-token': TOKEN } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
      }).on('error', reject);
    });
    samples.push(performance.now() - t);
  }
  agent.destroy();
  return samples;
}

async function measure(pid, fn, n) {
  const c0 = cpuMs(pid);
  const t0 = performance.now();
  await fn();
  const secs = (performance.now() - t0) / 1000;
  return { rate: n / secs, cpuPerMsg: (cpuMs(pid) - c0) / n };
}

const rows = [];
let server = await start();
try {
  const { pid } = server.child;
  const smtp = await measure(pid, () => smtpIngest(server.ready.ports.smtp, N_SMTP), N_SMTP);
  rows.push(['SMTP ingest (10 pooled conns, ~4 KB multipart)', `${smtp.rate.toFixed(0)} msg/s`, `${smtp.cpuPerMsg.toFixed(3)} ms CPU/msg`, '≥ 1,300 msg/s, ≤ 0.75 ms']);
  const v2 = await measure(pid, () => v2Send(server.ready.aws, N_V2), N_V2);
  rows.push(['SES v2 SendEmail (concurrency 20)', `${v2.rate.toFixed(0)} req/s`, `${v2.cpuPerMsg.toFixed(3)} ms CPU/req`, '≥ 1,700 req/s, ≤ 0.5 ms']);

  const remaining = TARGET_STORED - N_SMTP - N_V2;
  if (remaining > 0) await v2Send(server.ready.aws, remaining);
  const uiOrigin = new URL(server.ready.ui).origin;
  const page = await timeGet(() => `${uiOrigin}/api/messages?limit=50`, 200);
  rows.push([`inbox page (50 of ${TARGET_STORED.toLocaleString('en')})`, `p50 ${percentile(page, 50).toFixed(2)} ms`, `p95 ${percentile(page, 95).toFixed(2)} ms`, '≤ 5 ms']);
  // Substring search through the trigram index (every word ≥ 3 characters): broad, rare and absent terms.
  const indexed = ['invoice 976', 'rcpt@exa', 'nomatchxyz', 'Bench message 4242', 'invoice'];
  const search = await timeGet((i) => `${uiOrigin}/api/messages?limit=50&q=${encodeURIComponent(indexed[i % indexed.length])}`, 200);
  rows.push([`search, words ≥ 3 chars (${TARGET_STORED.toLocaleString('en')} stored)`, `p50 ${percentile(search, 50).toFixed(2)} ms`, `p95 ${percentile(search, 95).toFixed(2)} ms`, '≤ 10 ms']);
  // A 1–2 character word cannot use a trigram index: it is matched with LIKE on the summary columns.
  const short = ['invoice 42', 'Bench message 9', 'zq'];
  const shortSearch = await timeGet((i) => `${uiOrigin}/api/messages?limit=50&q=${encodeURIComponent(short[i % short.length])}`, 60);
  rows.push([`search with a 1–2 char word`, `p50 ${percentile(shortSearch, 50).toFixed(2)} ms`, `p95 ${percentile(shortSearch, 95).toFixed(2)} ms`, '(no target)']);
  rows.push([`server RSS at ${TARGET_STORED.toLocaleString('en')} stored`, `${rssMb(pid).toFixed(0)} MB`, '', '≤ 300 MB']);

  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));
  server = await start();
  rows.push([`restart to serving (${TARGET_STORED.toLocaleString('en')} stored)`, `${server.startMs.toFixed(0)} ms`, '', '≤ 1,500 ms']);
} finally {
  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(table(['measure', 'result', 'detail', 'target'], rows));
