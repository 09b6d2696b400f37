// The email SES sends to an address being verified (VerifyEmailIdentity, CreateEmailIdentity), as a user
// receives it: From `Amazon Web Services <no-reply-aws@amazon.com>`, Subject `Amazon Web Services – Email
// Address Verification Request in region US East (N. Virginia)`, a text and an HTML part with the link.
// The wording is modelled on SES's real email [verify: AWS changes it now and then; keep it here only].
// Owns: the region display names and the message's MIME. Must not: store it (system-mail.ts does) or
// know where the link leads (the caller passes the URL).
import { composeText } from '../sending/compose-text';
import { rfc5322Date } from '../sending/ses-headers';

export const VERIFICATION_FROM_ADDRESS = 'no-reply-aws@amazon.com';
export const VERIFICATION_FROM = `Amazon Web Services <${VERIFICATION_FROM_ADDRESS}>`;
/** The system mail kind shown as the message's operation. */
export const VERIFICATION_KIND = 'VerificationEmail';

/** Region names as the AWS console writes them (the subject and body name the region so). */
const REGION_NAMES: Record<string, string> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-1': 'US West (N. California)',
  'us-west-2': 'US West (Oregon)',
  'af-south-1': 'Africa (Cape Town)',
  'ap-south-1': 'Asia Pacific (Mumbai)',
  'ap-south-2': 'Asia Pacific (Hyderabad)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-northeast-2': 'Asia Pacific (Seoul)',
  'ap-northeast-3': 'Asia Pacific (Osaka)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
  'ap-southeast-3': 'Asia Pacific (Jakarta)',
  'ap-southeast-5': 'Asia Pacific (Malaysia)',
  'ca-central-1': 'Canada (Central)',
  'ca-west-1': 'Canada West (Calgary)',
  'eu-central-1': 'Europe (Frankfurt)',
  'eu-central-2': 'Europe (Zurich)',
  'eu-west-1': 'Europe (Ireland)',
  'eu-west-2': 'Europe (London)',
  'eu-west-3': 'Europe (Paris)',
  'eu-north-1': 'Europe (Stockholm)',
  'eu-south-1': 'Europe (Milan)',
  'il-central-1': 'Israel (Tel Aviv)',
  'me-south-1': 'Middle East (Bahrain)',
  'me-central-1': 'Middle East (UAE)',
  'sa-east-1': 'South America (São Paulo)',
  'us-gov-east-1': 'AWS GovCloud (US-East)',
  'us-gov-west-1': 'AWS GovCloud (US-West)',
};

/** `US East (N. Virginia)`; a region Sesame does not know by name is shown as its code. */
export const regionDisplayName = (region: string): string => REGION_NAMES[region] ?? region;

export const verificationSubject = (region: string) =>
  `Amazon Web Services – Email Address Verification Request in region ${regionDisplayName(region)}`;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function paragraphs(region: string, link: string): { text: string[]; html: string[] } {
  const where = regionDisplayName(region);
  const intro =
    `We have received a request to authorize this email address for use with Amazon SES and Amazon Pinpoint in region ${where}. ` +
    'To confirm that you are authorized to use this email address, please go to the following URL within 24 hours:';
  const rest = [
    'Your request will not be processed unless you confirm the address using this URL.',
    'If you did NOT request to verify this email address, do not click on the link. Please note that many times, the situation ' +
      "isn't a phishing attempt, but either a misunderstanding of how to use our service, or someone setting up email-sending " +
      'capabilities on your behalf as part of a legitimate service, but without having fully communicated the procedure first.',
    'To learn more about sending email from Amazon Web Services, please refer to the Amazon SES Developer Guide at ' +
      'https://docs.aws.amazon.com/ses/latest/dg/Welcome.html and Amazon Pinpoint Developer Guide at ' +
      'https://docs.aws.amazon.com/pinpoint/latest/userguide/welcome.html.',
  ];
  return {
    text: ['Dear Amazon Web Services Customer,', intro, link, ...rest, 'Sincerely,', 'The Amazon Web Services Team.'],
    html: [
      'Dear Amazon Web Services Customer,',
      escapeHtml(intro),
      `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`,
      ...rest.map(escapeHtml),
      'Sincerely,<br>The Amazon Web Services Team.',
    ],
  };
}

export interface VerificationEmailInput {
  to: string;
  region: string;
  link: string;
  at: number;
  /** Unique per message (boundary and Message-ID). */
  seed: string;
}

/** The complete message (CRLF), ready for system mail. */
export function verificationEmail(input: VerificationEmailInput): Buffer {
  const { text, html } = paragraphs(input.region, input.link);
  const body = composeText(
    {
      kind: 'simple',
      subject: { data: verificationSubject(input.region) },
      text: { data: text.join('\r\n\r\n') + '\r\n' },
      html: { data: `<html><body>${html.map((p) => `<p>${p}</p>`).join('\n')}</body></html>` },
    },
    { from: VERIFICATION_FROM, to: [input.to], cc: [], replyTo: [], boundarySeed: input.seed },
  );
  const head = `Date: ${rfc5322Date(input.at)}\r\nMessage-ID: <${input.seed}@email.amazonses.com>\r\n`;
  return Buffer.concat([Buffer.from(head), body]);
}
