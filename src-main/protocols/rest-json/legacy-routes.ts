// Routes older SES v2 clients still send. The current model (inside @aws-sdk/client-sesv2) moved two list
// operations from `GET` with query parameters to `POST` with a JSON body; botocore 1.43 (boto3, the AWS CLI)
// and older JS SDKs still send the GET form (botocore sesv2 service-2.json: `GET /v2/email/identities`,
// `GET /v2/email/configuration-sets`, each with `NextToken` and `PageSize` in the query string).
// Owns: matching those legacy forms and reading their query string into the operation's input.
// Must not: route anything the model's own templates match (they are tried first).
import type { WireObject } from '../handler-types';
import type { OperationModel, ServiceModel } from '../model/types';

interface LegacyRoute {
  method: string;
  path: string;
  operation: string;
}

const LEGACY_ROUTES: readonly LegacyRoute[] = [
  { method: 'GET', path: '/v2/email/identities', operation: 'ListEmailIdentities' },
  { method: 'GET', path: '/v2/email/configuration-sets', operation: 'ListConfigurationSets' },
];

export interface LegacyMatch {
  operation: OperationModel;
  input: WireObject;
}

/** The legacy form of a list operation, with `NextToken` and `PageSize` read from the query string. */
export function matchLegacyRoute(model: ServiceModel, method: string, path: string, query: URLSearchParams): LegacyMatch | null {
  const bare = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const route = LEGACY_ROUTES.find((r) => r.method === method.toUpperCase() && r.path === bare);
  const operation = route && model.operations[route.operation];
  if (!operation) return null;
  const input: WireObject = {};
  const token = query.get('NextToken');
  if (token !== null && token !== '') input.NextToken = token;
  const size = query.get('PageSize');
  if (size !== null && size !== '') {
    const n = Number(size);
    input.PageSize = Number.isFinite(n) ? n : size; // a non-number is left for validation to refuse
  }
  return { operation, input };
}
