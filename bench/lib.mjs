// Small helpers for the benchmark: the ~4 KB multipart test message, percentiles, a Markdown table.

export function buildMultipart4k() {
  const para = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. ';
  const text = para.repeat(20);
  const html = `<html><body><h1>Benchmark</h1><p>${para.repeat(17)}</p></body></html>`;
  return [
    'From: Bench <bench@example.com>',
    'To: rcpt@example.com',
    'Subject: SMTP benchmark message',
    'Date: Thu, 01 Jan 2026 00:00:00 +0000',
    'Message-ID: <bench@example.com>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    '',
    html,
    '--b1--',
    '',
  ].join('\r\n');
}

export function percentile(samples, p) {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export function table(head, rows) {
  const all = [head, ...rows];
  const w = head.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(w[i])).join(' | ')} |`;
  return [line(head), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
