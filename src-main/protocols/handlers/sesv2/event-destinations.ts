// SES v2 event destination operations (ses-facts §A.13): CreateConfigurationSetEventDestination,
// GetConfigurationSetEventDestinations, UpdateConfigurationSetEventDestination,
// DeleteConfigurationSetEventDestination.
// Owns: v2 EventDestinationDefinition ↔ the engine's EventDestinationView, and the enum checks the generated
// model does not carry (Coral wording). `Enabled` defaults to false (model doc). An update merges: members it
// does not give stay as they were [verify]. Must not: decide anything (core/publishing does).
import type { EventDestinationView, EventTypeName } from '../../../core/config-sets/api';
import { errors, validationProblems } from '../../../core/errors';
import { ALL_EVENT_TYPES } from '../../../core/publishing/shapes';
import type { OperationHandler, WireObject } from '../../handler-types';

const SOURCES = ['MESSAGE_TAG', 'EMAIL_HEADER', 'LINK_TAG'];

type Def = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The definition's members over `base` (create: nothing; update: the destination as it is). */
function fromDefinition(name: string, def: Def, base?: EventDestinationView): EventDestinationView {
  const problems: string[] = [];
  let types = base?.matchingEventTypes ?? [];
  if (def.MatchingEventTypes !== undefined) {
    types = (def.MatchingEventTypes as unknown[]).map((t, i) => {
      if (!ALL_EVENT_TYPES.includes(t as EventTypeName)) {
        problems.push(validationProblems.enumValue(`eventDestination.matchingEventTypes.${i + 1}.member`, String(t), ALL_EVENT_TYPES));
      }
      return t as EventTypeName;
    });
  }
  const d: EventDestinationView = { name, enabled: typeof def.Enabled === 'boolean' ? def.Enabled : (base?.enabled ?? false), matchingEventTypes: types };
  const sns = def.SnsDestination as Def | undefined;
  const eb = def.EventBridgeDestination as Def | undefined;
  const fh = def.KinesisFirehoseDestination as Def | undefined;
  const cw = def.CloudWatchDestination as Def | undefined;
  const pp = def.PinpointDestination as Def | undefined;
  if (sns) d.sns = { topicArn: str(sns.TopicArn) };
  if (eb) d.eventBridge = { eventBusArn: str(eb.EventBusArn) };
  if (fh) d.firehose = { deliveryStreamArn: str(fh.DeliveryStreamArn), iamRoleArn: str(fh.IamRoleArn) };
  if (cw) {
    d.cloudWatch = {
      dimensionConfigurations: ((cw.DimensionConfigurations as Def[] | undefined) ?? []).map((c, i) => {
        validationProblems.checkEnum(str(c.DimensionValueSource), `eventDestination.cloudWatchDestination.dimensionConfigurations.${i + 1}.member.dimensionValueSource`, SOURCES, problems);
        return { dimensionName: str(c.DimensionName), dimensionValueSource: str(c.DimensionValueSource), defaultDimensionValue: str(c.DefaultDimensionValue) };
      }),
    };
  }
  if (pp) d.pinpoint = { applicationArn: str(pp.ApplicationArn) };
  if (problems.length) throw errors.validation(problems);
  if (base && !sns && !eb && !fh && !cw && !pp) {
    for (const k of ['sns', 'eventBridge', 'firehose', 'cloudWatch', 'pinpoint'] as const) if (base[k]) Object.assign(d, { [k]: base[k] });
  }
  return d;
}

/** v2 EventDestination (GetConfigurationSetEventDestinations). */
function toWire(d: EventDestinationView): WireObject {
  const out: WireObject = { Name: d.name, Enabled: d.enabled, MatchingEventTypes: [...d.matchingEventTypes] };
  if (d.firehose) out.KinesisFirehoseDestination = { IamRoleArn: d.firehose.iamRoleArn, DeliveryStreamArn: d.firehose.deliveryStreamArn };
  if (d.cloudWatch) {
    out.CloudWatchDestination = {
      DimensionConfigurations: d.cloudWatch.dimensionConfigurations.map((c) => ({
        DimensionName: c.dimensionName,
        DimensionValueSource: c.dimensionValueSource,
        DefaultDimensionValue: c.defaultDimensionValue,
      })),
    };
  }
  if (d.sns) out.SnsDestination = { TopicArn: d.sns.topicArn };
  if (d.eventBridge) out.EventBridgeDestination = { EventBusArn: d.eventBridge.eventBusArn };
  if (d.pinpoint) out.PinpointDestination = d.pinpoint.applicationArn ? { ApplicationArn: d.pinpoint.applicationArn } : {};
  return out;
}

const setOf = (input: WireObject) => input.ConfigurationSetName as string;

export const CreateConfigurationSetEventDestination: OperationHandler = (input, ctx) => {
  ctx.engine.publishing.createDestination(setOf(input), fromDefinition(input.EventDestinationName as string, input.EventDestination as Def));
  return {};
};

export const GetConfigurationSetEventDestinations: OperationHandler = (input, ctx) => ({
  EventDestinations: ctx.engine.publishing.destinations(setOf(input)).map(toWire),
});

export const UpdateConfigurationSetEventDestination: OperationHandler = (input, ctx) => {
  const name = input.EventDestinationName as string;
  const base = ctx.engine.publishing.destinations(setOf(input)).find((d) => d.name === name);
  ctx.engine.publishing.updateDestination(setOf(input), fromDefinition(name, input.EventDestination as Def, base));
  return {};
};

export const DeleteConfigurationSetEventDestination: OperationHandler = (input, ctx) => {
  ctx.engine.publishing.deleteDestination(setOf(input), input.EventDestinationName as string);
  return {};
};
