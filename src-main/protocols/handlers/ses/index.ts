// SES v1 operation handlers, keyed by exact AWS action name. Every other action in the model answers
// 501 NotImplemented naming it (pipeline.ts), and shows as such in the README coverage table.
// Must not: hold handler code (one small file per operation or group).
import type { HandlerRegistry } from '../../handler-types';
import { GetSendQuota } from './account';
import { ListIdentities, VerifyEmailIdentity } from './identities';
import { SendEmail, SendRawEmail } from './send-email';

export const sesHandlers: HandlerRegistry = {
  GetSendQuota,
  ListIdentities,
  SendEmail,
  SendRawEmail,
  VerifyEmailIdentity,
};
