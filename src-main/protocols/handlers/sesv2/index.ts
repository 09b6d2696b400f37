// SES v2 operation handlers, keyed by exact AWS operation name. Every other operation in the model
// answers 501 NotImplemented naming it (pipeline.ts), and shows as such in the README coverage table.
// Must not: hold handler code (one small file per operation or group).
import type { HandlerRegistry } from '../../handler-types';
import { GetAccount } from './get-account';
import { SendEmail } from './send-email';

export const sesv2Handlers: HandlerRegistry = {
  GetAccount,
  SendEmail,
};
