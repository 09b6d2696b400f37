// A whole Sesame in-process for conformance and end-to-end tests: a fresh temporary data folder, every
// port 0 (the OS picks free ones), host 127.0.0.1, the fixed UI token `test-token`.
// Owns: test defaults and cleanup (close every door, then delete the folder it created).
// Must not: be imported by src-main (tests only).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, validateConfig } from '../../src-main/core/config';
import type { SesameConfig } from '../../src-main/core/config';
import { startSesame } from '../../src-main/hosts/app';
import type { SesameHandle } from '../../src-main/hosts/app';

export const TEST_UI_TOKEN = 'test-token';

export interface TestSesameOptions extends Partial<Pick<SesameConfig, 'dataDir' | 'region' | 'accountId' | 'credentials'>> {
  aws?: Partial<SesameConfig['aws']>;
  smtp?: Partial<SesameConfig['smtp']>;
  ui?: Partial<SesameConfig['ui']>;
  retention?: Partial<SesameConfig['retention']>;
  /** Inspection settings, e.g. `{ spamd: '127.0.0.1:<port>' }` or `{ spamd: null }` (off). */
  inspect?: Partial<SesameConfig['inspect']>;
  /** Shorthand for smtp.authMode. */
  smtpAuth?: SesameConfig['smtp']['authMode'];
  /** Shorthand for the UI token; null turns the token off. */
  uiToken?: string | null;
  /**
   * The SES account at start. Default `CATCHER_ACCOUNT` (auto-verify, production, no practical limits) so
   * tests about other things are not throttled or refused; `'new'` starts as a new SES account does
   * (sandbox, 200/24 h, 1/s, verification required); or name the settings.
   */
  account?: Partial<SesameConfig['account']> | 'new';
  rendererDir?: string | null;
  version?: string;
}

/** Everything allowed: what tests not about the sending rules start with. */
export const CATCHER_ACCOUNT: SesameConfig['account'] = { autoVerify: true, sandbox: false, max24HourSend: -1, maxSendRate: 1_000_000 };

export type TestSesame = SesameHandle & {
  dataDir: string;
  /** Close everything and delete the temporary data folder (idempotent). */
  cleanup(): Promise<void>;
};

/** The config startTestSesame would use (exported for tests of the helper itself). */
export function testConfig(dataDir: string, o: TestSesameOptions = {}): SesameConfig {
  const base = defaultConfig(dataDir);
  const c: SesameConfig = {
    ...base,
    region: o.region ?? base.region,
    accountId: o.accountId ?? base.accountId,
    aws: { host: '127.0.0.1', port: 0, ...o.aws },
    smtp: { ...base.smtp, host: '127.0.0.1', port: 0, tlsPort: 0, ...o.smtp },
    ui: { host: '127.0.0.1', port: 0, tokenRequired: true, token: TEST_UI_TOKEN, ...o.ui },
    credentials: o.credentials ?? base.credentials,
    retention: { ...base.retention, ...o.retention },
    account: o.account === 'new' ? base.account : { ...CATCHER_ACCOUNT, ...o.account },
    inspect: { ...base.inspect, ...o.inspect },
  };
  if (o.smtpAuth !== undefined) c.smtp.authMode = o.smtpAuth;
  if (o.uiToken !== undefined) c.ui = { ...c.ui, token: o.uiToken, tokenRequired: o.uiToken !== null };
  return validateConfig(c);
}

export async function startTestSesame(overrides: TestSesameOptions = {}): Promise<TestSesame> {
  const owned = overrides.dataDir === undefined;
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'sesame-test-'));
  let handle: SesameHandle;
  try {
    handle = await startSesame(testConfig(dataDir, overrides), {
      host: 'headless',
      rendererDir: overrides.rendererDir ?? null,
      version: overrides.version ?? '0.0.0-test',
    });
  } catch (err) {
    if (owned) rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  let cleaning: Promise<void> | null = null;
  return {
    ...handle,
    dataDir,
    cleanup: () =>
      (cleaning ??= (async () => {
        await handle.close();
        if (owned) rmSync(dataDir, { recursive: true, force: true });
      })()),
  };
}
