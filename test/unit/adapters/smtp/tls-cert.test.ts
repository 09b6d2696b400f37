// The SMTP certificate: generated once into <dataDir>/tls, reused, replaced only when unusable;
// and the TLS listener really presents the stored certificate across restarts.
import { X509Certificate } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { connect as tlsConnect } from 'node:tls';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateTlsCert, tlsPaths } from '../../../../src-main/adapters/smtp/tls-cert';
import { FakeClock } from '../../../../src-main/core/clock';
import { makeDataDir, startHarness } from './harness';

let dataDir: string;
beforeEach(async () => {
  dataDir = await makeDataDir();
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('loadOrCreateTlsCert', () => {
  it('generates a localhost / 127.0.0.1 certificate on first run, key readable by the owner only', async () => {
    const first = await loadOrCreateTlsCert(dataDir);
    expect(first.generated).toBe(true);
    const { certPath, keyPath } = tlsPaths(dataDir);
    expect(first.certPath).toBe(certPath);
    expect((await stat(keyPath)).mode & 0o777).toBe(0o600);
    const x509 = new X509Certificate(await readFile(certPath, 'utf8'));
    expect(x509.subject).toContain('CN=localhost');
    expect(x509.subjectAltName).toContain('DNS:localhost');
    expect(x509.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(x509.fingerprint256).toBe(first.fingerprint256);
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
  });

  it('reuses the stored pair on later runs', async () => {
    const first = await loadOrCreateTlsCert(dataDir);
    const second = await loadOrCreateTlsCert(dataDir);
    expect(second.generated).toBe(false);
    expect(second.fingerprint256).toBe(first.fingerprint256);
    expect(second.key).toBe(first.key);
  });

  it.each([
    ['the certificate is missing', async () => rm(tlsPaths(dataDir).certPath)],
    ['the key is missing', async () => rm(tlsPaths(dataDir).keyPath)],
    ['the certificate is garbage', async () => writeFile(tlsPaths(dataDir).certPath, 'not a pem')],
    ['the key is garbage', async () => writeFile(tlsPaths(dataDir).keyPath, '-----BEGIN PRIVATE KEY-----\nxx\n')],
  ])('regenerates when %s', async (_why, damage) => {
    const first = await loadOrCreateTlsCert(dataDir);
    await damage();
    const second = await loadOrCreateTlsCert(dataDir);
    expect(second.generated).toBe(true);
    expect(second.fingerprint256).not.toBe(first.fingerprint256);
    const third = await loadOrCreateTlsCert(dataDir);
    expect(third).toMatchObject({ generated: false, fingerprint256: second.fingerprint256 });
  });

  it('regenerates when the key belongs to another certificate', async () => {
    const other = await makeDataDir();
    try {
      await loadOrCreateTlsCert(dataDir);
      const foreign = await loadOrCreateTlsCert(other);
      await writeFile(tlsPaths(dataDir).keyPath, foreign.key);
      expect((await loadOrCreateTlsCert(dataDir)).generated).toBe(true);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('regenerates an expired certificate, judged by the injected clock', async () => {
    const clock = new FakeClock(Date.now());
    const first = await loadOrCreateTlsCert(dataDir, clock);
    clock.advance(9 * 365 * 24 * 3600 * 1000);
    expect((await loadOrCreateTlsCert(dataDir, clock)).generated).toBe(false);
    clock.advance(2 * 365 * 24 * 3600 * 1000);
    const renewed = await loadOrCreateTlsCert(dataDir, clock);
    expect(renewed.generated).toBe(true);
    expect(renewed.fingerprint256).not.toBe(first.fingerprint256);
  });
});

/** The fingerprint the implicit-TLS listener presents. */
function presented(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      const fp = socket.getPeerCertificate().fingerprint256;
      socket.destroy();
      resolve(fp);
    });
    socket.once('error', reject);
  });
}

describe('SMTP listeners and the stored certificate', () => {
  it('present the same certificate across restarts with the same data directory', async () => {
    const first = await startHarness({ dataDir });
    const fp1 = await presented(first.smtp.tlsPort!);
    await first.close();
    const stored = new X509Certificate(await readFile(tlsPaths(dataDir).certPath, 'utf8')).fingerprint256;
    expect(fp1).toBe(stored);

    const second = await startHarness({ dataDir });
    try {
      expect(await presented(second.smtp.tlsPort!)).toBe(fp1);
    } finally {
      await second.close();
    }
  });
});
