// SES v1 configuration set actions (ses-facts §A.2, §A.13): CreateConfigurationSet, DescribeConfigurationSet,
// ListConfigurationSets, DeleteConfigurationSet, UpdateConfigurationSetSendingEnabled,
// UpdateConfigurationSetReputationMetricsEnabled — the same sets v2 sees.
// Owns: v1 shapes (`ConfigurationSet{Name}`, `ConfigurationSetAttributeNames`, MaxItems paging).
// Must not: decide anything about sets (core/config-sets does).
import { errors, validationProblems } from '../../../core/errors';
import type { ConfigurationSetView } from '../../../core/engine-api';
import type { OperationHandler, WireObject } from '../../handler-types';
import { toV1 } from './event-destinations';

/** v1 ConfigurationSetAttribute enum (model doc). */
const ATTRIBUTES = ['eventDestinations', 'trackingOptions', 'deliveryOptions', 'reputationOptions'];

const nameOf = (input: WireObject) => input.ConfigurationSetName as string;

/** What DescribeConfigurationSet reports for each attribute asked for. */
function describe(set: ConfigurationSetView, attribute: string): WireObject {
  switch (attribute) {
    case 'eventDestinations':
      return { EventDestinations: set.eventDestinations.map(toV1) };
    case 'trackingOptions':
      return set.tracking ? { TrackingOptions: { CustomRedirectDomain: set.tracking.customRedirectDomain } } : {};
    case 'deliveryOptions':
      return { DeliveryOptions: { TlsPolicy: set.delivery.tlsPolicy === 'REQUIRE' ? 'Require' : 'Optional' } };
    default:
      return {
        ReputationOptions: {
          SendingEnabled: set.sendingEnabled,
          ReputationMetricsEnabled: set.reputation.reputationMetricsEnabled,
          ...(set.reputation.lastFreshStart !== null ? { LastFreshStart: new Date(set.reputation.lastFreshStart) } : {}),
        },
      };
  }
}

export const CreateConfigurationSet: OperationHandler = (input, ctx) => {
  ctx.engine.configurationSets.create((input.ConfigurationSet as { Name: string }).Name);
  return {};
};

export const DescribeConfigurationSet: OperationHandler = (input, ctx) => {
  const names = (input.ConfigurationSetAttributeNames as string[] | undefined) ?? [];
  const problems: string[] = [];
  names.forEach((n, i) => validationProblems.checkEnum(n, `configurationSetAttributeNames.${i + 1}.member`, ATTRIBUTES, problems));
  if (problems.length) throw errors.validation(problems);
  const set = ctx.engine.configurationSets.require(nameOf(input));
  return Object.assign({ ConfigurationSet: { Name: set.name } }, ...names.map((n) => describe(set, n))) as WireObject;
};

export const ListConfigurationSets: OperationHandler = (input, ctx) => {
  // core clamps and defaults the size and ignores an empty token
  const page = ctx.engine.configurationSets.page({ nextToken: input.NextToken as string | undefined, pageSize: input.MaxItems as number });
  return { ConfigurationSets: page.items.map((s) => ({ Name: s.name })), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};

export const DeleteConfigurationSet: OperationHandler = (input, ctx) => {
  ctx.engine.configurationSets.delete(nameOf(input));
  return {};
};

export const UpdateConfigurationSetSendingEnabled: OperationHandler = (input, ctx) => {
  ctx.engine.configurationSets.update(nameOf(input), { sendingEnabled: input.Enabled as boolean });
};

export const UpdateConfigurationSetReputationMetricsEnabled: OperationHandler = (input, ctx) => {
  ctx.engine.configurationSets.update(nameOf(input), { reputation: { reputationMetricsEnabled: input.Enabled as boolean } });
};
