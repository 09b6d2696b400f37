// SNS's own links reach SNS without SigV4: a SubscribeURL (`GET /?Action=ConfirmSubscription…`) and an
// UnsubscribeURL (`GET /?Action=Unsubscribe…`) are unsigned GETs; the router sends an unsigned request whose
// query-string Action exists only in the SNS model to SNS, and leaves every SES v1 action with SES.
import { describe, expect, it } from 'vitest';
import { SERVICE_MODELS } from '../../../src-main/protocols/generated/index';
import type { AwsHttpRequest } from '../../../src-main/protocols/http-types';
import { routeService } from '../../../src-main/protocols/service-router';
import { parseCredential } from '../../../src-main/protocols/sigv4';

const get = (query: string): AwsHttpRequest => ({ method: 'GET', path: '/', query, headers: {}, body: Buffer.alloc(0), sourceIp: '127.0.0.1' });
const sesScope = parseCredential('AKID/20260101/us-east-1/ses/aws4_request');

describe('unsigned SNS links', () => {
  it('routes ConfirmSubscription and Unsubscribe GETs to SNS', () => {
    expect(routeService(get('Action=ConfirmSubscription&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A1%3At&Token=abc'), null)).toEqual({ service: 'sns' });
    expect(routeService(get('Action=Unsubscribe&SubscriptionArn=x'), null)).toEqual({ service: 'sns' });
  });

  it('keeps every SES v1 action with SES, unsigned or signed', () => {
    for (const action of Object.keys(SERVICE_MODELS.ses.operations)) {
      expect(routeService(get(`Action=${action}`), null).service).toBe('ses');
    }
    // A request signed for SES stays SES even with an SNS-only action (then answered InvalidAction by SES v1).
    expect(routeService(get('Action=ConfirmSubscription'), sesScope).service).toBe('ses');
  });
});
