// Event destinations of a configuration set (ses-facts §A.13), shared by v1 and v2: create, update, delete,
// list, kept in the set's own JSON document (config-sets' `eventDestinations`). An SNS destination's topic
// must exist, and a new one receives SES's validation message at once (§A.5.2).
// Owns: destination rules (name, exactly one target, at least one event type, at most 10 per set, unique
// names). Must not: publish events (fanout.ts does) or speak a wire format.
import type { ConfigurationSetService, EventDestinationView } from '../config-sets/api';
import { publishingErrors } from '../errors';
import { EVENT_DESTINATION_NAME_MAX_CHARS, EVENT_DESTINATIONS_PER_SET_MAX } from '../limits';
import type { SnsService } from '../sns/api';
import { VALIDATION_MESSAGE } from './shapes';

export interface DestinationDeps {
  configurationSets: ConfigurationSetService;
  sns: () => Pick<SnsService, 'publish' | 'topicExists'> | undefined;
  /** Logs the validation publish (publish log: eventId null). */
  logValidation(configurationSet: string, destination: string, topicArn: string, snsMessageId: string | null, error: string | null): void;
}

const NAME = new RegExp(`^[A-Za-z0-9_-]{1,${EVENT_DESTINATION_NAME_MAX_CHARS}}$`);
const TARGETS = ['sns', 'eventBridge', 'firehose', 'cloudWatch', 'pinpoint'] as const;

function validated(d: EventDestinationView, deps: DestinationDeps): EventDestinationView {
  if (!NAME.test(d.name)) throw publishingErrors.invalidName(d.name);
  const targets = TARGETS.filter((t) => d[t] !== undefined);
  if (targets.length !== 1) throw publishingErrors.oneTarget(d.name);
  const types = [...new Set(d.matchingEventTypes)];
  if (!types.length) throw publishingErrors.noEventTypes(d.name);
  if (d.sns && !deps.sns()?.topicExists(d.sns.topicArn)) throw publishingErrors.snsTopicNotFound(d.sns.topicArn);
  const out: EventDestinationView = { name: d.name, enabled: d.enabled, matchingEventTypes: types };
  const t = targets[0]!;
  return Object.assign(out, { [t]: structuredClone(d[t]) });
}

export function createDestinations(deps: DestinationDeps) {
  const { configurationSets } = deps;
  const list = (set: string) => configurationSets.require(set).eventDestinations;

  /** SES publishes a plain message (no Subject) to a new SNS destination's topic. */
  function validate(set: string, d: EventDestinationView) {
    if (!d.sns) return;
    try {
      const r = deps.sns()!.publish({ topicArn: d.sns.topicArn, message: VALIDATION_MESSAGE });
      deps.logValidation(set, d.name, d.sns.topicArn, r.messageId, null);
    } catch (err) {
      deps.logValidation(set, d.name, d.sns.topicArn, null, err instanceof Error ? err.message : String(err));
    }
  }

  return {
    list,
    create(set: string, d: EventDestinationView): EventDestinationView {
      const current = list(set);
      const dest = validated(d, deps);
      if (current.some((c) => c.name === dest.name)) throw publishingErrors.destinationAlreadyExists(dest.name);
      if (current.length >= EVENT_DESTINATIONS_PER_SET_MAX) throw publishingErrors.tooManyDestinations(EVENT_DESTINATIONS_PER_SET_MAX);
      configurationSets.update(set, { eventDestinations: [...current, dest] });
      validate(set, dest);
      return dest;
    },
    update(set: string, d: EventDestinationView): EventDestinationView {
      const current = list(set);
      const at = current.findIndex((c) => c.name === d.name);
      if (at < 0) throw publishingErrors.destinationDoesNotExist(d.name);
      const dest = validated(d, deps);
      const next = [...current];
      next[at] = dest;
      configurationSets.update(set, { eventDestinations: next });
      return dest;
    },
    delete(set: string, name: string): void {
      const current = list(set);
      if (!current.some((c) => c.name === name)) throw publishingErrors.destinationDoesNotExist(name);
      configurationSets.update(set, { eventDestinations: current.filter((c) => c.name !== name) });
    },
  };
}
