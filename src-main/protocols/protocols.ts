// The wire protocol of each service on the AWS port, and which one answers a given request.
// Owns: one stateless WireProtocol per service model (REST-JSON for SES v2, Query for SES v1 and SNS), and
// the rule that a request routed nowhere is answered in SES v2's form (`UnknownOperationException`).
// Must not: decode bodies or call handlers (pipeline.ts does).
import { SERVICE_MODELS } from './generated/index';
import type { AwsHttpRequest } from './http-types';
import type { ServiceName } from './model/types';
import { createQueryProtocol } from './query/protocol';
import { createRestJsonProtocol } from './rest-json/protocol';
import { routeService } from './service-router';
import type { CredentialScope } from './sigv4';
import { readCredentialScope } from './sigv4';
import type { WireProtocol } from './wire-protocol';

export const PROTOCOLS: Readonly<Record<ServiceName, WireProtocol>> = {
  sesv2: createRestJsonProtocol(SERVICE_MODELS.sesv2),
  ses: createQueryProtocol(SERVICE_MODELS.ses),
  sns: createQueryProtocol(SERVICE_MODELS.sns),
};

export interface RoutedRequest {
  /** The SigV4 credential scope, null when unsigned. */
  scope: CredentialScope | null;
  /** The service model, null when the request matches none. */
  service: ServiceName | null;
  /** The protocol that answers, errors included: the service's, or SES v2's when there is none. */
  protocol: WireProtocol;
}

/** Routes a request by path, form and SigV4 scope (service-router.ts); an unread body (length 0) routes by its headers. */
export function routeRequest(req: AwsHttpRequest): RoutedRequest {
  const scope = readCredentialScope(req.headers, req.query);
  const { service } = routeService(req, scope);
  return { scope, service, protocol: PROTOCOLS[service ?? 'sesv2'] };
}
