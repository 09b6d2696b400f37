// SES v2 GetMessageInsights: a message's events per recipient, from what Sesame recorded (core/publishing/
// insights.ts). Owns: the v2 shape (Insights[{Destination, Isp, Events[{Timestamp, Type, Details}]}],
// FromEmailAddress, Subject, EmailTags). Must not: derive anything (core does).
import type { OperationHandler } from '../../handler-types';

export const GetMessageInsights: OperationHandler = (input, ctx) => {
  const v = ctx.engine.publishing.messageInsights(input.MessageId as string);
  return {
    MessageId: v.messageId,
    FromEmailAddress: v.fromEmailAddress,
    Subject: v.subject,
    EmailTags: v.emailTags.map((t) => ({ Name: t.name, Value: t.value })),
    Insights: v.insights.map((i) => ({
      Destination: i.destination,
      Isp: i.isp,
      Events: i.events.map((e) => ({
        Timestamp: new Date(e.timestamp),
        Type: e.type,
        ...(e.details
          ? {
              Details: {
                ...(e.details.bounce
                  ? {
                      Bounce: {
                        BounceType: e.details.bounce.bounceType.toUpperCase(),
                        BounceSubType: e.details.bounce.bounceSubType,
                        ...(e.details.bounce.diagnosticCode ? { DiagnosticCode: e.details.bounce.diagnosticCode } : {}),
                      },
                    }
                  : {}),
                ...(e.details.complaint
                  ? {
                      Complaint: {
                        ...(e.details.complaint.complaintSubType ? { ComplaintSubType: e.details.complaint.complaintSubType } : {}),
                        ...(e.details.complaint.complaintFeedbackType ? { ComplaintFeedbackType: e.details.complaint.complaintFeedbackType } : {}),
                      },
                    }
                  : {}),
              },
            }
          : {}),
      })),
    })),
  };
};
