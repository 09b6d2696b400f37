// SES's own words in outcome events: diagnostic codes, reporting MTAs and the mailbox simulator's
// constants, each with its source, so no other file spells one. Sources: ses-facts §A.4 (the 2026
// event-destination capture of each simulator address), §A.5 (bounce/complaint/delivery objects), public
// SNS captures of suppression-list bounces (account list 2021, global list 2014/2017: both recorded from AWS
// in application code found by code search). Sesame's own choices are marked as such.
// Must not: decide which outcome a recipient gets (plan.ts does).
import type { Ids } from '../ids';
import { newMessageId } from '../sending/ses-headers';
import type { DelayType, HardBounceSubType } from './api';

/** `feedbackId` looks like a MessageId on AWS (`0100017b…-…-000000`, §A.4 captures): same generator. */
export const newFeedbackId = (at: number, ids: Ids): string => newMessageId(at, ids);

export const SIMULATOR = {
  /** 2026 capture: the Delivery of complaint@ answered `250 Ok`. */
  smtpResponse: '250 Ok',
  bounce: {
    reportingMTA: 'dns; a8-86.smtp-out.amazonses.com',
    status: '5.1.1',
    diagnosticCode: (address: string) => `smtp; 550 5.1.1 As requested: user unknown <${address}>`,
  },
  suppressionlist: {
    reportingMTA: 'dns; a48-89.smtp-out.amazonses.com',
    status: '5.1.1',
    diagnosticCode: (address: string) => `smtp; 550 5.1.1 As requested: user unknown (suppressed address: ${address})`,
  },
  complaint: { userAgent: 'Amazon SES Mailbox Simulator', feedbackType: 'abuse' },
  /** Sesame's choice: the simulator's "remote MTA" is this machine, as for Delivery (event-json DELIVERY_FACTS). */
  remoteMtaIp: '127.0.0.1',
} as const;

/** Permanent/OnAccountSuppressionList, as AWS published it (SNS capture, 2021). No remoteMtaIp: nothing was sent. */
export const ACCOUNT_LIST_BOUNCE = {
  reportingMTA: 'dns; amazonses.com',
  status: '5.1.1',
  diagnosticCode:
    'Amazon SES did not send the message to this address because it is on the suppression list for your account. ' +
    'For more information about removing addresses from the suppression list, see the Amazon SES Developer Guide at ' +
    'https://docs.aws.amazon.com/ses/latest/DeveloperGuide/sending-email-suppression-list.html',
} as const;

/** Permanent/Suppressed, SES's global suppression list, as AWS published it (SNS captures, 2014 and 2017). */
export const GLOBAL_LIST_BOUNCE = {
  reportingMTA: 'dns; amazonses.com',
  status: '5.1.1',
  diagnosticCode:
    'Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address. ' +
    'For more information about how to remove an address from the suppression list, see the Amazon SES Developer Guide: ' +
    'http://docs.aws.amazon.com/ses/latest/DeveloperGuide/remove-from-suppressionlist.html',
} as const;

/** What scenario-rule outcomes report as the remote side. Sesame's choice (the Delivery facts' MTA, `dns;` as in DSNs). */
export const RULE_MTA = {
  reportingMTA: 'dns; a8-77.smtp-out.amazonses.com',
  remoteMtaIp: '127.0.0.1',
  /** The feedback report's User-Agent for complaints a rule makes. Sesame's choice. */
  complaintUserAgent: 'Sesame Scenario Rules',
} as const;

/** `{address}` in a rule's diagnostic code stands for the recipient. */
export const fillAddress = (text: string, address: string): string => text.split('{address}').join(address);

/** Default status and diagnostic code of a rule's hard bounce, by subtype. */
export function hardBounceDefaults(subType: HardBounceSubType): { status: string; diagnosticCode: string } {
  switch (subType) {
    case 'OnAccountSuppressionList':
      return { status: ACCOUNT_LIST_BOUNCE.status, diagnosticCode: ACCOUNT_LIST_BOUNCE.diagnosticCode };
    case 'Suppressed':
      return { status: GLOBAL_LIST_BOUNCE.status, diagnosticCode: GLOBAL_LIST_BOUNCE.diagnosticCode };
    case 'NoEmail':
      return { status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 <{address}>: Recipient address rejected: User unknown in virtual mailbox table' };
    default:
      return { status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 <{address}>: Recipient address rejected: User unknown' };
  }
}

/**
 * Default status and diagnostic code of a soft bounce's failed attempts, by delay type. The
 * TransientCommunicationFailure pair is the AWS doc's DeliveryDelay example (event-publishing-retrieving-sns-examples);
 * the others are Sesame's, in the usual MTA wording.
 */
export function softBounceDefaults(delayType: DelayType): { status: string; diagnosticCode: string } {
  switch (delayType) {
    case 'TransientCommunicationFailure':
      return { status: '4.4.1', diagnosticCode: 'smtp; 421 4.4.1 Unable to connect to remote host' };
    case 'MailboxFull':
      return { status: '4.2.2', diagnosticCode: 'smtp; 452 4.2.2 The email account that you tried to reach is over quota' };
    case 'SpamDetected':
      return { status: '4.7.1', diagnosticCode: 'smtp; 451 4.7.1 Message temporarily deferred due to suspected spam' };
    default:
      return { status: '4.3.0', diagnosticCode: 'smtp; 451 4.3.0 Temporary failure, please try again later' };
  }
}

/** The delay type a soft bounce reports on its way, when the rule does not name one. */
export const delayTypeFor = (subType: string): DelayType => (subType === 'MailboxFull' ? 'MailboxFull' : 'TransientCommunicationFailure');
