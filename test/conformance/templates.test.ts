// Templates and templated sending through real clients (ses-facts §A.3 template rows, §A.11, §A.5.2):
// @aws-sdk/client-sesv2 (CreateEmailTemplate…, TestRenderEmailTemplate, SendEmail Content.Template, SendBulkEmail),
// @aws-sdk/client-ses (CreateTemplate…, TestRenderTemplate, SendTemplatedEmail, SendBulkTemplatedEmail) and boto3.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CreateEmailTemplateCommand,
  DeleteEmailTemplateCommand,
  GetEmailTemplateCommand,
  ListEmailTemplatesCommand,
  SendBulkEmailCommand,
  SendEmailCommand,
  TestRenderEmailTemplateCommand,
  UpdateEmailTemplateCommand,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import {
  CreateTemplateCommand,
  DeleteTemplateCommand,
  GetTemplateCommand,
  ListTemplatesCommand,
  SendBulkTemplatedEmailCommand,
  SendTemplatedEmailCommand,
  TestRenderTemplateCommand,
  UpdateTemplateCommand,
  type SESClient,
} from '@aws-sdk/client-ses';
import { rejection } from '../helpers/rejection';
import { awsPeerEnv, hasBoto3, runPeer } from '../helpers/python-peers';
import { useSdkSesame } from '../helpers/sdk-sesame';
import { sesv2Client } from '../helpers/sdk-clients';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';

let sesame: TestSesame;
let v2: SESv2Client;
let v1: SESClient;
useSdkSesame((t) => ({ sesame, v2, v1 } = t));
beforeEach(() => sesame.engine.reset());

const WELCOME = { Subject: 'Hello {{name}}', Text: 'Dear {{name}},\n{{#each items}}- {{this}}\n{{/each}}', Html: '<h1>{{name}}</h1>{{{note}}}' };
const DATA = JSON.stringify({ name: 'Ann', items: ['a', 'b'], note: '<i>hi</i>' });

describe('SES v2 (client-sesv2)', () => {
  it('creates, gets, lists, updates and deletes a template', async () => {
    await v2.send(new CreateEmailTemplateCommand({ TemplateName: 'welcome', TemplateContent: WELCOME }));
    const got = await v2.send(new GetEmailTemplateCommand({ TemplateName: 'welcome' }));
    expect(got.TemplateName).toBe('welcome');
    expect(got.TemplateContent).toEqual(WELCOME);
    const list = await v2.send(new ListEmailTemplatesCommand({}));
    expect(list.TemplatesMetadata?.map((t) => t.TemplateName)).toEqual(['welcome']);
    expect(list.TemplatesMetadata?.[0]?.CreatedTimestamp).toBeInstanceOf(Date);
    await v2.send(new UpdateEmailTemplateCommand({ TemplateName: 'welcome', TemplateContent: { Subject: 'New', Html: '<p>x</p>' } }));
    expect((await v2.send(new GetEmailTemplateCommand({ TemplateName: 'welcome' }))).TemplateContent).toEqual({ Subject: 'New', Html: '<p>x</p>' });
    await v2.send(new DeleteEmailTemplateCommand({ TemplateName: 'welcome' }));
    const err = await rejection(v2.send(new DeleteEmailTemplateCommand({ TemplateName: 'welcome' })));
    expect(err.name).toBe('NotFoundException');
    expect(err.$metadata.httpStatusCode).toBe(404);
    expect(err.message).toBe('Template welcome does not exist.');
  });

  it('refuses a duplicate name (AlreadyExistsException) and a template without subject', async () => {
    await v2.send(new CreateEmailTemplateCommand({ TemplateName: 'dup', TemplateContent: WELCOME }));
    expect((await rejection(v2.send(new CreateEmailTemplateCommand({ TemplateName: 'dup', TemplateContent: WELCOME })))).name).toBe('AlreadyExistsException');
    const err = await rejection(v2.send(new CreateEmailTemplateCommand({ TemplateName: 'nosubj', TemplateContent: { Text: 'x' } })));
    expect(err.name).toBe('BadRequestException');
    expect(err.message).toBe('The subject must be specified.');
  });

  it('TestRenderEmailTemplate answers the MIME message, and BadRequestException for missing data', async () => {
    await v2.send(new CreateEmailTemplateCommand({ TemplateName: 'welcome', TemplateContent: WELCOME }));
    const out = await v2.send(new TestRenderEmailTemplateCommand({ TemplateName: 'welcome', TemplateData: DATA }));
    expect(out.RenderedTemplate).toMatch(/^Subject: Hello Ann\r\n/m);
    expect(out.RenderedTemplate).toContain('multipart/alternative');
    expect(out.RenderedTemplate).toContain('<h1>Ann</h1><i>hi</i>');
    const err = await rejection(v2.send(new TestRenderEmailTemplateCommand({ TemplateName: 'welcome', TemplateData: '{"name":"Ann","items":[]}' })));
    expect(err.name).toBe('BadRequestException');
    expect(err.message).toBe("Attribute 'note' is not present in the rendering data.");
    expect((await rejection(v2.send(new TestRenderEmailTemplateCommand({ TemplateName: 'nope', TemplateData: '{}' })))).name).toBe('NotFoundException');
  });

  it('SendEmail with Content.Template (stored, then inline) delivers the rendered mail', async () => {
    await v2.send(new CreateEmailTemplateCommand({ TemplateName: 'welcome', TemplateContent: WELCOME }));
    const stored = await v2.send(
      new SendEmailCommand({
        FromEmailAddress: 'sender@example.com',
        Destination: { ToAddresses: ['to@example.com'] },
        Content: { Template: { TemplateName: 'welcome', TemplateData: DATA, Headers: [{ Name: 'X-Campaign', Value: 'spring' }] } },
      }),
    );
    const m = (await sesame.engine.messages.get(stored.MessageId!))!;
    expect(m.subject).toBe('Hello Ann');
    expect(m.html).toContain('<h1>Ann</h1><i>hi</i>');
    expect(m.headers.find((h) => h.name.toLowerCase() === 'x-campaign')?.value).toBe('spring');
    expect(m.events.map((e) => e.eventType)).toEqual(['Send', 'Delivery']);
    expect(m.template).toMatchObject({ name: 'welcome', data: DATA, failure: null });
    const inline = await v2.send(
      new SendEmailCommand({
        FromEmailAddress: 'sender@example.com',
        Destination: { ToAddresses: ['to@example.com'] },
        Content: { Template: { TemplateContent: { Subject: 'Inline {{name}}', Text: 'x' }, TemplateData: DATA } },
      }),
    );
    expect((await sesame.engine.messages.get(inline.MessageId!))!.subject).toBe('Inline Ann');
  });

  it('SendEmail with a template that does not exist is NotFoundException', async () => {
    const err = await rejection(
      v2.send(
        new SendEmailCommand({
          FromEmailAddress: 'sender@example.com',
          Destination: { ToAddresses: ['to@example.com'] },
          Content: { Template: { TemplateName: 'nope', TemplateData: '{}' } },
        }),
      ),
    );
    expect(err.name).toBe('NotFoundException');
    expect(err.message).toBe('Template nope does not exist.');
  });

  it('SendBulkEmail answers per-entry results in request order, one entry refused', async () => {
    await v2.send(new CreateEmailTemplateCommand({ TemplateName: 'welcome', TemplateContent: WELCOME }));
    const out = await v2.send(
      new SendBulkEmailCommand({
        FromEmailAddress: 'sender@example.com',
        DefaultContent: { Template: { TemplateName: 'welcome', TemplateData: DATA } },
        BulkEmailEntries: [
          { Destination: { ToAddresses: ['a@example.com'] }, ReplacementEmailContent: { ReplacementTemplate: { ReplacementTemplateData: '{"name":"Bo"}' } } },
          { Destination: { ToAddresses: ['not-an-address'] } },
          { Destination: { ToAddresses: ['c@example.com'] }, ReplacementTags: [{ Name: 'cohort', Value: 'c' }] },
        ],
      }),
    );
    const r = out.BulkEmailEntryResults!;
    expect(r.map((e) => e.Status)).toEqual(['SUCCESS', 'INVALID_PARAMETER', 'SUCCESS']);
    expect(r[1]).toEqual({ Status: 'INVALID_PARAMETER', Error: "Missing final '@domain'" });
    expect((await sesame.engine.messages.get(r[0]!.MessageId!))!.subject).toBe('Hello Bo');
    const third = (await sesame.engine.messages.get(r[2]!.MessageId!))!;
    expect(third.subject).toBe('Hello Ann');
    expect(third.tags.cohort).toEqual(['c']);
    expect(third.tags['ses:operation']).toEqual(['SendBulkEmail']);
  });
});

describe('SES v1 (client-ses)', () => {
  it('CreateTemplate / GetTemplate / UpdateTemplate / ListTemplates / DeleteTemplate (idempotent)', async () => {
    await v1.send(new CreateTemplateCommand({ Template: { TemplateName: 'v1t', SubjectPart: 'Hi {{name}}', TextPart: 'T {{name}}' } }));
    expect((await v1.send(new GetTemplateCommand({ TemplateName: 'v1t' }))).Template).toEqual({ TemplateName: 'v1t', SubjectPart: 'Hi {{name}}', TextPart: 'T {{name}}' });
    await v1.send(new UpdateTemplateCommand({ Template: { TemplateName: 'v1t', SubjectPart: 'S', HtmlPart: '<b>{{x}}</b>' } }));
    expect((await v1.send(new GetTemplateCommand({ TemplateName: 'v1t' }))).Template).toEqual({ TemplateName: 'v1t', SubjectPart: 'S', HtmlPart: '<b>{{x}}</b>' });
    const list = await v1.send(new ListTemplatesCommand({}));
    expect(list.TemplatesMetadata?.map((t) => t.Name)).toEqual(['v1t']);
    await v1.send(new DeleteTemplateCommand({ TemplateName: 'v1t' }));
    await v1.send(new DeleteTemplateCommand({ TemplateName: 'v1t' }));
    const err = await rejection(v1.send(new GetTemplateCommand({ TemplateName: 'v1t' })));
    expect(err.name).toBe('TemplateDoesNotExistException');
    expect(err.message).toBe('Template v1t does not exist.');
  });

  it('TestRenderTemplate: RenderedTemplate, MissingRenderingAttribute, InvalidRenderingParameter', async () => {
    await v1.send(new CreateTemplateCommand({ Template: { TemplateName: 'r', SubjectPart: 'Hi {{name}}', TextPart: 'T', HtmlPart: '<p>{{name}}</p>' } }));
    const ok = await v1.send(new TestRenderTemplateCommand({ TemplateName: 'r', TemplateData: '{"name":"Ann"}' }));
    expect(ok.RenderedTemplate).toMatch(/^Subject: Hi Ann\r\n/m);
    expect(ok.RenderedTemplate).toContain('<p>Ann</p>');
    const missing = await rejection(v1.send(new TestRenderTemplateCommand({ TemplateName: 'r', TemplateData: '{}' })));
    expect(missing.name).toBe('MissingRenderingAttributeException');
    expect(missing.message).toBe("Attribute 'name' is not present in the rendering data.");
    const bad = await rejection(v1.send(new TestRenderTemplateCommand({ TemplateName: 'r', TemplateData: '{oops' })));
    expect(bad.name).toBe('InvalidRenderingParameterException');
  });

  it('SendTemplatedEmail with missing data is accepted, records Rendering Failure and delivers nothing', async () => {
    await v1.send(new CreateTemplateCommand({ Template: { TemplateName: 'r', SubjectPart: 'Hi {{name}}', TextPart: 'Your code: {{code}}' } }));
    const out = await v1.send(
      new SendTemplatedEmailCommand({ Source: 'sender@example.com', Destination: { ToAddresses: ['to@example.com'] }, Template: 'r', TemplateData: '{"name":"Ann"}' }),
    );
    expect(out.MessageId).toMatch(/^[0-9a-f]{16}-.*-000000$/);
    const m = (await sesame.engine.messages.get(out.MessageId!))!;
    expect(m.status).toBe('failed');
    expect(m.events.map((e) => e.eventType)).toEqual(['Send', 'Rendering Failure']);
    const failure = m.events[1]!.payload as { eventType: string; mail: Record<string, unknown>; failure: unknown };
    expect(failure.eventType).toBe('Rendering Failure');
    expect(failure.failure).toEqual({ templateName: 'r', errorMessage: "Attribute 'code' is not present in the rendering data." });
    expect(failure.mail).not.toHaveProperty('sourceArn');
    // LocalStack's retrospection carries Template and TemplateData.
    const retro = (await (await fetch(`${sesame.urls.aws}/_aws/ses?id=${out.MessageId}`)).json()) as { messages: Record<string, unknown>[] };
    expect(retro.messages[0]).toMatchObject({ Template: 'r', TemplateData: '{"name":"Ann"}' });
  });

  it('SendTemplatedEmail with an unknown template is TemplateDoesNotExist', async () => {
    const err = await rejection(
      v1.send(new SendTemplatedEmailCommand({ Source: 'sender@example.com', Destination: { ToAddresses: ['to@example.com'] }, Template: 'nope', TemplateData: '{}' })),
    );
    expect(err.name).toBe('TemplateDoesNotExistException');
  });

  it('SendBulkTemplatedEmail answers v1 statuses in request order', async () => {
    await v1.send(new CreateTemplateCommand({ Template: { TemplateName: 'b', SubjectPart: 'Hi {{name}}', TextPart: 'x' } }));
    const out = await v1.send(
      new SendBulkTemplatedEmailCommand({
        Source: 'sender@example.com',
        Template: 'b',
        DefaultTemplateData: '{"name":"Default"}',
        Destinations: [
          { Destination: { ToAddresses: ['a@example.com'] }, ReplacementTemplateData: '{"name":"Ann"}' },
          { Destination: { ToAddresses: ['bad@'] } },
          { Destination: { ToAddresses: ['c@example.com'] }, ReplacementTemplateData: '{}' },
        ],
      }),
    );
    expect(out.Status?.map((s) => s.Status)).toEqual(['Success', 'InvalidParameterValue', 'Success']);
    expect(out.Status?.[1]?.Error).toBe('Missing domain');
    expect((await sesame.engine.messages.get(out.Status![0]!.MessageId!))!.subject).toBe('Hi Ann');
    expect((await sesame.engine.messages.get(out.Status![2]!.MessageId!))!.subject).toBe('Hi Default');
  });
});

describe('sandbox: a bulk entry to an unverified recipient', () => {
  it('is MESSAGE_REJECTED with SES’s text while the others are sent', async () => {
    const sandboxed = await startTestSesame({ account: { sandbox: true, autoVerify: false } });
    const client = sesv2Client(sandboxed);
    try {
      for (const address of ['sender@example.com', 'ok@example.com']) {
        await sandboxed.engine.identities.verifyEmail(address);
        sandboxed.engine.identities.setVerificationStatus(address, 'SUCCESS');
      }
      await client.send(new CreateEmailTemplateCommand({ TemplateName: 't', TemplateContent: { Subject: 'S {{n}}', Text: 'x' } }));
      const out = await client.send(
        new SendBulkEmailCommand({
          FromEmailAddress: 'sender@example.com',
          DefaultContent: { Template: { TemplateName: 't', TemplateData: '{"n":1}' } },
          BulkEmailEntries: [{ Destination: { ToAddresses: ['ok@example.com'] } }, { Destination: { ToAddresses: ['stranger@example.com'] } }],
        }),
      );
      expect(out.BulkEmailEntryResults?.[0]?.Status).toBe('SUCCESS');
      expect(out.BulkEmailEntryResults?.[1]).toEqual({
        Status: 'MESSAGE_REJECTED',
        Error: 'Email address is not verified. The following identities failed the check in region US-EAST-1: stranger@example.com',
      });
    } finally {
      client.destroy();
      await sandboxed.cleanup();
    }
  });
});

const BOTO3_SCRIPT = `
import json, sys, boto3, botocore, botocore.config
endpoint = sys.argv[1]
cfg = botocore.config.Config(retries={'total_max_attempts': 1})
v1 = boto3.client('ses', endpoint_url=endpoint, config=cfg)
v2 = boto3.client('sesv2', endpoint_url=endpoint, config=cfg)
out = {}
v1.create_template(Template={'TemplateName': 'py', 'SubjectPart': 'Hi {{name}}', 'TextPart': 'Code {{code}}', 'HtmlPart': '<b>{{name}}</b>'})
out['render'] = v1.test_render_template(TemplateName='py', TemplateData='{"name": "Ann", "code": 7}')['RenderedTemplate']
try:
    v1.test_render_template(TemplateName='py', TemplateData='{"name": "Ann"}')
except botocore.exceptions.ClientError as e:
    out['missing'] = [e.response['Error']['Code'], e.response['Error']['Message']]
out['sent'] = v1.send_templated_email(Source='py@example.com', Destination={'ToAddresses': ['to@example.com']},
    Template='py', TemplateData='{"name": "Ann"}')['MessageId']
out['bulk'] = [s['Status'] for s in v1.send_bulk_templated_email(Source='py@example.com', Template='py',
    DefaultTemplateData='{"name": "D", "code": 1}',
    Destinations=[{'Destination': {'ToAddresses': ['a@example.com']}}, {'Destination': {'ToAddresses': ['nobody']}}])['Status']]
out['v2list'] = [t['TemplateName'] for t in v2.list_email_templates()['TemplatesMetadata']]
print(json.dumps(out))
`;

describe.skipIf(!hasBoto3)('boto3' + (hasBoto3 ? '' : ' (skipped: python3 with boto3 is not installed)'), () => {
  it('templates CRUD, TestRender and its MissingRenderingAttribute, a templated send that fails to render, bulk statuses', async () => {
    const { stdout } = await runPeer('python3', ['-c', BOTO3_SCRIPT, sesame.urls.aws], { env: awsPeerEnv('AKIAPYTHON'), encoding: 'utf8' });
    const out = JSON.parse(stdout);
    expect(out.render).toMatch(/^Subject: Hi Ann\r\n/m);
    expect(out.missing).toEqual(['MissingRenderingAttribute', "Attribute 'code' is not present in the rendering data."]);
    const m = (await sesame.engine.messages.get(out.sent))!;
    expect(m.events.map((e) => e.eventType)).toEqual(['Send', 'Rendering Failure']);
    expect(out.bulk).toEqual(['Success', 'InvalidParameterValue']);
    expect(out.v2list).toEqual(['py']);
  });
});
