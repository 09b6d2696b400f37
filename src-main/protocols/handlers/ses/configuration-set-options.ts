// SES v1 configuration set option groups (ses-facts §A.2, §A.13): CreateConfigurationSetTrackingOptions,
// UpdateConfigurationSetTrackingOptions, DeleteConfigurationSetTrackingOptions and
// PutConfigurationSetDeliveryOptions — the same groups v2's Put*Options set and GetConfigurationSet shows.
// The tracking errors keep their `Exception` suffix on the wire (TrackingOptionsAlreadyExistsException,
// TrackingOptionsDoesNotExistException); the set is checked first (ConfigurationSetDoesNotExist).
// A CustomRedirectDomain is recorded; locally tracking URLs always point at Sesame's AWS port.
// Owns: v1 shapes (`TrackingOptions{CustomRedirectDomain}`, `DeliveryOptions{TlsPolicy: Require|Optional}`).
// Must not: decide anything about sets (core/config-sets does).
import type { TlsPolicy } from '../../../core/config-sets/api';
import { errors, trackingErrors, validationProblems } from '../../../core/errors';
import type { OperationHandler, WireObject } from '../../handler-types';

/** v1 TlsPolicy enum (model doc) ↔ the engine's (v2 spelling). */
const TLS_V1: Record<string, TlsPolicy> = { Require: 'REQUIRE', Optional: 'OPTIONAL' };

/** A host name of dot-separated labels (letters, digits, hyphens; at least two labels). */
const DOMAIN = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

const nameOf = (input: WireObject) => input.ConfigurationSetName as string;

function redirectDomainOf(input: WireObject): string {
  const domain = (input.TrackingOptions as { CustomRedirectDomain?: string } | undefined)?.CustomRedirectDomain ?? '';
  if (!DOMAIN.test(domain)) throw trackingErrors.invalidRedirectDomain(domain);
  return domain;
}

export const CreateConfigurationSetTrackingOptions: OperationHandler = (input, ctx) => {
  const set = ctx.engine.configurationSets.require(nameOf(input));
  if (set.tracking) throw trackingErrors.trackingOptionsAlreadyExist(set.name);
  ctx.engine.configurationSets.update(set.name, { tracking: { customRedirectDomain: redirectDomainOf(input), httpsPolicy: null } });
  return {};
};

/** Keeps a v2 HttpsPolicy the set may have; v1 has no such member. */
export const UpdateConfigurationSetTrackingOptions: OperationHandler = (input, ctx) => {
  const set = ctx.engine.configurationSets.require(nameOf(input));
  if (!set.tracking) throw trackingErrors.trackingOptionsDoNotExist(set.name);
  ctx.engine.configurationSets.update(set.name, { tracking: { ...set.tracking, customRedirectDomain: redirectDomainOf(input) } });
  return {};
};

export const DeleteConfigurationSetTrackingOptions: OperationHandler = (input, ctx) => {
  const set = ctx.engine.configurationSets.require(nameOf(input));
  if (!set.tracking) throw trackingErrors.trackingOptionsDoNotExist(set.name);
  ctx.engine.configurationSets.update(set.name, { tracking: null });
  return {};
};

/** Only TlsPolicy exists in v1; without DeliveryOptions (or TlsPolicy) the set goes back to Optional. */
export const PutConfigurationSetDeliveryOptions: OperationHandler = (input, ctx) => {
  const given = (input.DeliveryOptions as { TlsPolicy?: string } | undefined)?.TlsPolicy;
  const tlsPolicy = given === undefined ? 'OPTIONAL' : TLS_V1[given];
  if (!tlsPolicy) throw errors.validation([validationProblems.enumValue('deliveryOptions.tlsPolicy', String(given), Object.keys(TLS_V1))]);
  ctx.engine.configurationSets.update(nameOf(input), { delivery: { tlsPolicy } });
  return {};
};
