// swaks (a real, independent SMTP client) against the door: STARTTLS + AUTH LOGIN, and implicit TLS.
// Skipped, with the reason in the test name, where swaks is not installed.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

const hasSwaks = spawnSync('swaks', ['--version']).status === 0;
const run = promisify(execFile);

let h: Harness;
beforeAll(async () => {
  if (hasSwaks) h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const swaks = async (args: string[]) => (await run('swaks', args, { encoding: 'utf8' })).stdout;
const common = [
  // swaks 20201014 (Debian) does not verify certificates and has no --tls-verify option.
  '--server', '127.0.0.1',
  '--auth', 'LOGIN', '--auth-user', 'AKIASWAKS', '--auth-password', 'pw',
  '--from', 'swaks@example.com', '--to', 'rcpt@example.com',
  '--header', 'Subject: from swaks', '--body', 'swaks body',
];

describe.skipIf(!hasSwaks)(`swaks${hasSwaks ? '' : ' (skipped: swaks is not installed; apt-get install swaks)'}`, () => {
  it('--tls (STARTTLS) with AUTH LOGIN gets 250 Ok <MessageId>', async () => {
    const out = await swaks(['--port', String(h.smtp.port), '--tls', ...common]);
    expect(out).toContain(' 250 Ok ' + h.issued[h.issued.length - 1]);
    expect(out).toMatch(/<- +220 email-smtp\.amazonaws\.com ESMTP SimpleEmailService-d-/);
    const req = h.calls[h.calls.length - 1];
    expect(req.from).toBe('swaks@example.com');
    expect(req.destination).toEqual({ to: ['rcpt@example.com'] });
    expect(req.content.kind === 'raw' && req.content.data.toString('utf8')).toContain('Subject: from swaks');
    expect(req.caller.smtp).toMatchObject({ secure: true, user: 'AKIASWAKS', authMethod: 'LOGIN', authVerified: false });
  });

  it('--tlsc (implicit TLS) gets 250 Ok <MessageId>', async () => {
    const out = await swaks(['--port', String(h.smtp.tlsPort), '--tlsc', ...common]);
    expect(out).toContain(' 250 Ok ' + h.issued[h.issued.length - 1]);
    expect(h.calls[h.calls.length - 1].caller.smtp?.secure).toBe(true);
  });
});
