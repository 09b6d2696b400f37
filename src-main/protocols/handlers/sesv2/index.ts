// SES v2 operation handlers, keyed by exact AWS operation name. Every other operation in the model
// answers 501 NotImplemented naming it (pipeline.ts), and shows as such in the README coverage table.
// Must not: hold handler code (one small file per operation or group).
import type { HandlerRegistry } from '../../handler-types';
import { PutAccountDetails, PutAccountSendingAttributes } from './account';
import { GetAccount } from './get-account';
import { CreateEmailIdentity, DeleteEmailIdentity, GetEmailIdentity, ListEmailIdentities } from './identities';
import {
  PutEmailIdentityConfigurationSetAttributes,
  PutEmailIdentityDkimAttributes,
  PutEmailIdentityDkimSigningAttributes,
  PutEmailIdentityFeedbackAttributes,
  PutEmailIdentityMailFromAttributes,
} from './identity-attributes';
import {
  CreateConfigurationSet,
  DeleteConfigurationSet,
  GetConfigurationSet,
  ListConfigurationSets,
  PutConfigurationSetDeliveryOptions,
  PutConfigurationSetReputationOptions,
  PutConfigurationSetSendingOptions,
  PutConfigurationSetSuppressionOptions,
  PutConfigurationSetTrackingOptions,
} from './configuration-sets';
import {
  DeleteSuppressedDestination,
  GetSuppressedDestination,
  ListSuppressedDestinations,
  PutAccountSuppressionAttributes,
  PutSuppressedDestination,
} from './suppression';
import { SendEmail } from './send-email';
import {
  CreateConfigurationSetEventDestination,
  DeleteConfigurationSetEventDestination,
  GetConfigurationSetEventDestinations,
  UpdateConfigurationSetEventDestination,
} from './event-destinations';
import { GetMessageInsights } from './message-insights';
import { BatchGetMetricData } from './metrics';
import { ListRecommendations } from './recommendations';
import { SendBulkEmail } from './send-bulk';
import {
  CreateEmailTemplate,
  DeleteEmailTemplate,
  GetEmailTemplate,
  ListEmailTemplates,
  TestRenderEmailTemplate,
  UpdateEmailTemplate,
} from './templates';
import { PutConfigurationSetArchivingOptions, PutConfigurationSetVdmOptions, UpdateConfigurationSet } from './configuration-set-options';

import { CreateContactList, DeleteContactList, GetContactList, ListContactLists, UpdateContactList } from './contact-lists';
import { CreateContact, DeleteContact, GetContact, ListContacts, UpdateContact } from './contacts';
import {
  CreateDedicatedIpPool,
  DeleteDedicatedIpPool,
  GetDedicatedIp,
  GetDedicatedIpPool,
  GetDedicatedIps,
  ListDedicatedIpPools,
  PutAccountDedicatedIpWarmupAttributes,
  PutDedicatedIpInPool,
  PutDedicatedIpPoolScalingAttributes,
  PutDedicatedIpWarmupAttributes,
} from './dedicated-ips';

export const sesv2Handlers: HandlerRegistry = {
  CreateDedicatedIpPool,
  DeleteDedicatedIpPool,
  ListDedicatedIpPools,
  GetDedicatedIpPool,
  PutDedicatedIpPoolScalingAttributes,
  GetDedicatedIp,
  GetDedicatedIps,
  PutDedicatedIpInPool,
  PutDedicatedIpWarmupAttributes,
  PutAccountDedicatedIpWarmupAttributes,
  CreateContactList,
  GetContactList,
  ListContactLists,
  UpdateContactList,
  DeleteContactList,
  CreateContact,
  GetContact,
  ListContacts,
  UpdateContact,
  DeleteContact,
  PutAccountDetails,
  PutAccountSendingAttributes,
  GetAccount,
  CreateEmailIdentity,
  GetEmailIdentity,
  ListEmailIdentities,
  DeleteEmailIdentity,
  PutEmailIdentityDkimAttributes,
  PutEmailIdentityDkimSigningAttributes,
  PutEmailIdentityMailFromAttributes,
  PutEmailIdentityFeedbackAttributes,
  PutEmailIdentityConfigurationSetAttributes,
  SendEmail,
  CreateConfigurationSetEventDestination,
  GetConfigurationSetEventDestinations,
  UpdateConfigurationSetEventDestination,
  DeleteConfigurationSetEventDestination,
  GetMessageInsights,
  BatchGetMetricData,
  ListRecommendations,
  SendBulkEmail,
  CreateEmailTemplate,
  GetEmailTemplate,
  UpdateEmailTemplate,
  DeleteEmailTemplate,
  ListEmailTemplates,
  TestRenderEmailTemplate,
  CreateConfigurationSet,
  DeleteConfigurationSet,
  GetConfigurationSet,
  ListConfigurationSets,
  PutConfigurationSetDeliveryOptions,
  PutConfigurationSetReputationOptions,
  PutConfigurationSetSendingOptions,
  PutConfigurationSetSuppressionOptions,
  PutConfigurationSetTrackingOptions,
  PutConfigurationSetVdmOptions,
  PutConfigurationSetArchivingOptions,
  UpdateConfigurationSet,
  DeleteSuppressedDestination,
  GetSuppressedDestination,
  ListSuppressedDestinations,
  PutAccountSuppressionAttributes,
  PutSuppressedDestination,
};
