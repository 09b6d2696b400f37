// SES v1 event destination actions (ses-facts §A.13): CreateConfigurationSetEventDestination,
// UpdateConfigurationSetEventDestination, DeleteConfigurationSetEventDestination, and the EventDestinations
// DescribeConfigurationSet reports. v1 spells event types in lower camel case (`send`, `renderingFailure`;
// no deliveryDelay or subscription), `SNSDestination{TopicARN}`, `KinesisFirehoseDestination{IAMRoleARN,
// DeliveryStreamARN}` and dimension sources `messageTag|emailHeader|linkTag`; destinations made through v2
// with types or targets v1 cannot name show what v1 can.
// Owns: those spellings. Must not: decide anything (core/publishing does).
import type { EventDestinationView, EventTypeName } from '../../../core/config-sets/api';
import { errors, validationProblems } from '../../../core/errors';
import { V1_EVENT_TYPE } from '../../../core/publishing/shapes';
import type { OperationHandler, WireObject } from '../../handler-types';

const V1_TYPES = Object.values(V1_EVENT_TYPE) as string[];
const FROM_V1 = Object.fromEntries(Object.entries(V1_EVENT_TYPE).map(([v2, v1]) => [v1, v2])) as Record<string, EventTypeName>;
const SOURCES: Record<string, string> = { messageTag: 'MESSAGE_TAG', emailHeader: 'EMAIL_HEADER', linkTag: 'LINK_TAG' };
const SOURCE_NAME: Record<string, string> = Object.fromEntries(Object.entries(SOURCES).map(([a, b]) => [b, a]));

type Def = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function fromV1(def: Def): EventDestinationView {
  const problems: string[] = [];
  const types = ((def.MatchingEventTypes as unknown[] | undefined) ?? []).map((t, i) => {
    validationProblems.checkEnum(String(t), `eventDestination.matchingEventTypes.${i + 1}.member`, V1_TYPES, problems);
    return FROM_V1[String(t)]!;
  });
  const d: EventDestinationView = { name: str(def.Name), enabled: def.Enabled === true, matchingEventTypes: types };
  const sns = def.SNSDestination as Def | undefined;
  const fh = def.KinesisFirehoseDestination as Def | undefined;
  const cw = def.CloudWatchDestination as Def | undefined;
  if (sns) d.sns = { topicArn: str(sns.TopicARN) };
  if (fh) d.firehose = { deliveryStreamArn: str(fh.DeliveryStreamARN), iamRoleArn: str(fh.IAMRoleARN) };
  if (cw) {
    d.cloudWatch = {
      dimensionConfigurations: ((cw.DimensionConfigurations as Def[] | undefined) ?? []).map((c, i) => {
        const source = SOURCES[str(c.DimensionValueSource)];
        if (!source) {
          problems.push(
            validationProblems.enumValue(`eventDestination.cloudWatchDestination.dimensionConfigurations.${i + 1}.member.dimensionValueSource`, str(c.DimensionValueSource), Object.keys(SOURCES)),
          );
        }
        return { dimensionName: str(c.DimensionName), dimensionValueSource: source ?? '', defaultDimensionValue: str(c.DefaultDimensionValue) };
      }),
    };
  }
  if (problems.length) throw errors.validation(problems);
  return d;
}

/** v1 EventDestination as DescribeConfigurationSet lists it. */
export function toV1(d: EventDestinationView): WireObject {
  const out: WireObject = {
    Name: d.name,
    Enabled: d.enabled,
    MatchingEventTypes: d.matchingEventTypes.flatMap((t) => (V1_EVENT_TYPE[t] ? [V1_EVENT_TYPE[t]] : [])),
  };
  if (d.firehose) out.KinesisFirehoseDestination = { IAMRoleARN: d.firehose.iamRoleArn, DeliveryStreamARN: d.firehose.deliveryStreamArn };
  if (d.cloudWatch) {
    out.CloudWatchDestination = {
      DimensionConfigurations: d.cloudWatch.dimensionConfigurations.map((c) => ({
        DimensionName: c.dimensionName,
        DimensionValueSource: SOURCE_NAME[c.dimensionValueSource] ?? c.dimensionValueSource,
        DefaultDimensionValue: c.defaultDimensionValue,
      })),
    };
  }
  if (d.sns) out.SNSDestination = { TopicARN: d.sns.topicArn };
  return out;
}

const setOf = (input: WireObject) => input.ConfigurationSetName as string;

export const CreateConfigurationSetEventDestination: OperationHandler = (input, ctx) => {
  ctx.engine.publishing.createDestination(setOf(input), fromV1(input.EventDestination as Def));
  return {};
};

export const UpdateConfigurationSetEventDestination: OperationHandler = (input, ctx) => {
  ctx.engine.publishing.updateDestination(setOf(input), fromV1(input.EventDestination as Def));
  return {};
};

export const DeleteConfigurationSetEventDestination: OperationHandler = (input, ctx) => {
  ctx.engine.publishing.deleteDestination(setOf(input), input.EventDestinationName as string);
  return {};
};
