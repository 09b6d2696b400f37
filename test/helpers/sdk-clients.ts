// AWS SDK v3 clients pointed at a test Sesame: SES v2 and SES v1 with the handle's region, its first access
// key, and no retries (a test must see the first answer, not a retried one).
// Owns: client construction for tests. Must not: be imported by src-main.
import { SESClient } from '@aws-sdk/client-ses';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import type { SesameHandle } from '../../src-main/hosts/app';

type Target = Pick<SesameHandle, 'urls' | 'config'>;

function clientConfig(h: Target) {
  const key = h.config.credentials[0];
  return {
    endpoint: h.urls.aws,
    region: h.config.region,
    credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey },
    maxAttempts: 1,
  };
}

export function sesv2Client(h: Target): SESv2Client {
  return new SESv2Client(clientConfig(h));
}

export function sesClient(h: Target): SESClient {
  return new SESClient(clientConfig(h));
}

/** The SNS subset on the same port (SigV4 scope `sns`). */
export function snsClient(h: Target): SNSClient {
  return new SNSClient(clientConfig(h));
}
