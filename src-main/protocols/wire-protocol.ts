// The contract between the pipeline and a wire protocol (rest-json/, query/).
// Owns: the three things a protocol does for the pipeline — decode a request into an operation and its
// input, encode an output, encode a SesError — and the shared error-status rules.
// Must not: route between services (service-router.ts) or call handlers (pipeline.ts).
import type { SesError } from '../core/errors';
import type { AwsHttpRequest, AwsHttpResponse } from './http-types';
import type { WireObject } from './handler-types';
import type { OperationModel, ServiceModel } from './model/types';
import { errorByQueryCode } from './model/types';

export interface DecodedRequest {
  operation: OperationModel;
  input: WireObject;
}

export interface WireProtocol {
  readonly model: ServiceModel;
  /** Resolves the operation and reads its input. Throws SesError (unknown operation, undecodable body). */
  decode(req: AwsHttpRequest): DecodedRequest;
  encode(operation: OperationModel, output: WireObject | undefined, requestId: string): AwsHttpResponse;
  encodeError(error: SesError, requestId: string): AwsHttpResponse;
}

/** v2 status: the model's httpError for the shape, else the wire's v2Status, else 400/500 by fault. */
export function restJsonErrorStatus(model: ServiceModel, error: SesError): number {
  return model.errors[error.wire.v2]?.httpStatus ?? error.wire.v2Status ?? (error.fault === 'server' ? 500 : 400);
}

/** v1 status: the model's awsQueryError status for the code, else the wire's v1Status, else 400/500 by fault. */
export function queryErrorStatus(model: ServiceModel, error: SesError): number {
  return errorByQueryCode(model, error.wire.v1)?.queryStatus ?? error.wire.v1Status ?? (error.fault === 'server' ? 500 : 400);
}
