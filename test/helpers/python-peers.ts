// The Python peers (boto3, the AWS CLI) for conformance tests: whether they are installed, the environment
// that points them at nothing but the endpoint we pass (no config files, no instance metadata, no retries —
// a retry would hide a throttling answer), and an async runner. The server runs in the test process, so
// peers must be awaited asynchronously, never run with *Sync calls that would block it.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

export const runPeer = promisify(execFile);
export const hasBoto3 = spawnSync('python3', ['-c', 'import boto3']).status === 0;
export const hasAwsCli = spawnSync('aws', ['--version']).status === 0;

export const awsPeerEnv = (accessKeyId = 'AKIAPEER'): NodeJS.ProcessEnv => ({
  ...process.env,
  AWS_ACCESS_KEY_ID: accessKeyId,
  AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_MAX_ATTEMPTS: '1',
  AWS_RETRY_MODE: 'standard',
});
