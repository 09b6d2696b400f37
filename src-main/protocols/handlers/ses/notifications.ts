// SES v1 legacy identity notifications (ses-facts §A.5.1): SetIdentityNotificationTopic,
// SetIdentityHeadersInNotificationsEnabled, SetIdentityFeedbackForwardingEnabled (the same state as v2
// PutEmailIdentityFeedbackAttributes), GetIdentityNotificationAttributes.
// Owns: the v1 shapes. Topics not set are left out of GetIdentityNotificationAttributes (as AWS answers for
// an identity without topics [verify]); identities that do not exist are left out of the map, as the other
// v1 Get*Attributes do. Must not: decide anything (core/publishing and core/identities do).
import type { NotificationType } from '../../../core/identities/api';
import type { OperationHandler, WireObject } from '../../handler-types';
import { enumMember, existing, mapOf } from '../identity-wire';

const TYPES: readonly NotificationType[] = ['Bounce', 'Complaint', 'Delivery'];

const typeOf = (input: WireObject) => enumMember(input.NotificationType, 'notificationType', TYPES)!;

/** No SnsTopic (or an empty one) stops notifications of that type. */
export const SetIdentityNotificationTopic: OperationHandler = (input, ctx) => {
  const type = typeOf(input);
  const view = existing(ctx.engine, input.Identity as string);
  const topic = typeof input.SnsTopic === 'string' && input.SnsTopic !== '' ? input.SnsTopic : null;
  ctx.engine.publishing.setNotificationTopic(view.identity, type, topic);
  return {};
};

export const SetIdentityHeadersInNotificationsEnabled: OperationHandler = (input, ctx) => {
  const type = typeOf(input);
  const view = existing(ctx.engine, input.Identity as string);
  ctx.engine.identities.setHeadersInNotifications(view.identity, type, input.Enabled as boolean);
  return {};
};

export const SetIdentityFeedbackForwardingEnabled: OperationHandler = (input, ctx) => {
  const view = existing(ctx.engine, input.Identity as string);
  ctx.engine.publishing.setFeedbackForwarding(view.identity, input.ForwardingEnabled as boolean);
  return {};
};

export const GetIdentityNotificationAttributes: OperationHandler = (input, ctx) => {
  const out = mapOf(ctx.engine, input.Identities, (v) => {
    const n = v.notifications;
    return {
      ...(n.topics.Bounce ? { BounceTopic: n.topics.Bounce } : {}),
      ...(n.topics.Complaint ? { ComplaintTopic: n.topics.Complaint } : {}),
      ...(n.topics.Delivery ? { DeliveryTopic: n.topics.Delivery } : {}),
      ForwardingEnabled: v.feedbackForwarding,
      HeadersInBounceNotificationsEnabled: n.headers.Bounce,
      HeadersInComplaintNotificationsEnabled: n.headers.Complaint,
      HeadersInDeliveryNotificationsEnabled: n.headers.Delivery,
    };
  });
  return { NotificationAttributes: out };
};
