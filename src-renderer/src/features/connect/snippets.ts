// Copy-paste snippets that point real clients at this Sesame, built from /api/info (never hard-coded
// endpoints). Owns: the text of each snippet. Must not: render.
//
// The addresses are placeholders: Sesame captures whatever is sent. (Mail to the SES mailbox simulator,
// e.g. bounce@simulator.amazonses.com, shows SES's simulated outcomes in the Events tab.)
import type { ServerInfo } from '../../../../src-main/contract';

export const SAMPLE_FROM = 'sender@example.com';
export const SAMPLE_TO = 'recipient@example.com';
const SUBJECT = 'Hello from Sesame';
const BODY = 'It works.';

/** Single-quote for POSIX shells. */
function sh(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A JS/Python single-quoted string literal. */
function lit(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export interface EnvLine {
  name: string;
  value: string;
}

/** The environment that makes AWS SDKs and the CLI (with service-specific endpoints) talk to Sesame. */
export function envLines(info: ServerInfo): EnvLine[] {
  return [
    { name: 'AWS_ENDPOINT_URL_SES', value: info.awsEndpoint },
    { name: 'AWS_ENDPOINT_URL_SESV2', value: info.awsEndpoint },
    { name: 'AWS_REGION', value: info.region },
    { name: 'AWS_ACCESS_KEY_ID', value: info.credentials.accessKeyId },
    { name: 'AWS_SECRET_ACCESS_KEY', value: info.credentials.secretAccessKey },
  ];
}

export function envBlock(info: ServerInfo): string {
  return envLines(info)
    .map((l) => `${l.name}=${sh(l.value)}`)
    .join('\n');
}

export function awsSdkJs(info: ServerInfo): string {
  const { accessKeyId, secretAccessKey } = info.credentials;
  return `import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';

const ses = new SESv2Client({
  region: ${lit(info.region)},
  endpoint: ${lit(info.awsEndpoint)},
  credentials: { accessKeyId: ${lit(accessKeyId)}, secretAccessKey: ${lit(secretAccessKey)} },
});

const { MessageId } = await ses.send(new SendEmailCommand({
  FromEmailAddress: ${lit(SAMPLE_FROM)},
  Destination: { ToAddresses: [${lit(SAMPLE_TO)}] },
  Content: {
    Simple: {
      Subject: { Data: ${lit(SUBJECT)} },
      Body: { Text: { Data: ${lit(BODY)} }, Html: { Data: '<p>It <b>works</b>.</p>' } },
    },
  },
}));
console.log(MessageId);`;
}

export function boto3(info: ServerInfo): string {
  const { accessKeyId, secretAccessKey } = info.credentials;
  return `import boto3

ses = boto3.client(
    'sesv2',
    endpoint_url=${lit(info.awsEndpoint)},
    region_name=${lit(info.region)},
    aws_access_key_id=${lit(accessKeyId)},
    aws_secret_access_key=${lit(secretAccessKey)},
)

response = ses.send_email(
    FromEmailAddress=${lit(SAMPLE_FROM)},
    Destination={'ToAddresses': [${lit(SAMPLE_TO)}]},
    Content={'Simple': {
        'Subject': {'Data': ${lit(SUBJECT)}},
        'Body': {'Text': {'Data': ${lit(BODY)}}},
    }},
)
print(response['MessageId'])`;
}

export function awsCli(info: ServerInfo): string {
  const content = JSON.stringify({ Simple: { Subject: { Data: SUBJECT }, Body: { Text: { Data: BODY } } } });
  return `AWS_ACCESS_KEY_ID=${sh(info.credentials.accessKeyId)} \\
AWS_SECRET_ACCESS_KEY=${sh(info.credentials.secretAccessKey)} \\
aws sesv2 send-email \\
  --endpoint-url ${sh(info.awsEndpoint)} --region ${sh(info.region)} \\
  --from-email-address ${SAMPLE_FROM} \\
  --destination ToAddresses=${SAMPLE_TO} \\
  --content ${sh(content)}`;
}

export function nodemailerSmtp(info: ServerInfo): string {
  const s = info.smtp;
  const tls = s.tlsPort !== null ? `, or port ${s.tlsPort} with secure: true` : '';
  return `import nodemailer from 'nodemailer';

const transport = nodemailer.createTransport({
  host: ${lit(s.host)},
  port: ${s.port},
  secure: false, // STARTTLS on this port${tls}
  auth: { user: ${lit(s.username)}, pass: ${lit(s.password)} },
  tls: { rejectUnauthorized: false }, // Sesame's certificate is self-signed
});

const info = await transport.sendMail({
  from: ${lit(SAMPLE_FROM)},
  to: ${lit(SAMPLE_TO)},
  subject: ${lit(SUBJECT)},
  text: ${lit(BODY)},
});
console.log(info.response);`;
}

export function swaks(info: ServerInfo): string {
  const s = info.smtp;
  return `swaks --server ${sh(`${s.host}:${s.port}`)} --tls \\
  --auth-user ${sh(s.username)} --auth-password ${sh(s.password)} \\
  --from ${SAMPLE_FROM} --to ${SAMPLE_TO} \\
  --header ${sh(`Subject: ${SUBJECT}`)} --body ${sh(BODY)}`;
}

export type SnippetId = 'sdk-js' | 'boto3' | 'aws-cli' | 'nodemailer' | 'swaks';

export interface Snippet {
  id: SnippetId;
  label: string;
  language: string;
  build: (info: ServerInfo) => string;
}

export const SNIPPETS: Snippet[] = [
  { id: 'sdk-js', label: 'AWS SDK for JavaScript v3', language: 'javascript', build: awsSdkJs },
  { id: 'boto3', label: 'Python (boto3)', language: 'python', build: boto3 },
  { id: 'aws-cli', label: 'AWS CLI', language: 'shell', build: awsCli },
  { id: 'nodemailer', label: 'Nodemailer (SMTP)', language: 'javascript', build: nodemailerSmtp },
  { id: 'swaks', label: 'swaks (SMTP)', language: 'shell', build: swaks },
];
