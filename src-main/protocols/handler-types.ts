// What an operation handler sees and returns.
// Owns: the handler signature, its per-request context and the registry type (keyed by exact AWS
// operation names, `SendEmail`, `GetAccount`).
// Must not: carry wire details. Handlers get parsed, validated input (AWS member names, blobs as Buffer,
// timestamps as Date) and return output in the same form; the protocol layer does the rest.
import type { CallerContext, Engine } from '../core/engine-api';
import type { ServiceName } from './model/types';

export interface HandlerContext {
  /** UUID of this request (`x-amzn-RequestId`, `<RequestId>`). */
  requestId: string;
  sourceIp: string;
  /** From the SigV4 credential scope; null for unsigned requests. */
  accessKeyId: string | null;
  /** Exact AWS operation name. */
  operation: string;
  service: ServiceName;
  engine: Engine;
}

/** A parsed structure: AWS member names to values. */
export type WireObject = Record<string, unknown>;

/** Returns the output structure, or nothing for operations whose output is empty or absent. */
export type OperationHandler = (input: WireObject, ctx: HandlerContext) => Promise<WireObject | void> | WireObject | void;

export type HandlerRegistry = Readonly<Record<string, OperationHandler>>;

/** The `caller` of a SendRequest, for API doors. */
export function callerOf(ctx: HandlerContext): CallerContext {
  return {
    door: ctx.service === 'sesv2' ? 'sesv2' : 'ses',
    operation: ctx.operation,
    sourceIp: ctx.sourceIp,
    accessKeyId: ctx.accessKeyId,
    requestId: ctx.requestId,
  };
}
