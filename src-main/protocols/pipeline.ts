// The AWS request pipeline: route -> decode -> validate -> invoke -> encode, for every service on the port.
// Owns: one request id (UUID) per request, the handler context, 501 NotImplemented for model operations
// without a handler (answered right after decoding: validating input nobody will use would only hide the
// 501), and turning every failure into the right protocol's error form. It never throws:
// a SesError becomes its wire error; anything else is logged to stderr and becomes InternalFailure (500).
// Must not: parse or serialize (the protocols do), or decide anything about SES (handlers call the engine).
import type { Clock } from '../core/clock';
import { systemClock } from '../core/clock';
import type { Engine } from '../core/engine-api';
import { errors, isSesError } from '../core/errors';
import type { Ids } from '../core/ids';
import { randomIds } from '../core/ids';
import { SERVICE_MODELS } from './generated/index';
import type { HandlerContext, HandlerRegistry } from './handler-types';
import { HANDLERS } from './handlers/index';
import type { AwsHttpRequest, AwsHttpResponse, AwsRequestHandler } from './http-types';
import type { ServiceName } from './model/types';
import { createQueryProtocol } from './query/protocol';
import { createRestJsonProtocol } from './rest-json/protocol';
import { routeService } from './service-router';
import { readCredentialScope } from './sigv4';
import { validateInput } from './validate';
import type { WireProtocol } from './wire-protocol';

export interface AwsRequestHandlerDeps {
  engine: Engine;
  clock?: Clock;
  ids?: Ids;
  /** Replaces registries per service (tests); default: handlers/index.ts. */
  handlers?: Partial<Record<ServiceName, HandlerRegistry>>;
  /** Where unexpected failures are reported; default: stderr. */
  log?: (line: string) => void;
}

/** Refuses registries with names that are not operations of the model (typos would silently 501). */
function checkRegistries(registries: Record<ServiceName, HandlerRegistry>): void {
  for (const service of Object.keys(registries) as ServiceName[]) {
    const unknown = Object.keys(registries[service]).filter((op) => !Object.hasOwn(SERVICE_MODELS[service].operations, op));
    if (unknown.length > 0) throw new Error(`handlers for operations not in the ${service} model: ${unknown.join(', ')}`);
  }
}

export function createAwsRequestHandler(deps: AwsRequestHandlerDeps): AwsRequestHandler {
  const clock = deps.clock ?? systemClock;
  const ids = deps.ids ?? randomIds;
  const log = deps.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const registries = { ...HANDLERS, ...deps.handlers } as Record<ServiceName, HandlerRegistry>;
  checkRegistries(registries);
  const protocols: Record<ServiceName, WireProtocol> = {
    sesv2: createRestJsonProtocol(SERVICE_MODELS.sesv2),
    ses: createQueryProtocol(SERVICE_MODELS.ses),
    sns: createQueryProtocol(SERVICE_MODELS.sns),
  };

  async function handle(req: AwsHttpRequest, requestId: string, use: (p: WireProtocol) => void): Promise<AwsHttpResponse> {
    const scope = readCredentialScope(req.headers, req.query);
    const route = routeService(req, scope);
    if (route.service === null) throw errors.unknownOperation(req.method, req.path);
    const service = route.service;
    const protocol = protocols[service];
    use(protocol);
    const { operation, input } = protocol.decode(req);
    const handler = Object.hasOwn(registries[service], operation.name) ? registries[service][operation.name] : undefined;
    if (!handler) throw errors.notImplemented(protocol.model.sdkId, operation.name);
    validateInput(protocol.model, operation.input, input);
    const ctx: HandlerContext = {
      requestId,
      sourceIp: req.sourceIp,
      accessKeyId: scope?.accessKeyId ?? null,
      region: scope?.region ?? deps.engine.region,
      operation: operation.name,
      service,
      engine: deps.engine,
      clock,
    };
    const output = await handler(input, ctx);
    return protocol.encode(operation, output ?? undefined, requestId);
  }

  return async (req) => {
    const requestId = ids.uuid();
    let protocol = protocols.sesv2;
    try {
      return await handle(req, requestId, (p) => (protocol = p));
    } catch (e) {
      try {
        if (isSesError(e)) return protocol.encodeError(e, requestId);
        log(`[sesame] aws ${requestId} ${req.method} ${req.path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return protocol.encodeError(errors.internal(), requestId);
      } catch (fatal) {
        log(`[sesame] aws ${requestId}: could not encode an error: ${String(fatal)}`);
        return { status: 500, headers: { 'Content-Type': 'text/plain', 'x-amzn-RequestId': requestId }, body: 'Internal failure' };
      }
    }
  };
}
