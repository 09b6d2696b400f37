// SES v2 configuration set operations (ses-facts §A.13): CreateConfigurationSet, GetConfigurationSet,
// ListConfigurationSets, DeleteConfigurationSet and the Put*Options operations for sending, suppression,
// delivery, reputation and tracking.
// Owns: v2 option groups ↔ the engine's patch and view, and the enum/range checks the generated model does
// not carry (Coral wording). Must not: decide anything about sets (core/config-sets does).
import type { ConfigurationSetPatch, ConfigurationSetView, DeliveryOptions, HttpsPolicy, TlsPolicy, TrackingOptions } from '../../../core/config-sets/api';
import { errors, suppressionErrors, validationProblems } from '../../../core/errors';
import { isSuppressionReason } from '../../../core/suppression/suppression';
import type { SuppressionReason } from '../../../core/engine-api';
import type { OperationHandler, WireObject } from '../../handler-types';
import { compact, fromKeyTags, toKeyTags, type WireKeyTag } from '../common';

const TLS: TlsPolicy[] = ['REQUIRE', 'OPTIONAL'];
const HTTPS: HttpsPolicy[] = ['REQUIRE', 'REQUIRE_OPEN_ONLY', 'OPTIONAL'];
/** DeliveryOptions.MaxDeliverySeconds (model doc: 300 to 50,400 seconds). */
const MAX_DELIVERY = { min: 300, max: 50_400 };

/** Groups no rule reads: kept and echoed as given. */
const KEPT_AS_GIVEN = ['VdmOptions', 'ArchivingOptions', 'MessageSecurityOptions'];

const join = (path: string, member: string) => (path ? `${path}.${member}` : member);

/** `TrackingOptions` members at `path` (`trackingOptions`, or '' for PutConfigurationSetTrackingOptions). */
function trackingOf(o: Record<string, unknown>, path: string, problems: string[]): TrackingOptions {
  const httpsPolicy = validationProblems.checkEnum(o.HttpsPolicy, join(path, 'httpsPolicy'), HTTPS, problems) ?? null;
  return { customRedirectDomain: o.CustomRedirectDomain as string, httpsPolicy };
}

/** `DeliveryOptions` members at `path`; members not given are left as the set has them. */
function deliveryOf(o: Record<string, unknown>, path: string, problems: string[]): Partial<DeliveryOptions> {
  const d: Partial<DeliveryOptions> = {};
  const tls = validationProblems.checkEnum(o.TlsPolicy, join(path, 'tlsPolicy'), TLS, problems);
  if (tls) d.tlsPolicy = tls;
  if (o.SendingPoolName !== undefined) d.sendingPoolName = o.SendingPoolName as string;
  const seconds = o.MaxDeliverySeconds as number | undefined;
  if (seconds !== undefined && (seconds < MAX_DELIVERY.min || seconds > MAX_DELIVERY.max)) {
    problems.push(
      `Value '${seconds}' at '${join(path, 'maxDeliverySeconds')}' failed to satisfy constraint: Member must have value between ${MAX_DELIVERY.min} and ${MAX_DELIVERY.max}, inclusive`,
    );
  }
  if (seconds !== undefined) d.maxDeliverySeconds = seconds;
  return d;
}

/** Absent: null (the account's reasons apply); an explicit list, even empty, is the set's own. */
function suppressedReasonsOf(value: unknown, path: string, problems: string[]): SuppressionReason[] | null {
  if (value === undefined) return null;
  const list = value as unknown[];
  if (!list.every(isSuppressionReason)) problems.push(suppressionErrors.reasonProblem(path, true));
  return list as SuppressionReason[];
}

/** CreateConfigurationSet's groups as an engine patch; every problem is reported at once. */
function createPatchOf(input: WireObject): ConfigurationSetPatch {
  const problems: string[] = [];
  const patch: ConfigurationSetPatch = {};
  const stored: Record<string, unknown> = {};
  const group = (name: string) => input[name] as Record<string, unknown> | undefined;
  const tracking = group('TrackingOptions');
  if (tracking) patch.tracking = trackingOf(tracking, 'trackingOptions', problems);
  const delivery = group('DeliveryOptions');
  if (delivery) patch.delivery = deliveryOf(delivery, 'deliveryOptions', problems);
  const reputation = group('ReputationOptions');
  if (reputation) {
    patch.reputation = compact({
      reputationMetricsEnabled: reputation.ReputationMetricsEnabled as boolean | undefined,
      lastFreshStart: reputation.LastFreshStart instanceof Date ? reputation.LastFreshStart.getTime() : undefined,
    });
  }
  const sending = group('SendingOptions');
  if (sending?.SendingEnabled !== undefined) patch.sendingEnabled = sending.SendingEnabled as boolean;
  const tags = input.Tags as WireKeyTag[] | undefined;
  if (tags) patch.tags = toKeyTags(tags);
  const suppression = group('SuppressionOptions');
  if (suppression) {
    patch.suppressedReasons = suppressedReasonsOf(suppression.SuppressedReasons, 'suppressionOptions.suppressedReasons', problems);
    stored.SuppressionScope = suppression.SuppressionScope;
    stored.ValidationOptions = suppression.ValidationOptions;
  }
  for (const name of KEPT_AS_GIVEN) if (input[name] !== undefined) stored[name] = input[name];
  if (Object.keys(stored).length) patch.stored = stored;
  if (problems.length) throw errors.validation(problems);
  return patch;
}

/** GetConfigurationSet's groups: what the set has, in the model's member order. */
function groupsOf(set: ConfigurationSetView): WireObject {
  const s = set.stored;
  const suppression = compact({
    SuppressedReasons: set.suppressedReasons ?? undefined,
    SuppressionScope: s.SuppressionScope,
    ValidationOptions: s.ValidationOptions,
  });
  return compact({
    ConfigurationSetName: set.name,
    TrackingOptions: set.tracking ? compact({ CustomRedirectDomain: set.tracking.customRedirectDomain, HttpsPolicy: set.tracking.httpsPolicy ?? undefined }) : undefined,
    DeliveryOptions: compact({
      TlsPolicy: set.delivery.tlsPolicy,
      SendingPoolName: set.delivery.sendingPoolName ?? undefined,
      MaxDeliverySeconds: set.delivery.maxDeliverySeconds ?? undefined,
    }),
    ReputationOptions: compact({
      ReputationMetricsEnabled: set.reputation.reputationMetricsEnabled,
      LastFreshStart: set.reputation.lastFreshStart === null ? undefined : new Date(set.reputation.lastFreshStart),
    }),
    SendingOptions: { SendingEnabled: set.sendingEnabled },
    Tags: fromKeyTags(set.tags),
    SuppressionOptions: Object.keys(suppression).length ? suppression : undefined,
    VdmOptions: s.VdmOptions,
    ArchivingOptions: s.ArchivingOptions,
    MessageSecurityOptions: s.MessageSecurityOptions,
  });
}

const nameOf = (input: WireObject) => input.ConfigurationSetName as string;

export const CreateConfigurationSet: OperationHandler = (input, ctx) => {
  ctx.engine.configurationSets.create(nameOf(input), createPatchOf(input));
  return {};
};

export const GetConfigurationSet: OperationHandler = (input, ctx) => groupsOf(ctx.engine.configurationSets.require(nameOf(input)));

export const ListConfigurationSets: OperationHandler = (input, ctx) => {
  // core clamps and defaults the size and ignores an empty token
  const page = ctx.engine.configurationSets.page({ nextToken: input.NextToken as string | undefined, pageSize: input.PageSize as number });
  return { ConfigurationSets: page.items.map((s) => s.name), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};

export const DeleteConfigurationSet: OperationHandler = (input, ctx) => {
  ctx.engine.configurationSets.delete(nameOf(input));
  return {};
};

/** `SendingEnabled` absent reads as false, a Smithy boolean's default [verify]. */
export const PutConfigurationSetSendingOptions: OperationHandler = (input, ctx) => {
  ctx.engine.configurationSets.update(nameOf(input), { sendingEnabled: input.SendingEnabled === true });
  return {};
};

/** An explicit empty SuppressedReasons disables suppression for the set; absent = the account's (§A.12). */
export const PutConfigurationSetSuppressionOptions: OperationHandler = (input, ctx) => {
  const problems: string[] = [];
  const suppressedReasons = suppressedReasonsOf(input.SuppressedReasons, 'suppressedReasons', problems);
  if (problems.length) throw errors.validation(problems);
  ctx.engine.configurationSets.update(nameOf(input), {
    suppressedReasons,
    stored: { SuppressionScope: input.SuppressionScope, ValidationOptions: input.ValidationOptions },
  });
  return {};
};

/** Members not given go back to SES's defaults (the call replaces the group). */
export const PutConfigurationSetDeliveryOptions: OperationHandler = (input, ctx) => {
  const problems: string[] = [];
  const delivery = deliveryOf(input, '', problems);
  if (problems.length) throw errors.validation(problems);
  ctx.engine.configurationSets.update(nameOf(input), { delivery: { tlsPolicy: 'OPTIONAL', sendingPoolName: null, maxDeliverySeconds: null, ...delivery } });
  return {};
};

export const PutConfigurationSetReputationOptions: OperationHandler = (input, ctx) => {
  ctx.engine.configurationSets.update(nameOf(input), { reputation: { reputationMetricsEnabled: input.ReputationMetricsEnabled === true } });
  return {};
};

/** Without CustomRedirectDomain the set goes back to SES's own tracking domain. */
export const PutConfigurationSetTrackingOptions: OperationHandler = (input, ctx) => {
  const problems: string[] = [];
  const tracking = input.CustomRedirectDomain === undefined ? null : trackingOf(input, '', problems);
  if (problems.length) throw errors.validation(problems);
  ctx.engine.configurationSets.update(nameOf(input), { tracking });
  return {};
};
