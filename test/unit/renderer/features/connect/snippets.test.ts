// The "Connect your app" snippets (src-renderer/src/features/connect/snippets.ts) are built from the server's
// own /api/info: each carries this Sesame's real endpoint, region, credentials and SMTP ports, and quotes
// odd values so they paste safely into a shell, JavaScript or Python.
import { describe, expect, it } from 'vitest';
import type { ServerInfo } from '../../../../../src-main/contract';
import {
  awsCli,
  awsSdkJs,
  boto3,
  envBlock,
  envLines,
  nodemailerSmtp,
  SNIPPETS,
  swaks,
} from '../../../../../src-renderer/src/features/connect/snippets';

function serverInfo(over: Partial<ServerInfo> = {}): ServerInfo {
  return {
    name: 'Sesame',
    version: '1.2.3',
    region: 'eu-west-3',
    accountId: '123456789012',
    awsEndpoint: 'http://127.0.0.1:40123',
    smtp: {
      host: '127.0.0.1',
      port: 40125,
      tlsPort: 40465,
      authMode: 'strict',
      username: 'AKIASNIPPETTEST',
      password: 'BSmtpPasswordXyz/+=',
    },
    credentials: { accessKeyId: 'AKIASNIPPETTEST', secretAccessKey: 'secret/Key+With=Odd' },
    uiUrl: 'http://127.0.0.1:40124/?token=abc',
    retention: { maxMessages: 10_000 },
    dataDir: '/tmp/sesame',
    host: 'headless',
    pngExport: false,
    ...over,
  };
}

const info = serverInfo();

describe('environment lines', () => {
  it('point both SES endpoints at this Sesame, with its region and key pair', () => {
    expect(envLines(info)).toEqual([
      { name: 'AWS_ENDPOINT_URL_SES', value: 'http://127.0.0.1:40123' },
      { name: 'AWS_ENDPOINT_URL_SESV2', value: 'http://127.0.0.1:40123' },
      { name: 'AWS_REGION', value: 'eu-west-3' },
      { name: 'AWS_ACCESS_KEY_ID', value: 'AKIASNIPPETTEST' },
      { name: 'AWS_SECRET_ACCESS_KEY', value: 'secret/Key+With=Odd' },
    ]);
    expect(envBlock(info).split('\n')).toHaveLength(5);
    expect(envBlock(info)).toContain('AWS_ENDPOINT_URL_SESV2=http://127.0.0.1:40123');
  });

  it('single-quote values a shell would split or expand', () => {
    const odd = serverInfo({ credentials: { accessKeyId: 'AKIA', secretAccessKey: "it's $HOME" } });
    expect(envBlock(odd)).toContain(`AWS_SECRET_ACCESS_KEY='it'\\''s $HOME'`);
  });
});

describe('SDK and CLI snippets', () => {
  it.each([
    ['JavaScript v3', awsSdkJs],
    ['boto3', boto3],
    ['AWS CLI', awsCli],
  ])('%s carries the endpoint, region and credentials', (_name, build) => {
    const text = build(info);
    for (const fact of ['http://127.0.0.1:40123', 'eu-west-3', 'AKIASNIPPETTEST', 'secret/Key+With=Odd']) {
      expect(text, fact).toContain(fact);
    }
  });

  it('JavaScript and Python string literals escape quotes and backslashes', () => {
    const odd = serverInfo({ credentials: { accessKeyId: 'AKIA', secretAccessKey: "a'b\\c" } });
    expect(awsSdkJs(odd)).toContain(`secretAccessKey: 'a\\'b\\\\c'`);
    expect(boto3(odd)).toContain(`aws_secret_access_key='a\\'b\\\\c'`);
  });

  it('the CLI snippet passes its content as one shell word', () => {
    expect(awsCli(info)).toMatch(/--content '\{"Simple":.*\}'$/m);
  });
});

describe('SMTP snippets', () => {
  it('nodemailer uses the SMTP host, port, credentials and mentions the TLS port', () => {
    const text = nodemailerSmtp(info);
    expect(text).toContain(`host: '127.0.0.1'`);
    expect(text).toContain('port: 40125,');
    expect(text).toContain('port 40465 with secure: true');
    expect(text).toContain(`auth: { user: 'AKIASNIPPETTEST', pass: 'BSmtpPasswordXyz/+=' }`);
    expect(nodemailerSmtp(serverInfo({ smtp: { ...info.smtp, tlsPort: null } }))).not.toContain('secure: true');
  });

  it('swaks uses host:port and the credentials', () => {
    const text = swaks(info);
    expect(text).toContain('--server 127.0.0.1:40125');
    expect(text).toContain('--auth-user AKIASNIPPETTEST --auth-password BSmtpPasswordXyz/+=');
  });
});

describe('SNIPPETS', () => {
  it('lists each client once, and every builder uses the info it is given', () => {
    expect(new Set(SNIPPETS.map((s) => s.id)).size).toBe(SNIPPETS.length);
    const other = serverInfo({ awsEndpoint: 'http://[::1]:9999', smtp: { ...info.smtp, host: '::1', port: 2525 } });
    for (const s of SNIPPETS) {
      const text = s.build(other);
      expect(text.includes('http://[::1]:9999') || text.includes('2525'), s.id).toBe(true);
      expect(text, s.id).not.toContain('40123');
    }
  });
});
