// SES errors, one table for every door.
// Owns: every error the engine can raise, with its wire identity for SES v2 (REST-JSON), SES v1 (Query)
// and SMTP, and its exact text (ses-facts §A.3). Adapters and the protocol layer only translate a
// SesError into their wire form; none of them invents codes or texts.
// Must not: know about HTTP, XML or sockets.

/** How each door names an error. */
export interface ErrorWire {
  /** SES v2 model error shape name (e.g. `NotFoundException`); the protocol layer looks up its HTTP status. */
  v2: string;
  /** SES v1 wire `<Code>` (short form, e.g. `TemplateDoesNotExist`, `InvalidParameterValue`, `Throttling`). */
  v1: string;
  /** SMTP reply code and the text prefix placed before the message (`Message rejected: `). */
  smtp: { code: number; prefix: string };
  /** v2 HTTP status when the v2 shape is not in the model (otherwise the model's httpError wins). */
  v2Status?: number;
}

export const ERROR_WIRES = {
  MessageRejected: { v2: 'MessageRejected', v1: 'MessageRejected', smtp: { code: 554, prefix: 'Message rejected: ' } },
  InvalidParameterValue: { v2: 'BadRequestException', v1: 'InvalidParameterValue', smtp: { code: 554, prefix: 'Transaction failed: ' } },
  /** Smithy-style member validation ("1 validation error detected: ..."). */
  ValidationError: { v2: 'BadRequestException', v1: 'ValidationError', smtp: { code: 554, prefix: 'Transaction failed: ' } },
  SendingRateExceeded: { v2: 'TooManyRequestsException', v1: 'Throttling', smtp: { code: 454, prefix: 'Throttling failure: ' } },
  DailyQuotaExceeded: { v2: 'LimitExceededException', v1: 'Throttling', smtp: { code: 454, prefix: 'Throttling failure: ' } },
  AccountSendingPaused: { v2: 'SendingPausedException', v1: 'AccountSendingPausedException', smtp: { code: 554, prefix: 'Message rejected: ' } },
  ConfigurationSetSendingPaused: { v2: 'SendingPausedException', v1: 'ConfigurationSetSendingPausedException', smtp: { code: 554, prefix: 'Message rejected: ' } },
  ConfigurationSetDoesNotExist: { v2: 'NotFoundException', v1: 'ConfigurationSetDoesNotExist', smtp: { code: 554, prefix: 'Transaction failed: ' } },
  TemplateDoesNotExist: { v2: 'NotFoundException', v1: 'TemplateDoesNotExist', smtp: { code: 554, prefix: 'Transaction failed: ' } },
  NotFound: { v2: 'NotFoundException', v1: 'NotFound', smtp: { code: 554, prefix: 'Transaction failed: ' } },
  AlreadyExists: { v2: 'AlreadyExistsException', v1: 'AlreadyExists', smtp: { code: 554, prefix: 'Transaction failed: ' } },
  MailFromDomainNotVerified: { v2: 'MailFromDomainNotVerifiedException', v1: 'MailFromDomainNotVerifiedException', smtp: { code: 554, prefix: 'Message rejected: ' } },
  MessageTooLarge: { v2: 'BadRequestException', v1: 'InvalidParameterValue', smtp: { code: 552, prefix: '' } },
  InternalFailure: { v2: 'InternalServiceErrorException', v1: 'InternalFailure', smtp: { code: 451, prefix: '' }, v2Status: 500 },
} as const satisfies Record<string, ErrorWire>;

export type SesErrorKind = keyof typeof ERROR_WIRES;

/** The one error class of the engine. `kind` picks the wire identity from ERROR_WIRES. */
export class SesError extends Error {
  readonly kind: SesErrorKind;
  readonly wire: ErrorWire;
  /** `client` for sender faults (all modelled SES errors), `server` for our own failures. */
  readonly fault: 'client' | 'server';

  constructor(kind: SesErrorKind, message: string) {
    super(message);
    this.name = 'SesError';
    this.kind = kind;
    this.wire = ERROR_WIRES[kind];
    this.fault = kind === 'InternalFailure' ? 'server' : 'client';
  }
}

export const isSesError = (e: unknown): e is SesError => e instanceof SesError;

/** Factories with SES's exact texts (ses-facts §A.3). Every text lives here, nowhere else. */
export const errors = {
  /** `Email address is not verified. The following identities failed the check in region US-EAST-1: a, b` */
  notVerified: (region: string, identities: string[]) =>
    new SesError(
      'MessageRejected',
      `Email address is not verified. The following identities failed the check in region ${region.toUpperCase()}: ${identities.join(', ')}`,
    ),
  messageRejected: (text: string) => new SesError('MessageRejected', text),
  invalidParameter: (text: string) => new SesError('InvalidParameterValue', text),
  /** Smithy validation text: `1 validation error detected: Value null at 'source' failed to satisfy constraint: Member must not be null`. */
  validation: (problems: string[]) =>
    new SesError(
      'ValidationError',
      `${problems.length} validation error${problems.length === 1 ? '' : 's'} detected: ${problems.join('; ')}`,
    ),
  missingMember: (member: string) =>
    errors.validation([`Value null at '${member}' failed to satisfy constraint: Member must not be null`]),
  missingFrom: () => new SesError('MessageRejected', 'Missing required header \'From\'.'),
  recipientCount: (max: number) => new SesError('InvalidParameterValue', `Recipient count exceeds ${max}.`),
  noRecipients: () => new SesError('InvalidParameterValue', 'Missing final \'@domain\''),
  /** v1 raw size error: `Message length is more than 10485760 bytes long: '12078147'.` */
  messageTooLong: (max: number, actual: number) =>
    new SesError('MessageTooLarge', `Message length is more than ${max} bytes long: '${actual}'.`),
  rateExceeded: () => new SesError('SendingRateExceeded', 'Maximum sending rate exceeded.'),
  dailyQuotaExceeded: () => new SesError('DailyQuotaExceeded', 'Daily message quota exceeded.'),
  configurationSetDoesNotExist: (name: string) =>
    new SesError('ConfigurationSetDoesNotExist', `Configuration set ${name} does not exist.`),
  templateDoesNotExist: (name: string) => new SesError('TemplateDoesNotExist', `Template ${name} does not exist.`),
  internal: (text = 'An internal error occurred.') => new SesError('InternalFailure', text),
};
