// SES v1 legacy identity notifications (ses-facts §A.5.1): SetIdentityNotificationTopic,
// SetIdentityHeadersInNotificationsEnabled, SetIdentityFeedbackForwardingEnabled (the same state as v2
// PutEmailIdentityFeedbackAttributes), GetIdentityNotificationAttributes.
// Owns: the v1 shapes. Topics not set are left out of GetIdentityNotificationAttributes (as AWS answers for
// an identity without topics [verify]); identities that do not exist are left out of the map, as the other
// v1 Get*Attributes do. Must not: decide anything (core/publishing and core/identities do).
import type { Engine } from '../../../core/engine-api';
import { identityErrors } from '../../../core/errors';
import type { IdentityView, NotificationType } from '../../../core/identities/api';
import type { OperationHandler, WireObject } from '../../handler-types';
import { enumMember } from '../identity-wire';

const TYPES: readonly NotificationType[] = ['Bounce', 'Complaint', 'Delivery'];

function existing(engine: Engine, identity: string): IdentityView {
  const view = engine.identities.get(identity);
  if (!view) throw identityErrors.unknownIdentity(identity);
  return view;
}

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
  const out: WireObject = {};
  for (const asked of input.Identities as string[]) {
    const v = ctx.engine.identities.get(asked);
    if (!v) continue;
    const n = v.notifications;
    out[asked] = {
      ...(n.topics.Bounce ? { BounceTopic: n.topics.Bounce } : {}),
      ...(n.topics.Complaint ? { ComplaintTopic: n.topics.Complaint } : {}),
      ...(n.topics.Delivery ? { DeliveryTopic: n.topics.Delivery } : {}),
      ForwardingEnabled: v.feedbackForwarding,
      HeadersInBounceNotificationsEnabled: n.headers.Bounce,
      HeadersInComplaintNotificationsEnabled: n.headers.Complaint,
      HeadersInDeliveryNotificationsEnabled: n.headers.Delivery,
    };
  }
  return { NotificationAttributes: out };
};
