// Answers for requests the pipeline never sees whole: a body over the AWS port's cap, a body that could not
// be read, an AwsRequestHandler that threw. The transport (adapters/aws-endpoint) reads sockets; this picks
// the error for the routed service (its own message limit: v2 40 MB, v1 10 MB) and encodes it with the same
// protocol encoder the pipeline uses — REST-JSON for v2, <ErrorResponse> in the SES or SNS namespace for Query.
// Must not: read sockets, or write a wire error by hand.
import type { SesError } from '../core/errors';
import { requestErrors } from '../core/errors';
import { MAX_MESSAGE_BYTES_V1, MAX_MESSAGE_BYTES_V2 } from '../core/limits';
import type { AwsHttpRequest, AwsHttpResponse } from './http-types';
import type { ServiceName } from './model/types';
import { routeRequest } from './protocols';

/** Why the transport could not hand a request over: `cap` is the body size it refused to read past. */
export type TransportProblem = { reason: 'too-large'; cap: number } | { reason: 'unreadable' };

function tooLarge(service: ServiceName | null, cap: number): SesError {
  if (service === 'sesv2') return requestErrors.bodyTooLarge(MAX_MESSAGE_BYTES_V2, cap);
  if (service === 'ses') return requestErrors.bodyTooLarge(MAX_MESSAGE_BYTES_V1, cap);
  return requestErrors.requestTooLarge(cap);
}

/** `error` in the form the request's routed protocol answers errors (SES v2's when it routes nowhere). */
export function encodeErrorFor(req: AwsHttpRequest, error: SesError, requestId: string): AwsHttpResponse {
  return routeRequest(req).protocol.encodeError(error, requestId);
}

/** The answer to a request whose body the transport refused or could not read (`req.body` may be empty). */
export function transportErrorResponse(req: AwsHttpRequest, problem: TransportProblem, requestId: string): AwsHttpResponse {
  const { service, protocol } = routeRequest(req);
  const error = problem.reason === 'too-large' ? tooLarge(service, problem.cap) : requestErrors.unreadableBody();
  return protocol.encodeError(error, requestId);
}
