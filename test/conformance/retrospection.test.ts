// LocalStack's `/_aws/ses` retrospection contract on the AWS port (ses-facts §B.2), so helpers and viewers
// written for LocalStack work unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendEmailCommand, SendRawEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { sesClient } from '../helpers/sdk-clients';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';

let sesame: TestSesame;
let client: SESClient;
let simpleId: string;
let rawId: string;

beforeAll(async () => {
  sesame = await startTestSesame();
  client = sesClient(sesame);
  simpleId = (await client.send(new SendEmailCommand({
    Source: 'one@example.com',
    Destination: { ToAddresses: ['to@example.com'], CcAddresses: ['cc@example.com'], BccAddresses: ['bcc@example.com'] },
    Message: { Subject: { Data: 'retro' }, Body: { Text: { Data: 'text part' }, Html: { Data: '<b>html part</b>' } } },
  }))).MessageId!;
  rawId = (await client.send(new SendRawEmailCommand({
    Source: 'two@example.com',
    RawMessage: { Data: Buffer.from('From: two@example.com\r\nTo: t@example.com\r\nSubject: r\r\n\r\nraw\r\n') },
  }))).MessageId!;
});
afterAll(async () => {
  client?.destroy();
  await sesame?.cleanup();
});

const get = async (query = '') => (await fetch(`${sesame.urls.aws}/_aws/ses${query}`)).json() as Promise<{ messages: Record<string, any>[] }>;

describe('GET/DELETE /_aws/ses', () => {
  it('lists messages in LocalStack\'s shape', async () => {
    const { messages } = await get();
    expect(messages).toHaveLength(2);
    const simple = messages.find((m) => m.Id === simpleId)!;
    expect(simple).toMatchObject({
      Id: simpleId,
      Region: 'us-east-1',
      Source: 'one@example.com',
      Destination: { ToAddresses: ['to@example.com'], CcAddresses: ['cc@example.com'], BccAddresses: ['bcc@example.com'] },
      Subject: 'retro',
      Body: { text_part: 'text part', html_part: '<b>html part</b>' },
    });
    expect(new Date(simple.Timestamp).toString()).not.toBe('Invalid Date');
    const raw = messages.find((m) => m.Id === rawId)!;
    expect(raw.Source).toBe('two@example.com');
    expect(raw.RawData).toContain('Subject: r');
  });

  it('filters by id and by email (= Source)', async () => {
    expect((await get(`?id=${rawId}`)).messages.map((m) => m.Id)).toEqual([rawId]);
    expect((await get('?email=one@example.com')).messages.map((m) => m.Id)).toEqual([simpleId]);
  });

  it('DELETE one, then all', async () => {
    expect((await fetch(`${sesame.urls.aws}/_aws/ses?id=${rawId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await get()).messages.map((m) => m.Id)).toEqual([simpleId]);
    expect((await fetch(`${sesame.urls.aws}/_aws/ses`, { method: 'DELETE' })).status).toBe(204);
    expect((await get()).messages).toEqual([]);
  });
});
