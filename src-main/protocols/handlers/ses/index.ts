// SES v1 operation handlers, keyed by exact AWS action name. Every other action in the model answers
// 501 NotImplemented naming it (pipeline.ts), and shows as such in the README coverage table.
// Must not: hold handler code (one small file per operation or group).
import type { HandlerRegistry } from '../../handler-types';
import { GetAccountSendingEnabled, GetSendQuota, UpdateAccountSendingEnabled } from './account';
import {
  CreateConfigurationSet,
  DeleteConfigurationSet,
  DescribeConfigurationSet,
  ListConfigurationSets,
  UpdateConfigurationSetReputationMetricsEnabled,
  UpdateConfigurationSetSendingEnabled,
} from './configuration-sets';
import {
  DeleteIdentity,
  DeleteVerifiedEmailAddress,
  ListIdentities,
  ListVerifiedEmailAddresses,
  VerifyDomainDkim,
  VerifyDomainIdentity,
  VerifyEmailAddress,
  VerifyEmailIdentity,
} from './identities';
import {
  GetIdentityDkimAttributes,
  GetIdentityMailFromDomainAttributes,
  GetIdentityVerificationAttributes,
  SetIdentityDkimEnabled,
  SetIdentityMailFromDomain,
} from './identity-attributes';
import { SendEmail, SendRawEmail } from './send-email';
import { GetSendStatistics } from './statistics';
import { CreateConfigurationSetEventDestination, DeleteConfigurationSetEventDestination, UpdateConfigurationSetEventDestination } from './event-destinations';
import {
  GetIdentityNotificationAttributes,
  SetIdentityFeedbackForwardingEnabled,
  SetIdentityHeadersInNotificationsEnabled,
  SetIdentityNotificationTopic,
} from './notifications';
import { SendBulkTemplatedEmail, SendTemplatedEmail } from './send-templated';
import { CreateTemplate, DeleteTemplate, GetTemplate, ListTemplates, TestRenderTemplate, UpdateTemplate } from './templates';
import {
  CreateConfigurationSetTrackingOptions,
  DeleteConfigurationSetTrackingOptions,
  PutConfigurationSetDeliveryOptions,
  UpdateConfigurationSetTrackingOptions,
} from './configuration-set-options';

export const sesHandlers: HandlerRegistry = {
  GetAccountSendingEnabled,
  UpdateAccountSendingEnabled,
  GetSendQuota,
  GetSendStatistics,
  ListIdentities,
  SendEmail,
  SendRawEmail,
  SendTemplatedEmail,
  SendBulkTemplatedEmail,
  CreateTemplate,
  GetTemplate,
  UpdateTemplate,
  DeleteTemplate,
  ListTemplates,
  TestRenderTemplate,
  VerifyEmailIdentity,
  VerifyEmailAddress,
  VerifyDomainIdentity,
  VerifyDomainDkim,
  ListVerifiedEmailAddresses,
  DeleteIdentity,
  DeleteVerifiedEmailAddress,
  GetIdentityVerificationAttributes,
  GetIdentityDkimAttributes,
  SetIdentityDkimEnabled,
  SetIdentityMailFromDomain,
  GetIdentityMailFromDomainAttributes,
  CreateConfigurationSet,
  DeleteConfigurationSet,
  DescribeConfigurationSet,
  ListConfigurationSets,
  UpdateConfigurationSetReputationMetricsEnabled,
  UpdateConfigurationSetSendingEnabled,
  CreateConfigurationSetEventDestination,
  UpdateConfigurationSetEventDestination,
  DeleteConfigurationSetEventDestination,
  SetIdentityNotificationTopic,
  SetIdentityHeadersInNotificationsEnabled,
  SetIdentityFeedbackForwardingEnabled,
  GetIdentityNotificationAttributes,
  CreateConfigurationSetTrackingOptions,
  UpdateConfigurationSetTrackingOptions,
  DeleteConfigurationSetTrackingOptions,
  PutConfigurationSetDeliveryOptions,
};
