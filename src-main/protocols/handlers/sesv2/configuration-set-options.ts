// SES v2 configuration set option groups Sesame keeps without acting on them (ses-facts §A.13):
// PutConfigurationSetVdmOptions (VdmOptions{DashboardOptions{EngagementMetrics}, GuardianOptions
// {OptimizedSharedDelivery}}), PutConfigurationSetArchivingOptions (ArchiveArn) and UpdateConfigurationSet
// (MessageSecurityOptions). Each replaces its group, which GetConfigurationSet then echoes as given;
// omitting the group's members removes it. Locally there is no VDM dashboard, Mail Manager archive or
// S/MIME signing — the values are recorded only.
// Owns: the enum checks the generated model does not carry (Coral wording). Must not: decide anything about
// sets (core/config-sets does).
import { errors, trackingErrors, validationProblems } from '../../../core/errors';
import type { OperationHandler, WireObject } from '../../handler-types';
import { compact } from '../common';

/** VDM `FeatureStatus` (model doc). */
const FEATURE_STATUS = ['ENABLED', 'DISABLED'];

const nameOf = (input: WireObject) => input.ConfigurationSetName as string;

function featureStatus(group: unknown, member: string, path: string, problems: string[]): void {
  validationProblems.checkEnum((group as Record<string, unknown> | undefined)?.[member], path, FEATURE_STATUS, problems);
}

/** VdmOptions replaces the set's; without it (or with an empty one) the set has none. */
export const PutConfigurationSetVdmOptions: OperationHandler = (input, ctx) => {
  const vdm = input.VdmOptions as Record<string, unknown> | undefined;
  const problems: string[] = [];
  featureStatus(vdm?.DashboardOptions, 'EngagementMetrics', 'vdmOptions.dashboardOptions.engagementMetrics', problems);
  featureStatus(vdm?.GuardianOptions, 'OptimizedSharedDelivery', 'vdmOptions.guardianOptions.optimizedSharedDelivery', problems);
  if (problems.length) throw errors.validation(problems);
  const kept = vdm && Object.keys(compact(vdm)).length ? vdm : undefined;
  ctx.engine.configurationSets.update(nameOf(input), { stored: { VdmOptions: kept } });
  return {};
};

/** An archive ARN (`arn:aws:ses:<region>:<account>:mailmanager-archive/<id>`) is recorded; none removes it. */
export const PutConfigurationSetArchivingOptions: OperationHandler = (input, ctx) => {
  const arn = input.ArchiveArn as string | undefined;
  if (arn !== undefined && arn !== '' && !/^arn:[^:\s]+:[^:\s]+:[^:\s]*:[^:\s]*:\S+$/.test(arn)) throw trackingErrors.invalidArchiveArn(arn);
  ctx.engine.configurationSets.update(nameOf(input), { stored: { ArchivingOptions: arn ? { ArchiveArn: arn } : undefined } });
  return {};
};

/** MessageSecurityOptions (a signing scheme) replaces the set's; absent removes it. */
export const UpdateConfigurationSet: OperationHandler = (input, ctx) => {
  ctx.engine.configurationSets.update(nameOf(input), { stored: { MessageSecurityOptions: input.MessageSecurityOptions } });
  return {};
};
