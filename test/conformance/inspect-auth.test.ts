// Authentication inspection with real peers: a domain identity created with @aws-sdk/client-sesv2 (the
// catcher account auto-verifies and publishes it to the local zone), a raw send from it, the stored raw read
// back from LocalStack's `GET /_aws/ses` (RawData) carrying SES's DKIM-Signature, the engine's
// authentication report on it, and the `/_sesame/dns` automation route driving DMARC.
import { CreateEmailIdentityCommand, SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { callJson, useSdkSesame } from '../helpers/sdk-sesame';
import type { TestSesame } from '../helpers/start-headless';

let sesame: TestSesame;
let v2: SESv2Client;
useSdkSesame((t) => ({ sesame, v2 } = t));

const raw = (from: string) =>
  [`From: News <${from}>`, 'To: reader@elsewhere.example', 'Subject: Weekly', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', '', 'Hello reader', ''].join('\r\n');

describe('DKIM signing and authentication results', () => {
  it('signs mail from a published domain; the report passes DKIM, SPF and (with a record) DMARC', async () => {
    const created = await v2.send(new CreateEmailIdentityCommand({ EmailIdentity: 'brand.example' }));
    expect(created.DkimAttributes?.Status).toBe('SUCCESS');
    const tokens = created.DkimAttributes!.Tokens!;
    const sent = await v2.send(
      new SendEmailCommand({ FromEmailAddress: 'news@brand.example', Destination: { ToAddresses: ['reader@elsewhere.example'] }, Content: { Raw: { Data: Buffer.from(raw('news@brand.example')) } } }),
    );
    const listed = await callJson(sesame, 'GET', `/_aws/ses?id=${sent.MessageId}`);
    const stored = (listed.json.messages as { RawData: string }[])[0].RawData;
    const sig = /^DKIM-Signature:(.*(?:\r\n[ \t].*)*)/m.exec(stored)![1].replace(/\s+/g, '');
    expect(sig).toContain('a=rsa-sha256;');
    expect(sig).toContain('c=relaxed/relaxed;');
    expect(sig).toContain('d=brand.example;');
    expect(sig).toContain(`s=${tokens[0]};`);
    expect(stored.indexOf('DKIM-Signature:')).toBeLessThan(stored.indexOf('From:'));

    const before = (await sesame.engine.inspect.authentication(sent.MessageId!))!;
    expect(before.dkim).toMatchObject([{ domain: 'brand.example', selector: tokens[0], result: 'pass', bodyHash: 'pass' }]);
    expect(before.spf.result).toBe('pass');
    expect(before.dmarc).toMatchObject({ result: 'none', record: null });

    const added = await callJson(sesame, 'POST', '/_sesame/dns', { name: '_dmarc.brand.example', type: 'TXT', value: 'v=DMARC1; p=reject' });
    expect(added).toMatchObject({ status: 201, json: { name: '_dmarc.brand.example', type: 'TXT', value: 'v=DMARC1; p=reject' } });
    const after = (await sesame.engine.inspect.authentication(sent.MessageId!))!;
    expect(after.dmarc).toMatchObject({ result: 'pass', policy: 'reject', alignment: { dkim: 'brand.example' } });
    expect(after.authenticationResults).toMatch(/dmarc=pass/);
  });

  it('unsigned mail from an address identity fails DMARC against a p=reject record', async () => {
    await v2.send(new CreateEmailIdentityCommand({ EmailIdentity: 'someone@plain.example' }));
    await callJson(sesame, 'POST', '/_sesame/dns', { name: '_dmarc.plain.example', type: 'TXT', value: 'v=DMARC1; p=reject' });
    const sent = await v2.send(
      new SendEmailCommand({ FromEmailAddress: 'someone@plain.example', Destination: { ToAddresses: ['reader@elsewhere.example'] }, Content: { Raw: { Data: Buffer.from(raw('someone@plain.example')) } } }),
    );
    const stored = ((await callJson(sesame, 'GET', `/_aws/ses?id=${sent.MessageId}`)).json.messages as { RawData: string }[])[0].RawData;
    expect(stored).not.toMatch(/^DKIM-Signature:/m);
    const r = (await sesame.engine.inspect.authentication(sent.MessageId!))!;
    expect(r.dkim).toEqual([]);
    expect(r.dmarc).toMatchObject({ result: 'fail', policy: 'reject' });
  });

  it('/_sesame/dns: list, refuse a bad record, delete', async () => {
    const listed = await callJson(sesame, 'GET', '/_sesame/dns');
    expect(listed.json.records).toEqual([
      { name: '_dmarc.brand.example', type: 'TXT', value: 'v=DMARC1; p=reject' },
      { name: '_dmarc.plain.example', type: 'TXT', value: 'v=DMARC1; p=reject' },
    ]);
    expect(listed.json.realDnsFallback).toBe(false);
    expect((listed.json.zone as { name: string }[]).some((r) => r.name.endsWith('._domainkey.brand.example'))).toBe(true);
    const bad = await callJson(sesame, 'POST', '/_sesame/dns', { name: 'x.example', type: 'A', value: 'not-an-ip' });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/not an IPv4 address/);
    expect((await callJson(sesame, 'DELETE', '/_sesame/dns?name=_dmarc.plain.example&type=TXT')).status).toBe(204);
    expect((await callJson(sesame, 'DELETE', '/_sesame/dns?name=_dmarc.plain.example&type=TXT')).status).toBe(404);
  });
});
