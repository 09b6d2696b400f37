// Account details and the production-access review (ses-facts §A.8): PutAccountDetails stores what SES's
// "Request production access" form asks (MailType, WebsiteURL, ContactLanguage, UseCaseDescription,
// AdditionalContactEmailAddresses); asking for ProductionAccessEnabled while in the sandbox opens a
// *visible simulated review* — ReviewDetails {Status PENDING, CaseId} — that is GRANTED
// PRODUCTION_REVIEW_DELAY_MS later in Sesame's time. A second PutAccountDetails while PENDING is a
// ConflictException (model). The decision is taken lazily whenever the account is read, so time travel
// grants it without a timer.
// Owns: validating the details (the constraints the SDK schemas do not carry) and the review's state
// machine. Must not: persist anything or change quotas itself — account.ts applies a grant.
import { accountErrors, errors, validationProblems } from '../errors';
import type { Ids } from '../ids';
import { PRODUCTION_REVIEW_DELAY_MS } from '../limits';
import type { AccountDetails, AccountDetailsInput, ContactLanguage, MailType } from './api';

const MAIL_TYPES: readonly MailType[] = ['MARKETING', 'TRANSACTIONAL'];
const CONTACT_LANGUAGES: readonly ContactLanguage[] = ['EN', 'JA'];
/** botocore model: WebsiteURL 1-1000, pattern `^https?://.+`; AdditionalContactEmailAddress 6-254, list 1-4. */
const WEBSITE_URL_PATTERN = '^https?://.+';
const WEBSITE_URL_MAX = 1000;
const CONTACT_ADDRESS_MIN = 6;
const CONTACT_ADDRESS_MAX = 254;
const CONTACT_ADDRESSES_MAX = 4;
const USE_CASE_MAX = 5000;

/** Every constraint problem in PutAccountDetails' input, in member order, reported at once (Coral style). */
export function detailsProblems(input: AccountDetailsInput): string[] {
  const problems: string[] = [];
  if (!MAIL_TYPES.includes(input.mailType as MailType)) {
    problems.push(validationProblems.enumValue('mailType', input.mailType, [...MAIL_TYPES]));
  }
  if (input.websiteUrl.length < 1 || input.websiteUrl.length > WEBSITE_URL_MAX) {
    problems.push(accountErrors.sensitiveLength('websiteURL', 1, WEBSITE_URL_MAX));
  } else if (!new RegExp(WEBSITE_URL_PATTERN, 's').test(input.websiteUrl)) {
    problems.push(accountErrors.sensitivePattern('websiteURL', WEBSITE_URL_PATTERN));
  }
  if (input.contactLanguage !== undefined && !CONTACT_LANGUAGES.includes(input.contactLanguage as ContactLanguage)) {
    problems.push(validationProblems.enumValue('contactLanguage', input.contactLanguage, [...CONTACT_LANGUAGES]));
  }
  if (input.useCaseDescription !== undefined && (input.useCaseDescription.length < 1 || input.useCaseDescription.length > USE_CASE_MAX)) {
    problems.push(accountErrors.sensitiveLength('useCaseDescription', 1, USE_CASE_MAX));
  }
  const extra = input.additionalContactEmailAddresses;
  if (extra !== undefined) {
    if (extra.length < 1 || extra.length > CONTACT_ADDRESSES_MAX) {
      problems.push(accountErrors.sensitiveLength('additionalContactEmailAddresses', 1, CONTACT_ADDRESSES_MAX));
    }
    extra.forEach((a, i) => {
      if (a.length < CONTACT_ADDRESS_MIN || a.length > CONTACT_ADDRESS_MAX) {
        problems.push(accountErrors.sensitiveLength(`additionalContactEmailAddresses.${i + 1}.member`, CONTACT_ADDRESS_MIN, CONTACT_ADDRESS_MAX));
      } else if (!/^(.+)@(.+)$/s.test(a)) {
        problems.push(accountErrors.sensitivePattern(`additionalContactEmailAddresses.${i + 1}.member`, '^(.+)@(.+)$'));
      }
    });
  }
  return problems;
}

/** A support-case-like id (AWS shows numeric case ids; [verify] the exact form). Deterministic under test ids. */
export function newCaseId(ids: Ids): string {
  const digits = ids.uuid().replace(/[^0-9a-f]/g, '');
  return (BigInt(`0x${digits}`) % 10_000_000_000n).toString().padStart(10, '0');
}

/**
 * The details after a PutAccountDetails call. Throws ValidationError / Conflict; `inSandbox` decides whether
 * asking for production access opens a review (an account already in production needs none).
 */
export function applyDetails(
  current: AccountDetails | null,
  input: AccountDetailsInput,
  ctx: { now: number; inSandbox: boolean; ids: Ids },
): AccountDetails {
  const problems = detailsProblems(input);
  if (problems.length) throw errors.validation(problems);
  if (current?.review?.status === 'PENDING') throw accountErrors.reviewPending(current.review.caseId);

  let review = current?.review ?? null;
  if (input.productionAccessEnabled === true && ctx.inSandbox) {
    review = {
      status: 'PENDING',
      caseId: newCaseId(ctx.ids),
      openedAt: ctx.now,
      decidesAt: ctx.now + PRODUCTION_REVIEW_DELAY_MS,
      decidedAt: null,
    };
  }
  return {
    mailType: input.mailType as MailType,
    websiteUrl: input.websiteUrl,
    contactLanguage: (input.contactLanguage as ContactLanguage | undefined) ?? null,
    useCaseDescription: input.useCaseDescription ?? null,
    additionalContactEmailAddresses: [...(input.additionalContactEmailAddresses ?? [])],
    review,
  };
}

/** The details with a pending review decided, when its time has come; the same object otherwise. */
export function decideReview(details: AccountDetails | null, now: number): AccountDetails | null {
  const review = details?.review;
  if (!details || !review || review.status !== 'PENDING' || review.decidesAt === null || now < review.decidesAt) return details;
  return { ...details, review: { ...review, status: 'GRANTED', decidesAt: null, decidedAt: review.decidesAt } };
}
