// The configuration sets capability's public surface (ses-facts §A.13) as far as sending rules need it:
// existence, sending enabled, suppression options, and the option groups SES echoes back. The
// event-publishing issue extends it (event destinations live in the same per-set JSON document).
// Owns: shapes and the service interface (config-sets/config-sets.ts implements it). Must not: hold behaviour.
import type { SuppressionReason } from '../account/api';

export type HttpsPolicy = 'REQUIRE' | 'REQUIRE_OPEN_ONLY' | 'OPTIONAL';
export type TlsPolicy = 'REQUIRE' | 'OPTIONAL';

export interface TrackingOptions {
  customRedirectDomain: string;
  httpsPolicy: HttpsPolicy | null;
}

export interface DeliveryOptions {
  tlsPolicy: TlsPolicy;
  sendingPoolName: string | null;
  maxDeliverySeconds: number | null;
}

export interface ReputationOptions {
  reputationMetricsEnabled: boolean;
  /** Epoch ms, or null when the set never had a fresh start. */
  lastFreshStart: number | null;
}

export interface ConfigurationSetTag {
  key: string;
  value: string;
}

/** v2 `EventType` names (v1's lower-camel `send`, `renderingFailure`… map onto these). */
export type EventTypeName =
  | 'SEND'
  | 'REJECT'
  | 'BOUNCE'
  | 'COMPLAINT'
  | 'DELIVERY'
  | 'OPEN'
  | 'CLICK'
  | 'RENDERING_FAILURE'
  | 'DELIVERY_DELAY'
  | 'SUBSCRIPTION';

/** One event destination of a set (ses-facts §A.13, v2 `EventDestination`), as the event-publishing work keeps it. */
export interface EventDestinationView {
  name: string;
  enabled: boolean;
  matchingEventTypes: EventTypeName[];
  sns?: { topicArn: string };
  eventBridge?: { eventBusArn: string };
  firehose?: { deliveryStreamArn: string; iamRoleArn: string };
  cloudWatch?: { dimensionConfigurations: { dimensionName: string; dimensionValueSource: string; defaultDimensionValue: string }[] };
  pinpoint?: { applicationArn: string };
}

export interface ConfigurationSetView {
  name: string;
  createdAt: number;
  sendingEnabled: boolean;
  /** The set's SuppressedReasons; null = not set (the account's apply). An empty list disables suppression. */
  suppressedReasons: SuppressionReason[] | null;
  /** Null until given (v2 TrackingOptions; v1 has only the redirect domain). */
  tracking: TrackingOptions | null;
  delivery: DeliveryOptions;
  reputation: ReputationOptions;
  tags: ConfigurationSetTag[];
  /** Event destinations, in creation order (core/publishing manages them; ses-facts §A.13). */
  eventDestinations: EventDestinationView[];
  /**
   * Groups Sesame keeps without reading them, exactly as the caller gave them and keyed by their SES names
   * (`VdmOptions`, `ArchivingOptions`, `MessageSecurityOptions`, and SuppressionOptions' `SuppressionScope`
   * and `ValidationOptions`), so GetConfigurationSet echoes them.
   */
  stored: Record<string, unknown>;
}

/** What CreateConfigurationSet and the Put* / Update* operations may set; absent members stay as they are. */
export interface ConfigurationSetPatch {
  sendingEnabled?: boolean;
  /** null: back to the account's reasons. */
  suppressedReasons?: SuppressionReason[] | null;
  tracking?: TrackingOptions | null;
  delivery?: Partial<DeliveryOptions>;
  reputation?: Partial<ReputationOptions>;
  tags?: ConfigurationSetTag[];
  /** Replaces the whole list (core/publishing validates it first). */
  eventDestinations?: EventDestinationView[];
  /** Merged into `stored`; an undefined value removes its key. */
  stored?: Record<string, unknown>;
}

export interface ConfigurationSetService {
  /** Throws suppressionErrors.invalidConfigurationSetName / configurationSetAlreadyExists. */
  create(name: string, patch?: ConfigurationSetPatch): ConfigurationSetView;
  get(name: string): ConfigurationSetView | undefined;
  /** Like get; throws errors.configurationSetDoesNotExist. */
  require(name: string): ConfigurationSetView;
  /** In creation order (then name). */
  list(): ConfigurationSetView[];
  /** A page of `list()`; throws errors.invalidNextToken for a token it did not issue. */
  page(query: { nextToken?: string; pageSize: number }): { items: ConfigurationSetView[]; nextToken: string | null };
  /** Throws errors.configurationSetDoesNotExist. */
  update(name: string, patch: ConfigurationSetPatch): ConfigurationSetView;
  /** Throws errors.configurationSetDoesNotExist. */
  delete(name: string): void;
  /** Gate: throws ConfigurationSetDoesNotExist / ConfigurationSetSendingPaused. */
  assertCanSend(name: string): ConfigurationSetView;
  reset(): void;
}
