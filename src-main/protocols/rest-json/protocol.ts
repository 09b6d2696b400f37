// restJson1 as a WireProtocol: route + read a request, write an output or an error.
// Owns: success responses (the operation's `@http` code, JSON body of unbound members, bound members to
// headers / payload / status) and error responses (status from the model's `@httpError`,
// `x-amzn-ErrorType: <ShapeName>`, `x-amzn-RequestId`, body `{"message": "..."}`).
// Must not: decide anything about SES; it only translates.
import { errors } from '../../core/errors';
import type { SesError } from '../../core/errors';
import type { AwsHttpResponse } from '../http-types';
import type { WireObject } from '../handler-types';
import type { OperationModel, ServiceModel } from '../model/types';
import { resolveShape, structureOf } from '../model/types';
import { writeBlob, writeTimestamp } from '../scalars';
import type { WireProtocol } from '../wire-protocol';
import { restJsonErrorStatus } from '../wire-protocol';
import { writeJson } from './json-codec';
import { matchLegacyRoute } from './legacy-routes';
import { readRestInput } from './request';
import { createRestRouter } from './router';

const JSON_TYPE = 'application/json';

function headerValue(model: ServiceModel, target: string, value: unknown): string {
  const shape = resolveShape(model, target);
  if (shape === 'timestamp') return String(writeTimestamp(value, 'http-date'));
  if (shape === 'blob') return String(writeBlob(value));
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

export function createRestJsonProtocol(model: ServiceModel): WireProtocol {
  const route = createRestRouter(model);
  return {
    model,
    decode(req) {
      const query = new URLSearchParams(req.query);
      const match = route(req.method, req.path, query);
      if (!match) {
        const legacy = matchLegacyRoute(model, req.method, req.path, query);
        if (legacy) return legacy;
        throw errors.unknownOperation(req.method, req.path);
      }
      return { operation: match.operation, input: readRestInput(model, match, req, query) };
    },

    encode(operation: OperationModel, output: WireObject | undefined, requestId: string): AwsHttpResponse {
      const headers: Record<string, string> = { 'Content-Type': JSON_TYPE, 'x-amzn-RequestId': requestId };
      let status = operation.http?.code ?? 200;
      const shape = structureOf(model, operation.output);
      const body: Record<string, unknown> = {};
      let payload: string | Buffer | null = null;
      for (const [name, m] of Object.entries(shape?.members ?? {})) {
        const v = output?.[name];
        if (v === undefined || v === null) continue;
        switch (m.location) {
          case 'header':
            headers[m.locationName ?? name] = headerValue(model, m.target, v);
            break;
          case 'prefixHeaders':
            for (const [k, hv] of Object.entries(v as Record<string, unknown>)) headers[`${m.locationName ?? ''}${k}`] = String(hv);
            break;
          case 'responseCode':
            status = Number(v);
            break;
          case 'payload': {
            const target = resolveShape(model, m.target);
            if (target === 'blob') {
              payload = Buffer.isBuffer(v) ? v : Buffer.from(v as Uint8Array);
              headers['Content-Type'] = 'application/octet-stream';
            } else if (target === 'string') {
              payload = String(v);
              headers['Content-Type'] = 'text/plain';
            } else {
              payload = JSON.stringify(writeJson(model, m.target, v, m));
            }
            break;
          }
          default:
            body[name] = writeJson(model, m.target, v, m);
        }
      }
      return { status, headers, body: payload ?? JSON.stringify(body) };
    },

    encodeError(error: SesError, requestId: string): AwsHttpResponse {
      return {
        status: restJsonErrorStatus(model, error),
        headers: { 'Content-Type': JSON_TYPE, 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': error.wire.v2 },
        body: JSON.stringify({ message: error.message }),
      };
    },
  };
}
