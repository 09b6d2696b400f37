// SES v2 ListRecommendations (VDM): the recommendations core/vdm computes, filtered and paged. Filter keys are
// TYPE, IMPACT, STATUS and RESOURCE_ARN, alone or as STATUS + IMPACT or STATUS + TYPE (API reference: "Can
// either be an individual filter, or combinations of STATUS and IMPACT or STATUS and TYPE"); PageSize 1..100.
// Refusal texts are Sesame's, in the model validator's style [verify].
// Owns: the filter rules and the wire mapping. Must not: compute recommendations.
import { errors } from '../../../core/errors';
import { decodePageToken, encodePageToken } from '../../../core/paging';
import type { RecommendationView } from '../../../core/vdm/recommendations';
import type { OperationHandler } from '../../handler-types';

const ENUMS: Record<string, readonly string[]> = {
  TYPE: ['DKIM', 'DMARC', 'SPF', 'BIMI', 'COMPLAINT', 'BOUNCE', 'FEEDBACK_3P', 'IP_LISTING'],
  IMPACT: ['LOW', 'HIGH'],
  STATUS: ['OPEN', 'FIXED'],
};
const FIELD: Record<string, (r: RecommendationView) => string> = {
  TYPE: (r) => r.type,
  IMPACT: (r) => r.impact,
  STATUS: (r) => r.status,
  RESOURCE_ARN: (r) => r.resourceArn,
};
const COMBINATIONS = ['STATUS,IMPACT', 'STATUS,TYPE'];
const MAX_PAGE = 100;

function readFilter(filter: Record<string, string>): [string, string][] {
  const entries = Object.entries(filter);
  for (const [key, value] of entries) {
    if (!FIELD[key]) throw errors.validation([`Value '${key}' at 'filter' failed to satisfy constraint: Map keys must satisfy enum value set: [TYPE, IMPACT, STATUS, RESOURCE_ARN]`]);
    const allowed = ENUMS[key];
    if (allowed && !allowed.includes(value)) {
      throw errors.validation([`Value '${value}' at 'filter.${key}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`]);
    }
  }
  const keys = entries.map(([k]) => k).sort((a, b) => (a === 'STATUS' ? -1 : b === 'STATUS' ? 1 : 0));
  if (keys.length > 1 && !COMBINATIONS.includes(keys.join(','))) {
    throw errors.validation(['The filter must be one key, or STATUS with IMPACT, or STATUS with TYPE.']);
  }
  return entries;
}

export const ListRecommendations: OperationHandler = (input, ctx) => {
  const filter = readFilter((input.Filter ?? {}) as Record<string, string>);
  const pageSize = input.PageSize === undefined ? MAX_PAGE : Number(input.PageSize);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE) {
    throw errors.validation([`Value '${String(input.PageSize)}' at 'pageSize' failed to satisfy constraint: Member must be between 1 and ${MAX_PAGE}`]);
  }
  const offset = input.NextToken === undefined ? 0 : decodePageToken(String(input.NextToken));
  if (offset === undefined) throw errors.invalidNextToken(String(input.NextToken));
  const all = ctx.engine.recommendations.list().filter((r) => filter.every(([k, v]) => FIELD[k](r) === v));
  const page = all.slice(offset, offset + pageSize);
  return {
    Recommendations: page.map((r) => ({
      ResourceArn: r.resourceArn,
      Type: r.type,
      Description: r.description,
      Status: r.status,
      CreatedTimestamp: new Date(r.createdAt),
      LastUpdatedTimestamp: new Date(r.updatedAt),
      Impact: r.impact,
    })),
    ...(offset + pageSize < all.length ? { NextToken: encodePageToken(offset + pageSize) } : {}),
  };
};
