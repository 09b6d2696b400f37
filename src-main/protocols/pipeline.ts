// The AWS request pipeline: route -> decode -> validate -> invoke -> encode, for every service on the port.
// Owns: one request id (UUID) per request, the handler context, refusing a credential scoped to another
// service, 501 NotImplemented for model operations without a handler (answered right after decoding:
// validating input nobody will use would only hide the 501), and turning every failure into the right
// protocol's error form. It never throws: a SesError becomes its wire error; anything else is logged and
// becomes InternalFailure (500).
// Must not: parse or serialize (the protocols do), or decide anything about SES (handlers call the engine).
import type { Engine } from '../core/engine-api';
import { errors, isSesError } from '../core/errors';
import type { Ids } from '../core/ids';
import { randomIds } from '../core/ids';
import { SERVICE_MODELS } from './generated/index';
import type { HandlerContext, HandlerRegistry } from './handler-types';
import { HANDLERS } from './handlers/index';
import type { AwsHttpRequest, AwsHttpResponse, AwsRequestHandler } from './http-types';
import type { ServiceName } from './model/types';
import type { RoutedRequest } from './protocols';
import { PROTOCOLS, routeRequest } from './protocols';
import { checkSigningService } from './sigv4';
import { validateInput } from './validate';

export interface AwsRequestHandlerDeps {
  engine: Engine;
  ids?: Ids;
  /** Replaces registries per service (tests); default: handlers/index.ts. */
  handlers?: Partial<Record<ServiceName, HandlerRegistry>>;
  /** Where unexpected failures are reported; default: console.error. */
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
  const ids = deps.ids ?? randomIds;
  const log = deps.log ?? ((line: string) => console.error(line));
  const registries = { ...HANDLERS, ...deps.handlers } as Record<ServiceName, HandlerRegistry>;
  checkRegistries(registries);

  async function handle(req: AwsHttpRequest, routed: RoutedRequest, requestId: string): Promise<AwsHttpResponse> {
    const { scope, service, protocol } = routed;
    if (service === null) throw errors.unknownOperation(req.method, req.path);
    checkSigningService(service, scope);
    const { operation, input } = protocol.decode(req);
    const handler = Object.hasOwn(registries[service], operation.name) ? registries[service][operation.name] : undefined;
    if (!handler) throw errors.notImplemented(protocol.model.sdkId, operation.name);
    validateInput(protocol.model, operation.input, input);
    const ctx: HandlerContext = {
      requestId,
      sourceIp: req.sourceIp,
      accessKeyId: scope?.accessKeyId ?? null,
      operation: operation.name,
      service,
      engine: deps.engine,
    };
    const output = await handler(input, ctx);
    return protocol.encode(operation, output ?? undefined, requestId);
  }

  return async (req) => {
    const requestId = ids.uuid();
    let protocol = PROTOCOLS.sesv2;
    try {
      const routed = routeRequest(req);
      protocol = routed.protocol;
      return await handle(req, routed, requestId);
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
